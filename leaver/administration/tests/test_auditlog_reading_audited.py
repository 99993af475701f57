"""Reading the audit log is itself audited: who, when, from where, and the filters used."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from leaver.administration.tests.auditlog_rows import EXPORT, LIST, exported, listed
from leaver.audit.events import AccountEvent, AuditLogEvent
from leaver.audit.models import AuditEvent
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, date_parts, make_case

pytestmark = pytest.mark.django_db


def test_viewing_the_log_writes_a_row_with_the_filters(client: Client, cast: Cast) -> None:
    case = make_case(cast, State.NOTIFIED)
    client.force_login(cast.org_admin)
    query = {"person": "Jordan", "case": str(case.public_id), "user": str(cast.csm.public_id),
             "action": AccountEvent.SIGNED_IN.value,
             **date_parts("date_from", dt.date(2026, 3, 1)),
             **date_parts("date_to", dt.date(2026, 3, 31))}
    client.get(LIST, query, REMOTE_ADDR="10.1.2.3")
    row = AuditEvent.objects.get(action=AuditLogEvent.VIEWED)
    assert row.actor == cast.org_admin
    assert row.organisation == cast.org
    assert row.ip_address == "10.1.2.3"
    assert row.detail == {"person": "Jordan", "case": str(case.public_id),
                          "user": str(cast.csm.public_id), "action": "account.signed_in",
                          "from": "2026-03-01", "to": "2026-03-31", "page": 1}


def test_exporting_writes_its_own_row(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    exported(client, action=AccountEvent.SIGNED_IN.value)
    row = AuditEvent.objects.get(action=AuditLogEvent.EXPORTED)
    assert row.actor == cast.org_admin
    assert row.organisation == cast.org
    assert row.detail == {"action": "account.signed_in"}


def test_the_next_reading_shows_the_last_one(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    listed(client)
    rows = listed(client)
    assert rows[0].endswith(f"{cast.org_admin.full_name} Audit log viewed The audit log "
                            "127.0.0.1")


def test_a_reading_refused_for_bad_filters_writes_nothing(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    client.get(LIST, {"date_from-day": "31", "date_from-month": "2", "date_from-year": "2026"})
    client.get(EXPORT, {"case": "nonsense"})
    assert not AuditEvent.objects.filter(action__startswith="audit.").exists()


def test_an_admin_of_another_organisation_never_sees_these_readings(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    client.force_login(cast.org_admin)
    listed(client)
    client.force_login(other_cast.org_admin)
    assert not any(cast.org_admin.full_name in row for row in listed(client))
