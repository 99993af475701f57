"""Failed sign-ins and lockouts appear in the audit log of the account's organisation, with
the address they came from; real sign-in attempts through /accounts/login/."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.tests.auditlog_rows import exported, listed
from leaver.audit.events import AccountEvent
from leaver.audit.models import AuditEvent
from leaver.testing import PASSWORD, Cast

pytestmark = pytest.mark.django_db

FAILED, LOCKED = AccountEvent.SIGN_IN_FAILED.value, AccountEvent.LOCKED_OUT.value
WRONG = "not-the-password"


def attempt(email: str, password: str = WRONG, address: str = "10.0.0.7") -> int:
    response = Client().post("/accounts/login/", {"username": email, "password": password},
                             REMOTE_ADDR=address)
    return response.status_code


def test_a_wrong_password_is_a_failed_sign_in_of_that_account(cast: Cast) -> None:
    assert attempt(f"  {cast.iro.email.upper()} ") == 200
    row = AuditEvent.objects.get(action=FAILED)
    assert row.organisation == cast.org
    assert row.actor is None
    assert (row.object_type, row.object_id) == ("user", cast.iro.public_id)
    assert row.ip_address == "10.0.0.7"
    assert row.detail == {"email": cast.iro.email}  # normalised, as the account has it


def test_five_wrong_passwords_lock_the_account_once(cast: Cast, settings: object) -> None:
    limit = settings.AXES_FAILURE_LIMIT  # type: ignore[attr-defined]
    for _ in range(limit - 1):
        assert attempt(cast.iro.email) == 200
    assert attempt(cast.iro.email) == 429
    assert attempt(cast.iro.email, PASSWORD) == 429  # still locked, even the right password
    rows = AuditEvent.objects.filter(organisation=cast.org, object_id=cast.iro.public_id)
    assert rows.filter(action=FAILED).count() == limit + 1
    locked = rows.get(action=LOCKED)
    assert locked.ip_address == "10.0.0.7"
    assert locked.detail == {"email": cast.iro.email}


def test_the_admin_sees_failures_and_the_lockout_and_can_filter_by_the_person(
        client: Client, cast: Cast) -> None:
    for _ in range(5):
        attempt(cast.iro.email, address="192.0.2.9")
    client.force_login(cast.org_admin)
    rows = listed(client, user=str(cast.iro.public_id))
    assert len(rows) == 6
    assert sum("Sign-in locked after too many failed attempts" in row for row in rows) == 1
    assert all(f"Account of {cast.iro.full_name} ({cast.iro.email}) 192.0.2.9" in row
               for row in rows)
    assert len(listed(client, action=LOCKED)) == 1
    assert {row["What happened"] for row in exported(client, user=str(cast.iro.public_id))} == {
        "Sign-in failed", "Sign-in locked after too many failed attempts"}


def test_an_email_of_nobody_is_not_kept(cast: Cast) -> None:
    attempt("my-password-typed-here@north.example")
    row = AuditEvent.objects.get(action=FAILED)
    assert row.organisation is None
    assert row.object_id is None
    assert row.detail == {}
    assert row.ip_address == "10.0.0.7"


def test_another_organisation_never_sees_these_failures(client: Client, cast: Cast,
                                                        other_cast: Cast) -> None:
    for _ in range(5):
        attempt(cast.iro.email)
    client.force_login(other_cast.org_admin)
    assert listed(client, action=FAILED) == []
    assert listed(client, action=LOCKED) == []
    assert exported(client, action=FAILED) == []


def test_a_switched_off_account_signing_in_is_a_failure(cast: Cast) -> None:
    cast.csm.is_active = False
    cast.csm.save()
    attempt(cast.csm.email, PASSWORD)
    assert AuditEvent.objects.get(action=FAILED).object_id == cast.csm.public_id
