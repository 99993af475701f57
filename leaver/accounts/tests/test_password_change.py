"""Changing a password while signed in ends every other session of that person; hashing is
Argon2id."""

from __future__ import annotations

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

from leaver.accounts.tests.factors import sign_in_with_password
from leaver.audit.models import AuditEvent
from leaver.testing import PASSWORD

CHANGE = "/accounts/password/"
NEW_PASSWORD = "tall ladder purple morning"


def change(client: Client, current: str = PASSWORD, new: str = NEW_PASSWORD,
           again: str | None = None):
    return client.post(CHANGE, {"old_password": current, "new_password1": new,
                                "new_password2": new if again is None else again})


def test_your_account_leads_to_it(client, cast):
    client.force_login(cast.iro)
    header = client.get("/work/").content.decode()
    assert 'href="/accounts/">Your account</a>' in header
    page = client.get("/accounts/").content.decode()
    assert cast.iro.email in page
    assert f'href="{CHANGE}">Change<span class="govuk-visually-hidden"> your password' in page
    assert "Not set up" in page
    assert "Current password" in client.get(CHANGE).content.decode()


def test_changing_ends_every_other_session_and_keeps_this_one_under_a_new_key(cast):
    here, elsewhere = Client(), Client()
    sign_in_with_password(here, cast.iro)
    sign_in_with_password(elsewhere, cast.iro)
    assert elsewhere.get("/work/").status_code == 200
    key_before = here.session.session_key
    response = change(here)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/"
    assert "Your password has been changed" in here.get("/accounts/").content.decode()
    assert here.session.session_key != key_before
    assert here.get("/work/").status_code == 200
    gone = elsewhere.get("/work/")
    assert gone.status_code == 302
    assert gone["Location"].startswith("/accounts/login/")
    cast.iro.refresh_from_db()
    assert cast.iro.check_password(NEW_PASSWORD)
    row = AuditEvent.objects.get(action="account.password_changed")
    assert (row.actor, row.object_id, row.organisation_id) == (cast.iro, cast.iro.public_id,
                                                               cast.org.pk)


@pytest.mark.parametrize(("current", "new", "again", "message"), [
    ("not-my-password", NEW_PASSWORD, None, "Your current password is not right."),
    (PASSWORD, NEW_PASSWORD, "something else", "The two new passwords are not the same."),
    (PASSWORD, "tiny", None, "It must contain at least 12 characters."),
    (PASSWORD, "password1234", None, "This password is too common."),
    (PASSWORD, "", None, "Enter a new password."),
    ("", NEW_PASSWORD, None, "Enter your current password."),
])
def test_bad_input_changes_nothing_and_says_why(client, cast, current, new, again, message):
    client.force_login(cast.iro)
    response = change(client, current, new, again)
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "There is a problem" in page
    cast.iro.refresh_from_db()
    assert cast.iro.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="account.password_changed").exists()


def test_it_needs_a_sign_in_and_answers_only_get_head_and_post(client, cast):
    assert client.get(CHANGE)["Location"].startswith("/accounts/login/")
    client.force_login(cast.iro)
    assert client.put(CHANGE).status_code == 405


def test_passwords_are_hashed_with_argon2id(settings):
    # The test suite swaps in MD5 for speed (conftest.py); this checks the real setting.
    from leaver import settings as project_settings

    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    hashed = make_password("any long password here")
    assert hashed.startswith("argon2$argon2id$")
