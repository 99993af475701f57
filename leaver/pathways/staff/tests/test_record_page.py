"""The record page and the comparison of two versions: for the record's readers only (the
interviewer, the HR lead, the school's headteacher unless the leaver chose anonymity), every
read audited; 404 for everyone else."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from leaver.audit.models import AuditEvent
from leaver.cases import amending
from leaver.cases.events import CaseEvent
from leaver.cases.models import Confirmation, Interview, InterviewRecord
from leaver.pathways.staff import amending as staff_amending
from leaver.pathways.staff.models import Confidentiality
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    StaffCast,
    agree_amendment,
    make_interview_cast,
    make_staff_case,
    text_of,
)
from leaver.testing import make_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> StaffCast:
    return make_interview_cast()


def url(case: Interview, tail: str = "") -> str:
    return f"/staff/cases/{case.public_id}/record/{tail}"


def amended(staff: StaffCast, case: Interview) -> Interview:
    agree_amendment(staff, case)
    amending.save_section(actor=staff.interviewer, case=case, transition="amend_later",
                          section_key="leaving", answers={"reason_for_leaving": "pay"},
                          agreed_by=staff_amending.AGREED_BY)
    staff_amending.amend(actor=staff.interviewer, case=case, reason="Typing mistake.")
    return case


def viewed(case: Interview) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(object_id=case.public_id,
                                          action=CaseEvent.RECORD_VIEWED).order_by("id"))


@pytest.mark.parametrize("who", ["interviewer", "hr_lead", "headteacher"])
def test_readers_read_the_record_and_each_read_is_audited(staff, who):
    case = make_staff_case(staff, State.INTERVIEWED)
    response = staff.login(getattr(staff, who)).get(url(case))
    assert response.status_code == 200
    page = text_of(response)
    assert "Typed answer to would_have_stayed" in page
    assert "Not sent to the leaver to check yet." in page
    assert "Version 1 of 1" in page
    [read] = viewed(case)
    assert read.actor == getattr(staff, who)


@pytest.mark.parametrize("who", ["outsider", "governor", "other_headteacher",
                                 "other_interviewer", "line_manager"])
def test_nobody_else_reads_it(staff, who):
    case = make_staff_case(staff, State.INTERVIEWED)
    amended(staff, case)
    client = staff.login(getattr(staff, who))
    assert client.get(url(case)).status_code == 404
    assert client.get(url(case, "versions/?from=1&to=2")).status_code == 404
    assert viewed(case) == []


def test_another_organisation_never_reads_it(staff):
    case = make_staff_case(staff, State.INTERVIEWED)
    other = make_cast("south")
    assert staff.login(other.org_admin).get(url(case)).status_code == 404


def test_an_anonymous_leavers_record_is_never_read_by_the_headteacher(staff):
    case = make_staff_case(staff, State.INTERVIEWED, confidentiality=Confidentiality.ANONYMOUS)
    amended(staff, case)
    head = staff.login(staff.headteacher)
    assert head.get(url(case)).status_code == 404
    assert head.get(url(case, "versions/")).status_code == 404
    assert staff.login(staff.hr_lead).get(url(case)).status_code == 200


def test_no_record_yet_is_a_404(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    assert staff.login(staff.interviewer).get(url(case)).status_code == 404


def test_the_page_says_how_the_leaver_checked_it(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    page = text_of(staff.login(staff.hr_lead).get(url(case)))
    assert "Signed as correct by the leaver on" in page
    assert f"recorded in person by {staff.interviewer.full_name}" in page
    waiting = make_staff_case(staff, State.AWAITING_CONFIRMATION)
    assert "Sent to the leaver to check by" in text_of(
        staff.login(staff.hr_lead).get(url(waiting)))
    InterviewRecord.objects.filter(interview=waiting).update(
        confirmation=Confirmation.NOT_CONFIRMED)
    assert "Not confirmed by the leaver" in text_of(staff.login(staff.hr_lead).get(url(waiting)))


def test_versions_are_listed_and_compared_and_the_comparison_is_audited(staff):
    case = amended(staff, make_staff_case(staff, State.CONFIRMED))
    client = staff.login(staff.headteacher)
    page = text_of(client.get(url(case)))
    assert "Version 2 of 2" in page
    assert "Typing mistake." in page
    assert "Compare two versions" in page
    response = client.get(url(case, "versions/?from=1&to=2"))
    assert response.status_code == 200
    compared = text_of(response)
    assert "What changed from version 1 to version 2" in compared
    row = compared[compared.index("What is the main reason you are leaving?"):]
    row = row[:row.index("</tr>")]
    assert "Retirement" in row
    assert "Pay" in row
    assert "Wellbeing" not in compared  # only what changed
    assert viewed(case)[-1].detail["compared"] == [1, 2]


@pytest.mark.parametrize("query", ["?from=1&to=9", "?from=x&to=2"])
def test_an_unknown_version_is_a_404(staff, query):
    case = amended(staff, make_staff_case(staff, State.CONFIRMED))
    assert staff.login(staff.hr_lead).get(url(case, f"versions/{query}")).status_code == 404


def test_the_case_page_buttons_follow_the_steps_the_reader_may_take(staff):
    case = make_staff_case(staff, State.INTERVIEWED)
    html = render_to_string("staff/_interview_actions.html", {
        "case": case, "transitions": {"send_for_confirmation", "signed_in_person",
                                      "amend_later"}})
    assert f'href="/staff/cases/{case.public_id}/record/send/"' in html
    assert f'href="/staff/cases/{case.public_id}/record/signature/"' in html
    assert "Amend the record" in html
    assert "Assign an interviewer" not in html
    assert render_to_string("staff/_interview_actions.html",
                            {"case": case, "transitions": set()}).strip() == ""
