"""Amending the record: after the leaver asked for corrections (the interviewer changes the
answers, says why and re-sends) and later (a new version with who, when and why; the state
and the sign-off stay). Readers see the last version until an amendment is finished."""

from __future__ import annotations

import pytest

from leaver.cases import amending
from leaver.cases.models import (
    Confirmation,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    SignOff,
)
from leaver.core.errors import ActionRefused
from leaver.pathways.staff import amending as staff_amending
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    StaffCast,
    agree_amendment,
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


def base(case: Interview) -> str:
    return f"/staff/cases/{case.public_id}/record"


def change_reason(client, case: Interview, reason: str = "pay") -> None:
    response = client.post(f"{base(case)}/amend/leaving/",
                           section_post("leaving", reason_for_leaving=reason))
    assert response.status_code == 302, text_of(response)[:2000]


def test_correcting_after_the_leaver_asked(staff):
    case = make_staff_case(staff, State.CORRECTIONS_REQUESTED)
    [request] = CorrectionRequest.objects.filter(interview=case)
    old_link = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.REVIEW)
    client = staff.login(staff.interviewer)
    page = text_of(client.get(f"{base(case)}/amend/"))
    assert "My reason for leaving was pay, not workload." in page
    change_reason(client, case)
    # Not a version yet: readers still see version 1, the amender sees what changed.
    assert latest(case).number == 1
    head = text_of(staff.login(staff.headteacher).get(f"{base(case)}/"))
    assert "<strong>Retirement</strong>" in head
    assert "<strong>Pay</strong>" not in head
    page = text_of(client.get(f"{base(case)}/amend/"))
    assert "What you have changed" in page
    response = client.post(f"{base(case)}/amend/", {"reason": ""})
    assert response.status_code == 400
    assert "Say why the record was changed." in text_of(response)
    response = client.post(f"{base(case)}/amend/", {"reason": "Corrected the reason."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.AWAITING_CONFIRMATION
    second = latest(case)
    assert (second.number, second.made_by, second.reason) == (
        2, staff.interviewer, "Corrected the reason.")
    assert dict(second.content["answers"])["reason_for_leaving"] == "pay"
    request.refresh_from_db()
    assert request.answered_by == second
    record = InterviewRecord.objects.get(interview=case)
    assert (record.confirmation, record.content_sha256) == (
        Confirmation.AWAITING, second.content_sha256)
    old_link.refresh_from_db()
    assert old_link.ended_at is not None
    assert LeaverLink.objects.filter(interview=case, purpose=LinkPurpose.REVIEW,
                                     ended_at__isnull=True).count() == 1
    assert StaffEvent.AMENDED in audit_actions(case)


def test_a_later_amendment_keeps_the_state_and_the_signature(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    client = staff.login(staff.hr_lead)
    change_reason(client, case)
    response = client.post(f"{base(case)}/amend/", {"reason": "HR found a typing mistake."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.CONFIRMED
    sign_off = SignOff.objects.get(interview=case)
    assert sign_off.version.number == 1
    page = text_of(client.get(f"{base(case)}/"))
    assert f"Signed as correct by the leaver on {sign_off.signed_at:%-d %B %Y} (version 1)" in page
    assert (f"Amended since: version 2 by {staff.hr_lead.full_name} on "
            f"{latest(case).made_at:%-d %B %Y} because HR found a typing mistake."
            ) in page


def test_an_amendment_that_changes_nothing_is_refused(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    agree_amendment(staff, case)
    with pytest.raises(ActionRefused, match="Nothing in the record has changed"):
        staff_amending.amend(actor=staff.interviewer, case=case, reason="No reason")
    assert latest(case).number == 1


def test_the_headteacher_cannot_amend(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    assert staff.login(staff.headteacher).get(f"{base(case)}/amend/").status_code == 403
    assert staff.login(staff.headteacher).post(
        f"{base(case)}/amend/leaving/", section_post("leaving")).status_code == 403


def test_only_the_interviewer_corrects_after_the_leaver_asked(staff):
    case = make_staff_case(staff, State.CORRECTIONS_REQUESTED)
    assert staff.login(staff.hr_lead).get(f"{base(case)}/amend/").status_code == 403


def test_pending_changes_are_what_the_answers_say_beyond_the_last_version(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    assert amending.pending_changes(case) == []
    amending.save_section(actor=staff.interviewer, case=case, transition="amend_later",
                          section_key="leaving", answers={"reason_for_leaving": "pay"})
    [change] = amending.pending_changes(case)
    assert (change.key, change.before, change.after) == ("reason_for_leaving", "retirement",
                                                         "pay")
