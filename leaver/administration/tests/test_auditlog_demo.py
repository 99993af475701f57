"""The demo's admin finds the audit log with something in it, failed sign-ins included."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from leaver.accounts.models import User
from leaver.administration.tests.auditlog_rows import listed
from leaver.audit.events import AccountEvent

pytestmark = pytest.mark.django_db


def test_the_demo_admin_sees_cases_and_failed_sign_ins(client: Client, settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(email="alex.morgan@demo.example"))
    assert listed(client)
    assert any("Move notified" in row for row in listed(client, person="Jordan Ellis"))
    failed = listed(client, action=AccountEvent.SIGN_IN_FAILED.value)
    assert len(failed) == 7
    assert sum("sam.okafor@demo.example" in row and "192.0.2.44" in row for row in failed) == 2
    locked = listed(client, action=AccountEvent.LOCKED_OUT.value)
    assert len(locked) == 1
    assert "ravi.singh@demo.example" in locked[0]
