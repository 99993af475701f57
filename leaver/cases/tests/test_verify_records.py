"""manage.py verify_records: every locked record and every version of it checked against its
SHA-256; a row changed behind Leaver's back (a raw SQL UPDATE, as a fault or an intruder
would) is named by its case, and the command fails."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from leaver.cases import integrity, records
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordVersion
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.interview_cast import make_interview_cast, make_staff_case
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case

pytestmark = pytest.mark.django_db
ANSWERS, VERSIONS, RECORDS = (model._meta.db_table
                              for model in (Answer, RecordVersion, InterviewRecord))


@pytest.fixture
def cases(cast: Cast) -> tuple[Interview, Interview]:
    """A young person's record (locked, no amendment yet) and a staff record (version 1)."""
    young = make_case(cast, State.WITH_IRO)
    staff = make_staff_case(make_interview_cast(), StaffState.CONFIRMED)
    return young, staff


def verify() -> str:
    out = StringIO()
    call_command("verify_records", stdout=out)
    return out.getvalue()


def raw(sql: str, params: list[Any]) -> None:
    # The table names in `sql` come from the models' _meta, never from input.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_intact_records_pass(cases):
    assert verify().splitlines() == ["Checked 2 records and 1 versions: 0 failed."]


def test_an_answer_changed_with_raw_sql_is_reported(cases):
    young, staff = cases
    answer = Answer.objects.filter(interview=young).first()
    assert answer is not None
    raw(f"UPDATE {ANSWERS} SET value = %s WHERE id = %s",  # noqa: S608
        ["Changed afterwards", answer.pk])
    with pytest.raises(CommandError) as failed:
        verify()
    assert str(young.public_id) in str(failed.value)
    assert str(staff.public_id) not in str(failed.value)
    outcome = integrity.verify_all()
    assert (outcome.records, outcome.versions, outcome.failed_cases) == (
        2, 1, [str(young.public_id)])


def test_a_version_changed_with_raw_sql_is_reported(cases):
    _, staff = cases
    version = RecordVersion.objects.get(interview=staff)
    content = {**version.content, "interviewer_notes": "Added later"}
    cast_to = "CAST(%s AS jsonb)" if connection.vendor == "postgresql" else "%s"
    raw(f"UPDATE {VERSIONS} SET content = {cast_to} WHERE id = %s",  # noqa: S608
        [json.dumps(content), version.pk])
    outcome = integrity.verify_all()
    assert [(f.case, f.what) for f in outcome.failures] == [
        (str(staff.public_id), "version 1 differs from its hash")]
    with pytest.raises(CommandError):
        verify()


def test_a_record_hash_moved_away_from_its_newest_version_is_reported(cases):
    _, staff = cases
    version = RecordVersion.objects.get(interview=staff)
    # Both the live answers and the record's hash changed together, consistently: only the
    # version kept from the sign-off still shows it.
    answer = Answer.objects.filter(interview=staff).first()
    assert answer is not None
    raw(f"UPDATE {ANSWERS} SET value = %s WHERE id = %s",  # noqa: S608
        ["Rewritten", answer.pk])
    record = staff.record
    record.refresh_from_db()
    raw(f"UPDATE {RECORDS} SET content_sha256 = %s WHERE id = %s",  # noqa: S608
        [records.content_hash(record), record.pk])
    outcome = integrity.verify_all()
    assert [(f.case, f.what) for f in outcome.failures] == [
        (str(staff.public_id), "the record's hash is not its newest version's")]
    assert version.content_sha256 != records.content_hash(record)


def test_records_are_read_in_batches(cases, cast, django_assert_max_num_queries, monkeypatch):
    """Queries grow with the number of batches, not of records: 3 records in batches of 1."""
    make_case(cast, State.WITH_IRO)
    monkeypatch.setattr(integrity, "BATCH", 1)
    with django_assert_max_num_queries(12):
        outcome = integrity.verify_all()
    assert (outcome.records, outcome.failures) == (3, [])
