"""Inviting someone: an account that cannot sign in yet, a hashed single-use token, an email
with the link, and a clear refusal for an address that already has an account anywhere."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.urls import reverse

from leaver.accounts.models import User
from leaver.administration.events import UserAdminEvent
from leaver.administration.tests.users_helpers import link_in
from leaver.administration.users.models import Invitation, hash_token
from leaver.audit.models import AuditEvent
from leaver.organisations.models import Membership, Role, Setting, SettingKind

pytestmark = pytest.mark.django_db
INVITE = reverse("administration:users:invite")


def _post(client, cast, capture, **fields):
    client.force_login(cast.org_admin)
    data = {"full_name": "Nia Newcomer", "email": "Nia.Newcomer@North.example ",
            "roles": ["social_worker"], **fields}
    with capture(execute=True):
        return client.post(INVITE, data)


def test_an_invitation_makes_an_account_that_cannot_sign_in_yet(
        client, cast, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://leaver.north.example"
    response = _post(client, cast, django_capture_on_commit_callbacks)
    person = User.objects.get(email="nia.newcomer@north.example")  # normalised
    assert response.status_code == 302
    assert response["Location"] == reverse("administration:users:person",
                                           args=[person.public_id])
    assert person.organisation == cast.org
    assert person.full_name == "Nia Newcomer"
    assert not person.is_active
    assert person.password.startswith(UNUSABLE_PASSWORD_PREFIX)
    assert list(Membership.objects.filter(user=person).values_list("role", flat=True)) == [
        "social_worker"]
    # One email, to them, with the link built from SITE_URL.
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["nia.newcomer@north.example"]
    assert cast.org.name in mailoutbox[0].body
    assert "The link works once, until " in mailoutbox[0].body
    link, token = link_in(mailoutbox[0])
    assert link.startswith("https://leaver.north.example/invitation/")
    # Only a hash of the token is kept; it expires after INVITATION_DAYS.
    invitation = Invitation.objects.get(user=person)
    assert invitation.token_hash == hash_token(token) != token
    assert invitation.invited_by == cast.org_admin
    days = (invitation.expires_at - invitation.created_at).days
    assert days == settings.INVITATION_DAYS == 7
    assert not Invitation.objects.filter(token_hash=token).exists()
    # Audited, without the token.
    rows = AuditEvent.objects.filter(object_id=person.public_id)
    assert set(rows.values_list("action", flat=True)) == {
        UserAdminEvent.USER_INVITED, UserAdminEvent.ROLE_GIVEN}
    assert all(r.actor == cast.org_admin and r.organisation == cast.org for r in rows)
    assert not any(token in str(r.detail) for r in rows)
    # The list shows them as invited.
    page = client.get(reverse("administration:users:list")).content.decode()
    assert "Nia Newcomer" in page
    assert "Invited" in page


def test_the_invitation_days_come_from_the_setting(
        client, cast, mailoutbox, django_capture_on_commit_callbacks, settings):
    settings.INVITATION_DAYS = 2
    _post(client, cast, django_capture_on_commit_callbacks)
    invitation = Invitation.objects.get(user__email="nia.newcomer@north.example")
    assert (invitation.expires_at - invitation.created_at).days == 2


@pytest.mark.parametrize("whose", ["cast", "other_cast"])
def test_an_address_with_an_account_anywhere_is_refused_without_saying_where(
        client, cast, other_cast, mailoutbox, django_capture_on_commit_callbacks, whose):
    existing = (cast if whose == "cast" else other_cast).iro
    users_before = User.objects.count()
    # The same address typed differently still counts as the same.
    response = _post(client, cast, django_capture_on_commit_callbacks,
                     email=f"  {existing.email.upper()} ")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is already an account with this email address" in page
    assert other_cast.org.name not in page
    assert cast.org.name not in page.split("<main")[1]
    assert User.objects.count() == users_before
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_bad_input_is_shown_again_with_what_was_typed(
        client, cast, mailoutbox, django_capture_on_commit_callbacks):
    response = _post(client, cast, django_capture_on_commit_callbacks,
                     full_name="Nia <b>Newcomer</b>", email="not-an-email",
                     roles=["unit_manager", "csm"], independent="on")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter an email address in the correct format" in page
    assert "Choose the homes or agency placements this Unit Manager manages." in page
    assert "Only an interviewer can be independent" in page
    # What was typed is back, escaped; ticked boxes stay ticked.
    assert 'value="Nia &lt;b&gt;Newcomer&lt;/b&gt;"' in page
    assert 'value="not-an-email"' in page
    assert 'value="unit_manager" checked' in page
    assert 'value="csm" checked' in page
    assert not User.objects.filter(full_name__startswith="Nia").exists()
    assert mailoutbox == []


def test_an_empty_form_says_what_is_missing(client, cast):
    client.force_login(cast.org_admin)
    page = client.post(INVITE, {}).content.decode()
    assert "Enter the person&#x27;s full name." in page
    assert "Enter the person&#x27;s email address." in page
    assert "Choose at least one role." in page


def test_a_unit_manager_is_invited_for_the_homes_ticked(
        client, cast, other_cast, mailoutbox, django_capture_on_commit_callbacks):
    agency = Setting.objects.create(organisation=cast.org, name="Horizon Care",
                                    kind=SettingKind.AGENCY_PLACEMENT)
    response = _post(client, cast, django_capture_on_commit_callbacks, roles=["unit_manager"],
                     places=[str(cast.home.public_id), str(agency.public_id)])
    assert response.status_code == 302
    person = User.objects.get(email="nia.newcomer@north.example")
    assert set(Membership.objects.filter(user=person, role=Role.UNIT_MANAGER)
               .values_list("setting__name", flat=True)) == {"Oak House", "Horizon Care"}
    # Another organisation's home is not offered, and refused when sent.
    response = _post(client, cast, django_capture_on_commit_callbacks, email="x@north.example",
                     roles=["unit_manager"], places=[str(other_cast.home.public_id)])
    assert response.status_code == 400
    assert "Choose from the homes and agency placements listed." in response.content.decode()
    assert not User.objects.filter(email="x@north.example").exists()


def test_a_headteacher_needs_a_school_and_there_is_none_yet(
        client, cast, django_capture_on_commit_callbacks):
    response = _post(client, cast, django_capture_on_commit_callbacks, roles=["headteacher"])
    assert response.status_code == 400
    assert "There are no schools yet" in response.content.decode()
    school = Setting.objects.create(organisation=cast.org, name="Hill School",
                                    kind=SettingKind.SCHOOL)
    response = _post(client, cast, django_capture_on_commit_callbacks, roles=["headteacher"],
                     school=str(school.public_id))
    assert response.status_code == 302
    membership = Membership.objects.get(user__email="nia.newcomer@north.example")
    assert (membership.role, membership.setting) == (Role.HEADTEACHER, school)


def test_an_interviewer_can_be_invited_as_independent(
        client, cast, django_capture_on_commit_callbacks):
    _post(client, cast, django_capture_on_commit_callbacks, roles=["interviewer", "csm"],
          independent="on")
    person = User.objects.get(email="nia.newcomer@north.example")
    interviewer = Membership.objects.get(user=person, role=Role.INTERVIEWER)
    assert interviewer.is_independent
    assert not Membership.objects.get(user=person, role=Role.CSM).is_independent
