"""Choosing the interviewer: the organisation's interviewers with their descriptions, the
leaver's choice marked and preselected; never the leaver's line manager unless an HR lead
says why (kept, and audited on its own); the interviewer is emailed."""

from __future__ import annotations

import pytest

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.notifications.models import Message
from leaver.pathways.staff import interviewing
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import Confidentiality, StaffLeaver
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    StaffCast,
    make_interview_cast,
    make_staff_case,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> StaffCast:
    return make_interview_cast()


def url(case: Interview) -> str:
    return f"/staff/cases/{case.public_id}/interviewer/"


def test_the_page_lists_the_interviewers_with_their_descriptions_and_the_leavers_choice(staff):
    case = make_staff_case(staff)
    page = text_of(staff.login(staff.headteacher).get(url(case)))
    assert "Retired headteacher from outside the trust" in page
    assert "External, impartial." in page
    assert "Deputy head at Vale School" in page
    assert "The leaver's choice" in page
    # The leaver's preferred interviewer is chosen already, and listed first.
    assert f'value="{staff.interviewer.public_id}" checked' in page
    assert page.index(staff.interviewer.full_name) < page.index(staff.other_interviewer.full_name)
    # The line manager is marked, and the headteacher is not offered an override.
    assert "Line manager" in page
    assert "Choose the leaver's line manager anyway" not in page


def test_assigning_emails_the_interviewer_and_moves_the_case(staff):
    case = make_staff_case(staff)
    response = staff.login(staff.headteacher).post(
        url(case), {"interviewer": str(staff.other_interviewer.public_id)})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.interviewer) == (State.INTERVIEWER_ASSIGNED, staff.other_interviewer)
    [message] = Message.objects.filter(to=staff.other_interviewer.email)
    assert "staff exit interview" in message.subject
    assert case.leaver_name not in message.body


def test_the_line_manager_is_refused_with_a_clear_message_and_nothing_changes(staff):
    case = make_staff_case(staff)
    response = staff.login(staff.headteacher).post(
        url(case), {"interviewer": str(staff.line_manager.public_id),
                    "override": "on", "override_reason": "Nobody else"})
    assert response.status_code == 400
    assert "is the leaver's line manager, so cannot interview them" in text_of(response)
    case.refresh_from_db()
    assert (case.state, case.interviewer) == (State.ACCEPTED, None)
    assert StaffLeaver.objects.get(interview=case).line_manager_override_reason == ""
    assert not Message.objects.filter(to=staff.line_manager.email).exists()


def test_a_line_manager_known_only_by_name_is_refused_too(staff):
    case = make_staff_case(staff, line_manager_name=staff.named_manager.full_name.upper())
    with pytest.raises(ActionRefused, match="line manager"):
        interviewing.assign_interviewer(actor=staff.hr_lead, case=case,
                                        interviewer=staff.named_manager)


def test_an_hr_lead_must_tick_the_override_and_say_why(staff):
    case = make_staff_case(staff)
    client = staff.login(staff.hr_lead)
    page = text_of(client.get(url(case)))
    assert "Choose the leaver's line manager anyway" in page
    response = client.post(url(case), {"interviewer": str(staff.line_manager.public_id)})
    assert response.status_code == 400
    assert "Say why they should interview the leaver anyway" in text_of(response)
    response = client.post(url(case), {"interviewer": str(staff.line_manager.public_id),
                                       "override": "on", "override_reason": ""})
    assert response.status_code == 400
    assert "Say why the line manager should interview the leaver." in text_of(response)
    case.refresh_from_db()
    assert case.interviewer is None


def test_an_hr_lead_override_is_kept_and_audited_on_its_own(staff):
    case = make_staff_case(staff)
    response = staff.login(staff.hr_lead).post(url(case), {
        "interviewer": str(staff.line_manager.public_id), "override": "on",
        "override_reason": "The leaver asked for their line manager by name."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.interviewer == staff.line_manager
    assert StaffLeaver.objects.get(interview=case).line_manager_override_reason == (
        "The leaver asked for their line manager by name.")
    [override] = AuditEvent.objects.filter(object_id=case.public_id,
                                           action=StaffEvent.LINE_MANAGER_OVERRIDE)
    assert override.actor == staff.hr_lead
    assert override.detail["interviewer"] == str(staff.line_manager.public_id)
    assert "asked for" not in str(override.detail)  # no free text in the audit log


def test_choosing_someone_else_later_clears_the_override_reason(staff):
    case = make_staff_case(staff)
    interviewing.assign_interviewer(actor=staff.hr_lead, case=case,
                                    interviewer=staff.line_manager, override_reason="Asked")
    interviewing.assign_interviewer(actor=staff.hr_lead, case=case,
                                    interviewer=staff.interviewer)
    assert StaffLeaver.objects.get(interview=case).line_manager_override_reason == ""


@pytest.mark.parametrize("who", ["outsider", "other_headteacher", "governor", "interviewer"])
def test_others_cannot_assign(staff, who):
    case = make_staff_case(staff)
    response = staff.login(getattr(staff, who)).get(url(case))
    assert response.status_code in (403, 404)
    if who != "interviewer":
        assert response.status_code == 404


def test_the_headteacher_never_sees_an_anonymous_leaver_but_hr_does(staff):
    case = make_staff_case(staff, confidentiality=Confidentiality.ANONYMOUS)
    assert staff.login(staff.headteacher).get(url(case)).status_code == 404
    assert staff.login(staff.hr_lead).get(url(case)).status_code == 200
