"""The invited person's link: it sets a password once, then never works again; an expired,
used, cancelled, replaced or unknown link gets a clear page and changes nothing."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.events import UserAdminEvent
from leaver.administration.tests.users_helpers import GOOD_PASSWORD, invite, link_in
from leaver.administration.users import actions, queries
from leaver.administration.users.models import Closed, Invitation
from leaver.administration.users.queries import TAG_COLOURS, UserStatus
from leaver.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
SET_PASSWORD = reverse("invitations:set_password")


def _open(client, token):
    """Follows the emailed link: it keeps the token and moves to an address without it."""
    response = client.get(reverse("invitations:start", args=[token]))
    assert response.status_code == 302
    assert response["Location"] == SET_PASSWORD
    assert token not in response["Location"]
    return client.get(SET_PASSWORD)


def _set(client, password=GOOD_PASSWORD, again=None):
    return client.post(SET_PASSWORD, {"new_password1": password,
                                      "new_password2": password if again is None else again})


def _unchanged(person):
    person.refresh_from_db()
    assert not person.is_active
    assert person.password.startswith(UNUSABLE_PASSWORD_PREFIX)


def test_the_link_sets_a_password_once_and_sends_them_to_sign_in(
        client, cast, django_capture_on_commit_callbacks):
    person, token = invite(cast, django_capture_on_commit_callbacks)
    page = _open(client, token)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Set your password" in text
    for shown in ("Nia Newcomer", person.email, cast.org.name):
        assert shown in text
    response = _set(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    person.refresh_from_db()
    assert person.is_active
    assert person.check_password(GOOD_PASSWORD)
    # Not signed in: sign-in (and its second factor) is a step of its own.
    assert "_auth_user_id" not in client.session
    invitation = Invitation.objects.get(user=person)
    assert invitation.closed_because == Closed.ACCEPTED
    assert invitation.closed_by == person
    assert AuditEvent.objects.filter(action=UserAdminEvent.INVITATION_ACCEPTED,
                                     actor=person, object_id=person.public_id).exists()
    login = client.get(response["Location"]).content.decode()
    assert "Your password is set." in login
    # They can now sign in with it.
    signed_in = client.post(reverse("accounts:login"),
                            {"username": person.email, "password": GOOD_PASSWORD})
    assert signed_in.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)
    # The same link again: used up.
    client.post(reverse("accounts:logout"))
    again = _open(client, token)
    assert again.status_code == 410
    assert "This link has already been used" in again.content.decode()
    assert _set(client, "Another-Password-99").status_code == 410
    person.refresh_from_db()
    assert person.check_password(GOOD_PASSWORD)


def test_passwords_that_break_the_rules_are_refused_in_plain_words(
        client, cast, django_capture_on_commit_callbacks):
    person, token = invite(cast, django_capture_on_commit_callbacks)
    _open(client, token)
    cases = [
        ("short-1", None, "at least 12 characters"),
        ("password1234", None, "too common"),
        ("839201746381", None, "entirely numeric"),
        ("nia.newcomer.north", None, "too like your name or email address"),
        (GOOD_PASSWORD, "something-else-entirely", "The passwords do not match"),
        ("", "", "Enter a password."),
    ]
    for password, again, message in cases:
        response = _set(client, password, again)
        page = response.content.decode()
        assert response.status_code == 400, password
        assert "There is a problem" in page
        assert message in page, (password, message)
        # Passwords are never shown again, even on error.
        assert not password or f'value="{password}"' not in page
        _unchanged(person)
    assert Invitation.objects.get(user=person).closed_at is None


@pytest.mark.parametrize("how", ["expired", "cancelled", "replaced", "used"])
def test_a_closed_link_says_why_and_whom_to_ask_and_changes_nothing(
        client, cast, django_capture_on_commit_callbacks, how):
    person, token = invite(cast, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(user=person)
    if how == "expired":
        invitation.expires_at = timezone.now() - dt.timedelta(seconds=1)
        invitation.save(update_fields=["expires_at"])
    elif how == "cancelled":
        actions.cancel_invitation(actor=cast.org_admin, person=person)
    elif how == "replaced":
        with django_capture_on_commit_callbacks(execute=True):
            actions.resend_invitation(actor=cast.org_admin, person=person)
    else:
        actions.accept_invitation(token=token, password=GOOD_PASSWORD)
    before = (User.objects.filter(pk=person.pk).values().get(),
              list(Invitation.objects.values()), AuditEvent.objects.count())
    page = _open(client, token)
    text = page.content.decode()
    assert page.status_code == 410
    assert {"expired": "This link has expired", "cancelled": "has been cancelled",
            "replaced": "This link has been replaced",
            "used": "already been used"}[how] in text
    assert "Nothing has been changed." in text
    assert cast.org_admin.full_name in text  # whom to ask
    assert _set(client).status_code == 410
    assert (User.objects.filter(pk=person.pk).values().get(),
            list(Invitation.objects.values()), AuditEvent.objects.count()) == before
    # The admin sees where the invitation stands.
    status = {"expired": UserStatus.INVITATION_EXPIRED, "used": UserStatus.ACTIVE,
              "cancelled": UserStatus.INVITATION_CANCELLED, "replaced": UserStatus.INVITED}[how]
    assert queries.person(person).status == status
    client.force_login(cast.org_admin)
    page = client.get(reverse("administration:users:person", args=[person.public_id]))
    assert f'govuk-tag--{TAG_COLOURS[status]}">{status.label}<' in page.content.decode()


def test_an_unknown_link_is_not_found(client, cast, django_capture_on_commit_callbacks):
    person, token = invite(cast, django_capture_on_commit_callbacks)
    page = _open(client, token[:-2] + "xx")
    assert page.status_code == 404
    assert "This link is not valid" in page.content.decode()
    assert cast.org.name not in page.content.decode()
    assert _set(client).status_code == 404
    _unchanged(person)
    assert _open(client, "x" * 500).status_code == 404
    # No link at all.
    fresh = client.__class__()
    assert fresh.get(SET_PASSWORD).status_code == 404


def test_an_expired_link_refuses_a_form_opened_before_it_expired(
        client, cast, django_capture_on_commit_callbacks):
    person, token = invite(cast, django_capture_on_commit_callbacks)
    assert _open(client, token).status_code == 200
    Invitation.objects.filter(user=person).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert _set(client).status_code == 410
    _unchanged(person)


def test_a_resent_invitation_kills_the_old_link_and_the_new_one_works(
        client, cast, django_capture_on_commit_callbacks):
    person, old = invite(cast, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        actions.resend_invitation(actor=cast.org_admin, person=person)
    _link, new = link_in(mail.outbox[-1])
    assert new != old
    assert _open(client, old).status_code == 410
    assert _open(client, new).status_code == 200
    assert _set(client).status_code == 302
    person.refresh_from_db()
    assert person.is_active


def test_the_token_is_never_logged(client, cast, django_capture_on_commit_callbacks, caplog):
    caplog.set_level(logging.DEBUG)
    # Django's loggers do not pass their lines up to the root, where caplog listens.
    django_logger = logging.getLogger("django")
    django_logger.addHandler(caplog.handler)
    try:
        _person, token = invite(cast, django_capture_on_commit_callbacks)
        _open(client, token)
        _set(client, "short")  # a 400, which Django logs with the address
        _set(client)
        _open(client, token)  # now used: a 410, logged too
    finally:
        django_logger.removeHandler(caplog.handler)
    logged = [record.getMessage() for record in caplog.records]
    assert any("Bad Request: /invitation/set-password/" in line for line in logged), logged
    assert any("Gone: /invitation/set-password/" in line for line in logged), logged
    assert not any(token in line for line in logged)
    assert not any(token in str(row.detail) for row in AuditEvent.objects.all())
