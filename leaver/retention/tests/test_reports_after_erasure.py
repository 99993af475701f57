"""Reports of past years add up the same after their cases are erased; erasure on request
takes the person's quotes out of built reports and their files."""

from __future__ import annotations

import pytest
from django.utils import timezone

from leaver.cases.models import Answer, InterviewRecord
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.pathways.young_person.states import State
from leaver.reports import monitoring as m
from leaver.reports import turnover as t
from leaver.reports.document import Document, Section, Table
from leaver.reports.models import Kind as ReportKind
from leaver.reports.models import Status, StoredReport
from leaver.retention.erasing import erase_case
from leaver.retention.models import Kind
from leaver.retention.scrubbing import QUOTES_ERASED
from leaver.retention.tests.conftest import OWN_WORDS, full_case
from leaver.testing import full_answers, make_case, record_details

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def test_the_annual_monitoring_report_has_the_same_figures_after_erasure(cast):
    cases = [full_case(cast, name=f"Young Person{i}") for i in range(3)]
    cases += [make_case(cast, State.WITH_IRO, leaver_name=f"Interviewed {i}",
                        record=record_details(answers=full_answers(
                            felt_safe="did_not_answer" if i < 2 else "yes")))
              for i in range(3)]
    cases += [make_case(cast, State.DECLINED, leaver_name=f"Declined {i}") for i in range(6)]
    year = m.financial_year(timezone.localdate())
    before = list(m.table_rows(m.monitoring(cast.org, year, themes=False)))
    assert ("Interviews by home", m.ALL, "Moves notified", "12") in before
    for case in cases:
        erase_case(interview=case, kind=Kind.SCHEDULE, actor=None, reason="", now=NOW)
    after = list(m.table_rows(m.monitoring(cast.org, year, themes=False)))
    assert after == before


def test_the_staff_turnover_report_has_the_same_figures_after_erasure():
    staff = make_staff_cast()
    cases = []
    for i, (reason, rating, recommend) in enumerate(
            [("workload", "2", "no")] * 6 + [("pay", "4", "yes")] * 5):
        case = make_staff_case(staff, StaffState.DECLINED, name=f"Leaver {i}",
                               email=f"leaver{i}@example.org", reason_code=reason,
                               leaving_date=timezone.localdate())
        version = case.questionnaire_version
        assert version is not None
        InterviewRecord.objects.create(
            interview=case, questionnaire_key="staff-exit", submitted_by=staff.interviewer,
            submitted_at=NOW, agreed_with_young_person=True, content_sha256="0" * 64)
        for key, value in (("rating_workload", rating), ("recommend_working_here", recommend)):
            Answer.objects.create(interview=case, version=version, item_key=key, value=value)
        cases.append(case)
    year = t.school_year(timezone.localdate())
    before = list(t.table_rows(t.turnover(staff.yp.org, [staff.school], year)))
    assert ("Leavers by reason", "All reasons", t.ALL, "11") in before
    for case in cases:
        erase_case(interview=case, kind=Kind.SCHEDULE, actor=None, reason="", now=NOW)
    assert list(t.table_rows(t.turnover(staff.yp.org, [staff.school], year))) == before


def test_erasure_takes_the_persons_quotes_out_of_built_reports_and_their_files(cast):
    case = full_case(cast)
    someone_else = "Staff listened to me when I was upset"
    quotes = f"“{OWN_WORDS[:40]}…” / “{someone_else}”"
    document = Document(kind="monitoring", title="Annual monitoring report", audience="For",
                        period="2026", introduction="", sections=(Section(
                            title="Themes", tables=(Table(
                                key="themes-x", caption="Themes: what was good",
                                headings=("Theme", "Top terms", "Quotes"),
                                rows=(("Theme 1", "garden, place", quotes),)),)),))
    report = StoredReport.objects.create(
        kind=ReportKind.MONITORING, organisation=cast.org, year=2026, status=Status.READY,
        built_by=cast.iro, requested_at=NOW, finished_at=NOW, document=document.as_json(),
        csv=quotes.encode())
    erase_case(interview=case, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
               now=NOW)
    report.refresh_from_db()
    [cell] = [row[2] for row in report.document["sections"][0]["tables"][0]["rows"]]
    assert cell == f"“{someone_else}”"
    assert OWN_WORDS[:20] not in bytes(report.csv).decode()
    assert someone_else in bytes(report.csv).decode()
    assert bytes(report.pdf).startswith(b"%PDF")
    # A report whose every quote was theirs says that the quotes were erased.
    report.document["sections"][0]["tables"][0]["rows"][0][2] = f"“{OWN_WORDS}”"
    report.save()
    other = full_case(cast, name="Sam Other")
    erase_case(interview=other, kind=Kind.REQUEST, actor=cast.org_admin, reason="Asked.",
               now=NOW)
    report.refresh_from_db()
    assert report.document["sections"][0]["tables"][0]["rows"][0][2] == QUOTES_ERASED
