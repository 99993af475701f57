"""The export of every closed answer of a year: its rows against the answers recorded, nothing
open or named in it, formula-safe cells, audited, for IROs and CSMs of the organisation only,
and a number of queries that does not grow with the rows."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Answer
from leaver.organisations.models import Setting
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import CHOICE_TYPES
from leaver.reports.answers_export import HEADER
from leaver.reports.monitoring import financial_year
from leaver.testing import ANSWER, full_answers, make_case, make_cast, record_details

pytestmark = pytest.mark.django_db
URL = reverse("reports:answers_csv")
CLOSED = {item.key for item in seed("yp-appendix-1").items() if item.type in CHOICE_TYPES}


def _year():
    return {"year": financial_year(timezone.localdate())}


def _rows(client, query=None):
    response = client.get(URL, query or _year())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def recorded(cast):
    cases = [make_case(cast, State.WITH_IRO, leaver_name=f"Jordan Ellis {i}",
                       record=record_details(answers=full_answers(felt_safe="no")))
             for i in range(2)]
    make_case(cast, State.CONSENTED, leaver_name="Not Recorded Yet")
    return cases


def test_one_row_per_closed_answer_of_the_recorded_cases(client, cast, recorded):
    client.force_login(cast.iro)
    header, *rows = _rows(client)
    assert tuple(header) == HEADER
    expected = sorted(
        (str(case.public_id), key, value) for case in recorded
        for key, value in Answer.objects.filter(interview=case).values_list("item_key", "value")
        if key in CLOSED)
    assert sorted((r[0], r[3], r[5]) for r in rows) == expected
    assert len(rows) > 60  # 2 cases × the closed questions shown
    felt_safe = next(r for r in rows if r[3] == "felt_safe")
    assert felt_safe[1] == cast.home.name
    assert felt_safe[2] == "yp-appendix-1 v1"
    assert felt_safe[4].startswith("Did you feel safe")
    assert felt_safe[5] == "no"
    # Pseudonymous and closed only: no name, no free text, nothing of the unrecorded case.
    text = repr(rows)
    assert "Jordan" not in text
    assert ANSWER not in text
    assert "Not Recorded" not in text


def test_another_year_has_no_rows(client, cast, recorded):
    client.force_login(cast.csm)
    assert _rows(client, {"year": financial_year(timezone.localdate()) - 1}) == [list(HEADER)]


def test_cells_are_formula_safe(client, cast, recorded):
    Setting.objects.filter(pk=cast.home.pk).update(name="=HYPERLINK(\"http://x\",\"y\")")
    client.force_login(cast.csm)
    _header, *rows = _rows(client)
    assert {r[1] for r in rows} == {"'=HYPERLINK(\"http://x\",\"y\")"}


def test_each_export_is_audited(client, cast, recorded):
    client.force_login(cast.iro)
    _rows(client)
    event = AuditEvent.objects.get(action="report.answers_exported")
    assert event.actor == cast.iro
    assert event.organisation_id == cast.org.pk
    assert event.detail == _year()


@pytest.mark.parametrize("who", ["social_worker", "senior_manager", "unit_manager",
                                 "interviewer", "safeguarding_lead", "org_admin", "outsider"])
def test_nobody_else_may_export(client, cast, recorded, who):
    client.force_login(getattr(cast, who))
    assert client.get(URL, _year()).status_code == 404
    assert not AuditEvent.objects.filter(action="report.answers_exported").exists()


def test_another_organisations_iro_gets_none_of_these_answers(client, cast, recorded):
    other = make_cast("south")
    client.force_login(other.iro)
    assert _rows(client) == [list(HEADER)]


def test_signed_out_people_are_sent_to_sign_in(client, recorded):
    assert client.get(URL).status_code == 302


def test_the_number_of_queries_does_not_grow_with_the_rows(client, cast):
    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            rows = _rows(client)
        return len(captured), len(rows)

    client.force_login(cast.iro)
    make_case(cast, State.WITH_IRO, leaver_name="First")
    _rows(client)  # the session's first write is not the export's
    few, few_rows = queries()
    for i in range(3):
        make_case(cast, State.WITH_IRO, leaver_name=f"More {i}")
    many, many_rows = queries()
    assert many_rows > 3 * few_rows - 3
    assert many == few
