"""The interviewer's later amendment of the staff record needs an HR lead's agreement (issue
14): asked with a reason, agreed or refused by POST, used by one amendment; an HR lead amends
without asking."""

from __future__ import annotations

import pytest

from leaver.cases import versions
from leaver.cases.models import AgreementStatus, AmendmentAgreement, Interview
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    StaffCast,
    audit_actions,
    latest,
    make_interview_cast,
    make_staff_case,
    section_post,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> StaffCast:
    return make_interview_cast()


def url(case: Interview, tail: str) -> str:
    return f"/cases/{case.public_id}/record/{tail}"


def amend_url(case: Interview, tail: str = "") -> str:
    return f"/staff/cases/{case.public_id}/record/amend/{tail}"


def test_the_interviewer_amends_once_the_hr_lead_agrees(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    interviewer = staff.login(staff.interviewer)
    assert interviewer.get(amend_url(case)).status_code == 403
    assert "Ask to amend the record" in text_of(
        interviewer.get(f"/staff/cases/{case.public_id}/record/"))
    assert interviewer.post(url(case, "amendment/ask/"),
                            {"reason": "The leaving reason is wrong."}).status_code == 302
    hr = staff.login(staff.hr_lead)
    assert "Agree or refuse the amendment" in text_of(
        hr.get(f"/staff/cases/{case.public_id}/record/"))
    assert hr.post(url(case, "amendment/decide/"), {"decision": "agree"}).status_code == 302
    interviewer = staff.login(staff.interviewer)
    assert interviewer.post(amend_url(case, "leaving/"), section_post(
        "leaving", reason_for_leaving="pay")).status_code == 302
    assert interviewer.post(amend_url(case), {"reason": "Pay, not retirement."}
                            ).status_code == 302
    version = latest(case)
    assert (version.number, version.made_by, version.reason) == (
        2, staff.interviewer, "Pay, not retirement.")
    assert versions.broken_versions(case) == []
    assert AmendmentAgreement.objects.get(interview=case).version == version
    assert {StaffEvent.AMENDMENT_ASKED, StaffEvent.AMENDMENT_AGREED,
            StaffEvent.AMENDED} <= set(audit_actions(case))
    assert interviewer.get(amend_url(case)).status_code == 403  # used


def test_the_hr_lead_refuses_with_a_reason(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    staff.login(staff.interviewer).post(url(case, "amendment/ask/"), {"reason": "Typo."})
    hr = staff.login(staff.hr_lead)
    assert hr.post(url(case, "amendment/decide/"), {"decision": "refuse"}).status_code == 400
    assert hr.post(url(case, "amendment/decide/"), {
        "decision": "refuse", "refusal_reason": "Not a typo."}).status_code == 302
    assert AmendmentAgreement.objects.get(interview=case).status == AgreementStatus.REFUSED
    assert staff.login(staff.interviewer).get(amend_url(case)).status_code == 403


@pytest.mark.parametrize("who", ["headteacher", "interviewer", "other_interviewer"])
def test_only_an_hr_lead_decides(staff, who):
    case = make_staff_case(staff, State.CONFIRMED)
    staff.login(staff.interviewer).post(url(case, "amendment/ask/"), {"reason": "Typo."})
    response = staff.login(getattr(staff, who)).post(url(case, "amendment/decide/"),
                                                     {"decision": "agree"})
    assert response.status_code in (403, 404)
    assert AmendmentAgreement.objects.get(interview=case).status == AgreementStatus.ASKED


def test_the_hr_lead_amends_without_asking(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    assert staff.login(staff.hr_lead).get(amend_url(case)).status_code == 200
    assert "Ask to amend the record" not in text_of(
        staff.login(staff.hr_lead).get(f"/staff/cases/{case.public_id}/record/"))


def test_the_interviewers_case_page_sends_them_to_the_record_to_ask_first(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    page = text_of(staff.login(staff.interviewer).get(f"/staff/cases/{case.public_id}/"))
    assert f'href="/staff/cases/{case.public_id}/record/">Amend the record' in page
    page = text_of(staff.login(staff.hr_lead).get(f"/staff/cases/{case.public_id}/"))
    assert f'href="/staff/cases/{case.public_id}/record/amend/">Amend the record' in page
