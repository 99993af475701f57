"""Faults in the middle of a save (issue 14): the database connection lost half way through
submitting a record (both pathways, and a staff leaver's own answers through their link) and
through a sign-off (in the room, or by the leaver through their link) leaves nothing half
written, shows the error page, and keeps the drafts the person had saved; a full disk under
SQLite shows a clear page and loses nothing already saved.

The connection is lost for real, at a chosen statement inside the action, through Django's own
hook on every query (`connection.execute_wrapper`): on PostgreSQL the server ends the session
(`pg_terminate_backend` from a second connection) just before that statement is sent; on
SQLite, whose file has no server to lose, the statement fails as a failing disk makes it fail
(an OperationalError half way through the transaction).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.db import OperationalError, connection
from django.db.models import Model
from django.test import Client

from leaver.audit.models import AuditEvent
from leaver.cases.models import (
    Answer,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    RecordDraft,
    RecordVersion,
    SignOff,
)
from leaver.cases.tests.you_cast import answer_all, answering, make_school
from leaver.notifications.models import Message
from leaver.pathways.staff import recording as staff_recording
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.interview_cast import (
    STAFF_SEED,
    happened,
    make_interview_cast,
    make_staff_case,
    staff_answers,
)
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.testing import answer_sections, held, make_case, make_cast, record_parts

ROOT = Path(__file__).resolve().parents[2]
ERROR_HEADING = "Sorry, there is a problem with the service"


def statement(verb: str, model: type[Model]) -> str:
    """How Django's SQL for `verb` on the model's table begins: 'INSERT INTO "x"'."""
    return f"{verb} {connection.ops.quote_name(model._meta.db_table)}"


def _terminate(backend_pid: int) -> None:
    """End a session from another connection, as an administrator or a failover would, and
    wait until the server has really ended it."""
    import psycopg

    db = connection.settings_dict
    with psycopg.connect(host=db["HOST"] or "127.0.0.1", port=str(db["PORT"] or 5432),
                         user=db["USER"], password=db["PASSWORD"], dbname=db["NAME"],
                         autocommit=True) as other:
        assert other.execute("SELECT pg_terminate_backend(%s)", [backend_pid]).fetchone() == (
            True,)
        for _ in range(100):
            alive = other.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s",
                                  [backend_pid]).fetchone()
            if alive is None:
                return
            time.sleep(0.05)
    raise AssertionError("the server did not end the session")


@contextmanager
def connection_lost_at(start: str) -> Iterator[list[str]]:
    """The first statement beginning with `start` finds the connection gone; yields the
    statements it happened to (one, if the action got that far)."""
    hit: list[str] = []

    def lose(execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        if not hit and sql.lstrip().startswith(start):
            hit.append(sql)
            if connection.vendor == "postgresql":
                _terminate(context["connection"].connection.info.backend_pid)
            else:
                raise OperationalError("disk I/O error")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(lose):
        yield hit
    connection.close()  # a lost connection is not used again; the next query opens one


def written(case: Interview) -> dict[str, object]:
    """What a submission or a sign-off writes, for "nothing half written" checks."""
    pk = case.pk
    return {
        "case": Interview.objects.filter(pk=pk).values().get(),
        "answers": list(Answer.objects.filter(interview_id=pk).order_by("item_key")
                        .values_list("item_key", "value")),
        "record": list(InterviewRecord.objects.filter(interview_id=pk).values()),
        "versions": list(RecordVersion.objects.filter(interview_id=pk).values()),
        "sign_offs": list(SignOff.objects.filter(interview_id=pk).values()),
        "draft": list(RecordDraft.objects.filter(interview_id=pk).values()),
        "links": list(LeaverLink.objects.filter(interview_id=pk).order_by("pk").values()),
        "audit": AuditEvent.objects.exclude(action__endswith="viewed").count(),
        "emails": Message.objects.count(),
    }


def assert_error_page(response: Any) -> None:
    assert response.status_code == 500
    body = response.content.decode()
    assert ERROR_HEADING in body
    assert 'id="incident-reference"' in body
    assert "it may not have been saved" in body


@pytest.fixture
def _debug_off(settings: Any) -> None:
    settings.DEBUG = False


@pytest.mark.usefixtures("_debug_off")
def test_connection_lost_submitting_a_young_persons_record(transactional_db):
    cast = make_cast("north")
    case = make_case(cast, State.SCHEDULED)
    held(cast, case)
    client = Client(raise_request_exception=False)
    client.force_login(cast.interviewer)
    answer_sections(client, case)
    record_parts(client, case)
    before = written(case)
    assert before["answers"]  # the drafts typed so far
    assert before["draft"]
    # After the record's row and its answers are written, before it is locked with its hash.
    with connection_lost_at(statement("UPDATE", InterviewRecord)) as hit:
        response = client.post(f"/cases/{case.public_id}/record/check/", {})
    assert hit, "the submission never reached the statement"
    assert_error_page(response)
    assert written(case) == before
    # Nothing was lost: the same drafts submit once the database is back.
    assert client.post(f"/cases/{case.public_id}/record/check/", {}).status_code == 302
    assert InterviewRecord.objects.filter(interview=case).exists()


@pytest.mark.usefixtures("_debug_off")
def test_connection_lost_submitting_a_staff_record(transactional_db):
    staff = make_interview_cast()
    case = make_staff_case(staff, StaffState.SCHEDULED)
    happened(case)
    answers = staff_answers()
    for section in seed(STAFF_SEED).sections:
        staff_recording.save_section(
            actor=staff.interviewer, case=case, section_key=section.key, done=True,
            answers={i.key: answers[i.key] for i in section.items if i.key in answers})
    client = Client(raise_request_exception=False)
    client.force_login(staff.interviewer)
    before = written(case)
    assert before["answers"]
    # After the record's row and its answers, as version 1 is written.
    with connection_lost_at(statement("INSERT INTO", RecordVersion)) as hit:
        response = client.post(f"/staff/cases/{case.public_id}/record/check/", {})
    assert hit
    assert_error_page(response)
    assert written(case) == before
    assert client.post(f"/staff/cases/{case.public_id}/record/check/", {}).status_code == 302
    assert RecordVersion.objects.filter(interview=case).count() == 1


@pytest.mark.usefixtures("_debug_off")
def test_connection_lost_during_a_sign_off(transactional_db):
    staff = make_interview_cast()
    case = make_staff_case(staff, StaffState.AWAITING_CONFIRMATION)
    client = Client(raise_request_exception=False)
    client.force_login(staff.interviewer)
    before = written(case)
    post = {"typed_name": "Sam Taylor", "read": "on"}
    # After the signature's row, as the record is marked confirmed.
    with connection_lost_at(statement("UPDATE", InterviewRecord)) as hit:
        response = client.post(f"/staff/cases/{case.public_id}/record/signature/", post)
    assert hit
    assert_error_page(response)
    assert written(case) == before  # no signature, state, link ended or audit row
    assert client.post(f"/staff/cases/{case.public_id}/record/signature/",
                       post).status_code == 302
    assert SignOff.objects.filter(interview=case).count() == 1


@pytest.mark.usefixtures("_debug_off")
def test_connection_lost_when_a_staff_leaver_submits_their_own_answers(transactional_db):
    """Through their link, with no account: the answers become the record, version 1."""
    case, client, base = answering(make_school())
    client.raise_request_exception = False
    answer_all(client, base)
    before = written(case)
    assert before["answers"]  # what they typed, saved page by page
    with connection_lost_at(statement("INSERT INTO", RecordVersion)) as hit:
        response = client.post(f"{base}check/")
    assert hit
    assert_error_page(response)
    assert written(case) == before  # the link still unused: they can send again
    assert client.post(f"{base}check/").status_code == 302
    assert RecordVersion.objects.filter(interview=case).count() == 1


@pytest.mark.usefixtures("_debug_off")
def test_connection_lost_when_a_staff_leaver_signs_through_their_link(transactional_db):
    case, client, base = answering(make_school())
    answer_all(client, base)
    client.post(f"{base}check/")
    link = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.REVIEW)
    page = f"/you/{link.public_id}/review/"
    client.raise_request_exception = False
    before = written(case)
    post = {"choice": "sign", "full_name": "Sam Teacher", "version": "1"}
    with connection_lost_at(statement("UPDATE", InterviewRecord)) as hit:
        response = client.post(page, post)
    assert hit
    assert_error_page(response)
    assert written(case) == before
    assert client.post(page, post).status_code == 302
    assert SignOff.objects.filter(interview=case).count() == 1


def test_a_full_disk_under_sqlite_says_so_and_loses_nothing(tmp_path):
    """A real SQLITE_FULL on a real file (leaver.tests.sqlite_full, in its own process)."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update({"DEBUG": "true", "DJANGO_SETTINGS_MODULE": "leaver.settings",
                        "TWO_FACTOR_REQUIRED": "false",
                        "DATABASE_URL": f"sqlite:///{tmp_path / 'leaver.sqlite3'}"})
    result = subprocess.run([sys.executable, "-m", "leaver.tests.sqlite_full", "full"],
                            cwd=ROOT, env=environment, capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["first"] == 302
    assert outcome["filler_rows"] > 0
    # The clear page: 503, nothing saved, nothing lost, come back later.
    assert (outcome["full_status"], outcome["retry_after"]) == (503, "300")
    page = outcome["full_page"]
    assert "Sorry, Leaver cannot save your work at the moment" in page
    assert "what you sent has not been saved" in page
    assert "Nothing that was saved before has been lost or changed." in page
    assert 'id="incident-reference"' in page
    assert "database or disk is full" not in page  # plain English, not the engine's words
    assert "the database's storage is full" in result.stderr  # the log says what happened
    # What was saved before is there, unchanged, and nothing of the failed save.
    assert outcome["after"] == outcome["before"]
    assert len(outcome["before"]) > 0
    assert outcome["integrity"] == "ok"
    # With space again, the same save works.
    assert (outcome["again"], outcome["long_saved"]) == (302, True)


@pytest.mark.parametrize("cause", ["sqlite", "postgresql", "other"])
def test_the_full_page_is_for_a_full_database_only(cause):
    """PostgreSQL says its disk is full with SQLSTATE 53100 (disk_full): the same page. Any
    other database error is a fault: the 500 page."""
    import psycopg
    from django.test import RequestFactory

    from leaver import errors

    try:
        if cause == "sqlite":
            raise OperationalError("database or disk is full")
        try:
            raise (psycopg.errors.DiskFull("could not extend file: No space left on device")
                   if cause == "postgresql" else psycopg.OperationalError("server closed"))
        except psycopg.Error as error:
            raise OperationalError(str(error)) from error
    except OperationalError:
        response = errors.server_error(RequestFactory().post("/cases/"))
    expected = 500 if cause == "other" else 503
    assert response.status_code == expected
    assert ("cannot save your work" in response.content.decode()) == (expected == 503)
