"""Switching an account off (signed out at once) and back on; an admin cannot switch
themselves off, nor the last admin; invitations are cancelled, not switched off."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from leaver.administration.events import UserAdminEvent
from leaver.administration.tests.users_helpers import invite
from leaver.administration.users import actions
from leaver.administration.users.models import Closed, Invitation
from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role
from leaver.testing import PASSWORD, make_user

pytestmark = pytest.mark.django_db
U = "administration:users:"


def test_switching_off_signs_the_person_out_on_their_next_request(client, cast):
    theirs = Client()
    signed_in = theirs.post(reverse("accounts:login"),
                            {"username": cast.iro.email, "password": PASSWORD})
    assert signed_in.status_code == 302
    assert theirs.get(reverse("young_person:your_work")).status_code == 200
    client.force_login(cast.org_admin)
    url = reverse(U + "switch_off", args=[cast.iro.public_id])
    confirm = client.get(url).content.decode()
    assert "govuk-button--warning" in confirm
    assert "signed out at once" in confirm
    assert client.post(url).status_code == 302
    cast.iro.refresh_from_db()
    assert not cast.iro.is_active
    # Their open session no longer signs them in: the next page sends them to sign in.
    response = theirs.get(reverse("young_person:your_work"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    # Their session is gone, so switching the account back on does not revive it.
    assert "_auth_user_id" not in theirs.session
    actions.switch_on(actor=cast.org_admin, person=cast.iro)
    assert theirs.get(reverse("young_person:your_work")).status_code == 302
    actions.switch_off(actor=cast.org_admin, person=cast.iro)
    # ...and they cannot sign in again.
    again = theirs.post(reverse("accounts:login"),
                        {"username": cast.iro.email, "password": PASSWORD})
    assert again.status_code == 200
    assert "_auth_user_id" not in theirs.session
    row = AuditEvent.objects.filter(action=UserAdminEvent.SWITCHED_OFF).earliest("at")
    assert (row.actor, row.object_id) == (cast.org_admin, cast.iro.public_id)
    assert row.detail == {"sessions_ended": 1}
    page = client.get(reverse(U + "list")).content.decode()
    assert "Switched off" in page


def test_switched_back_on_they_sign_in_again(client, cast):
    actions.switch_off(actor=cast.org_admin, person=cast.iro)
    client.force_login(cast.org_admin)
    url = reverse(U + "switch_on", args=[cast.iro.public_id])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302
    cast.iro.refresh_from_db()
    assert cast.iro.is_active
    assert AuditEvent.objects.filter(action=UserAdminEvent.SWITCHED_ON).exists()
    theirs = Client()
    theirs.post(reverse("accounts:login"), {"username": cast.iro.email, "password": PASSWORD})
    assert theirs.session["_auth_user_id"] == str(cast.iro.pk)
    # Already on: refused, nothing written.
    before = AuditEvent.objects.count()
    assert client.post(url).status_code == 400
    assert AuditEvent.objects.count() == before


def test_an_admin_cannot_switch_themselves_off(client, cast):
    make_user(cast.org, "Bea Admin", Role.ORG_ADMIN)  # not the last admin, still refused
    client.force_login(cast.org_admin)
    page = client.get(reverse(U + "person", args=[cast.org_admin.public_id])).content.decode()
    assert "You cannot switch off your own account" in page
    response = client.post(reverse(U + "switch_off", args=[cast.org_admin.public_id]))
    assert response.status_code == 400
    assert "You cannot switch off your own account" in response.content.decode()
    cast.org_admin.refresh_from_db()
    assert cast.org_admin.is_active
    assert not AuditEvent.objects.filter(action=UserAdminEvent.SWITCHED_OFF).exists()


def test_the_last_active_admin_cannot_be_switched_off(cast):
    """Two admins switching each other off at once: the second, acting on a stale page
    after the first has switched them off, is refused."""
    second = make_user(cast.org, "Bea Admin", Role.ORG_ADMIN)
    actions.switch_off(actor=second, person=cast.org_admin)
    with pytest.raises(ActionRefused, match="last organisation admin"):
        actions.switch_off(actor=cast.org_admin, person=second)
    second.refresh_from_db()
    assert second.is_active


def test_another_admin_can_be_switched_off(client, cast):
    second = make_user(cast.org, "Bea Admin", Role.ORG_ADMIN)
    client.force_login(cast.org_admin)
    assert client.post(reverse(U + "switch_off", args=[second.public_id])).status_code == 302
    second.refresh_from_db()
    assert not second.is_active


def test_an_invitation_is_cancelled_not_switched_off(
        client, cast, django_capture_on_commit_callbacks):
    person, _token = invite(cast, django_capture_on_commit_callbacks)
    client.force_login(cast.org_admin)
    page = client.get(reverse(U + "person", args=[person.public_id])).content.decode()
    assert "Send the invitation again" in page
    assert "Switch off the account" not in page
    assert client.post(reverse(U + "switch_off", args=[person.public_id])).status_code == 400
    assert client.post(reverse(U + "switch_on", args=[person.public_id])).status_code == 400
    url = reverse(U + "cancel", args=[person.public_id])
    assert "govuk-button--warning" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    invitation = Invitation.objects.get(user=person)
    assert (invitation.closed_because, invitation.closed_by) == (Closed.CANCELLED,
                                                                 cast.org_admin)
    assert AuditEvent.objects.filter(action=UserAdminEvent.INVITATION_CANCELLED).exists()
    person.refresh_from_db()
    assert not person.is_active
    assert "Invitation cancelled" in client.get(reverse(U + "list")).content.decode()
    # Nothing left to cancel.
    assert client.post(url).status_code == 400


def test_a_resend_from_the_persons_page_sends_a_new_link(
        client, cast, mailoutbox, django_capture_on_commit_callbacks):
    person, _token = invite(cast, django_capture_on_commit_callbacks)
    client.force_login(cast.org_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(U + "resend", args=[person.public_id]))
    assert response.status_code == 302
    assert len(mailoutbox) == 2
    assert Invitation.objects.filter(user=person, closed_at__isnull=True).count() == 1
    assert AuditEvent.objects.filter(action=UserAdminEvent.INVITATION_RESENT).exists()
    # A working account needs no invitation.
    refused = client.post(reverse(U + "resend", args=[cast.csm.public_id]))
    assert refused.status_code == 403
    assert "has already set a password" in refused.content.decode()
