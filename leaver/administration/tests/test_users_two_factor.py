"""An organisation admin resets the two-factor sign-in of someone who lost their phone: the app
and recovery codes are forgotten, every session of theirs ends, and their next sign-in sets it
up again. Only for people of the admin's own organisation, never for themselves."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from leaver.accounts import two_factor
from leaver.accounts.tests.factors import app_code, enrol, sign_in_fully, sign_in_with_password
from leaver.audit.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_required")]


def _url(person) -> str:
    return reverse("administration:users:reset_two_factor", args=[person.public_id])


def _admin_client(cast) -> Client:
    client = Client()
    sign_in_fully(client, cast.org_admin, enrol(cast.org_admin))
    return client


def test_the_person_page_offers_the_reset_only_when_there_is_something_to_reset(cast):
    admin = _admin_client(cast)
    page = reverse("administration:users:person", args=[cast.iro.public_id])
    body = admin.get(page).content.decode()
    assert "Not set up yet" in body
    assert _url(cast.iro) not in body
    enrol(cast.iro)
    body = admin.get(page).content.decode()
    assert "Set up with an authenticator app" in body
    assert _url(cast.iro) in body
    # Never on their own page.
    own = admin.get(reverse("administration:users:person", args=[cast.org_admin.public_id]))
    assert _url(cast.org_admin) not in own.content.decode()


def test_a_reset_forgets_the_app_ends_their_sessions_and_asks_again_at_sign_in(cast):
    admin = _admin_client(cast)
    enrolled = enrol(cast.iro)
    theirs = Client()
    sign_in_fully(theirs, cast.iro, enrolled)
    assert theirs.get(reverse("young_person:your_work")).status_code == 200

    confirm = admin.get(_url(cast.iro))
    assert confirm.status_code == 200
    assert "Reset two-factor sign-in" in confirm.content.decode()
    response = admin.post(_url(cast.iro))
    assert response.status_code == 302
    assert response["Location"] == reverse("administration:users:person",
                                           args=[cast.iro.public_id])

    assert not two_factor.has_enrolled(cast.iro)
    # Their open session has ended: the next page sends them to sign in.
    assert theirs.get(reverse("young_person:your_work"))["Location"].startswith(
        "/accounts/login/")
    # The old recovery codes and the old app's codes are no use now.
    fresh = Client()
    sign_in_with_password(fresh, cast.iro)
    assert fresh.get(reverse("young_person:your_work"))["Location"].startswith(
        "/accounts/two-factor/set-up/")
    fresh.post("/accounts/two-factor/code/", {"code": app_code(enrolled.secret, 1)})
    assert fresh.get(reverse("young_person:your_work"))["Location"].startswith(
        "/accounts/two-factor/set-up/")
    row = AuditEvent.objects.get(action="account.second_factor_reset")
    assert row.actor_id == cast.org_admin.pk
    assert row.organisation_id == cast.org.pk


def test_an_admin_cannot_reset_their_own(cast):
    admin = _admin_client(cast)
    response = admin.post(_url(cast.org_admin))
    assert response.status_code == 400
    assert "cannot reset your own" in response.content.decode()
    assert two_factor.has_enrolled(cast.org_admin)


def test_nothing_to_reset_is_said_plainly_and_changes_nothing(cast):
    admin = _admin_client(cast)
    response = admin.post(_url(cast.iro))
    assert response.status_code == 400
    assert "has not set up two-factor sign-in" in response.content.decode()
    assert not AuditEvent.objects.filter(action="account.second_factor_reset").exists()


def test_another_organisations_admin_and_every_other_role_get_not_found(cast, other_cast):
    enrolled = enrol(cast.iro)
    for outsider in (other_cast.org_admin, cast.csm, cast.iro, cast.senior_manager):
        # Signed in fully, so the 404 is the access helper's answer, not the second factor's.
        client = Client()
        sign_in_fully(client, outsider, enrol(outsider) if outsider != cast.iro else enrolled)
        for method in (client.get, client.post):
            assert method(_url(cast.iro)).status_code == 404, outsider
    assert two_factor.has_enrolled(cast.iro)
