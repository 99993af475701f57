"""Recording the staff interview: one section per page (drafts), a check-answers page with
Change links, then the record (version 1, locked). Then the leaver checks it through a link,
or signs it in the room."""

from __future__ import annotations

import pytest
from django.utils import timezone

from leaver.cases import answers as case_answers
from leaver.cases import links
from leaver.cases.models import (
    Answer,
    Confirmation,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    SignOff,
)
from leaver.core.errors import ActionRefused
from leaver.core.working_days import add_working_days
from leaver.notifications.models import Message
from leaver.pathways.staff import recording
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    LEAVER_EMAIL,
    StaffCast,
    audit_actions,
    happened,
    latest,
    make_interview_cast,
    make_staff_case,
    section_keys,
    section_post,
    text_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> StaffCast:
    return make_interview_cast()


def base(case: Interview) -> str:
    return f"/staff/cases/{case.public_id}/record"


def test_the_interviewer_records_section_by_section_checks_and_submits(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    happened(case)
    client = staff.login(staff.interviewer)
    keys = section_keys()
    for index, key in enumerate(keys):
        response = client.post(f"{base(case)}/answers/{key}/", section_post(key))
        assert response.status_code == 302, text_of(response)[:2000]
        following = (f"{base(case)}/answers/{keys[index + 1]}/" if index + 1 < len(keys)
                     else f"{base(case)}/check/")
        assert response["Location"] == following
    check = text_of(client.get(f"{base(case)}/check/"))
    assert "Typed answer to would_have_stayed" in check
    assert f'href="{base(case)}/answers/looking_back/?from=check#id_would_have_stayed"' in check
    response = client.post(f"{base(case)}/check/", {})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.INTERVIEWED
    record = InterviewRecord.objects.get(interview=case)
    assert record.agreed_with_young_person is False
    assert record.confirmation == Confirmation.NOT_ASKED
    [first] = case.record_versions.all()
    assert (first.number, first.made_by, first.content_sha256) == (
        1, staff.interviewer, record.content_sha256)
    assert StaffEvent.SUBMIT_RECORD in audit_actions(case)


def test_a_change_link_comes_back_to_the_check_page(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    client = staff.login(staff.interviewer)
    response = client.post(f"{base(case)}/answers/ratings/?from=check",
                           {**section_post("ratings"), "from": "check"})
    assert response["Location"] == f"{base(case)}/check/"


def test_a_missing_required_answer_is_said_and_what_was_typed_stays(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    data = section_post("looking_back", would_have_stayed="Typed heron")
    del data["recommend_working_here"]
    response = staff.login(staff.interviewer).post(f"{base(case)}/answers/looking_back/", data)
    assert response.status_code == 400
    page = text_of(response)
    assert "Record an answer to" in page
    assert "Typed heron</textarea>" in page
    assert not Answer.objects.filter(interview=case).exists()


def test_an_incomplete_record_cannot_be_submitted(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    happened(case)
    client = staff.login(staff.interviewer)
    client.post(f"{base(case)}/answers/leaving/", section_post("leaving"))
    response = client.post(f"{base(case)}/check/", {})
    assert response.status_code == 400
    assert not InterviewRecord.objects.filter(interview=case).exists()


def test_the_record_cannot_be_submitted_before_the_interview(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    with pytest.raises(ActionRefused, match="has not happened yet"):
        recording.submit_record(actor=staff.interviewer, case=case)


@pytest.mark.parametrize("who", ["hr_lead", "headteacher"])
def test_only_the_assigned_interviewer_records(staff, who):
    case = make_staff_case(staff, State.SCHEDULED)
    response = staff.login(getattr(staff, who)).get(f"{base(case)}/answers/leaving/")
    assert response.status_code == 403
    assert staff.login(staff.other_interviewer).get(
        f"{base(case)}/answers/leaving/").status_code == 404


def test_once_submitted_the_answers_are_locked(staff):
    case = make_staff_case(staff, State.INTERVIEWED)
    version = case_answers.questionnaire_version(case)
    with pytest.raises(ActionRefused, match="This record is locked"):
        case_answers.replace_section(case, version, "leaving", {"reason_for_leaving": "pay"})
    response = staff.login(staff.interviewer).get(f"{base(case)}/answers/leaving/")
    assert response.status_code == 403


def test_sending_the_record_to_the_leaver_to_check(staff):
    case = make_staff_case(staff, State.INTERVIEWED)
    response = staff.login(staff.interviewer).post(f"{base(case)}/send/", {})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.AWAITING_CONFIRMATION
    record = InterviewRecord.objects.get(interview=case)
    assert record.confirmation == Confirmation.AWAITING
    assert record.confirmation_due == add_working_days(timezone.localdate(), 10,
                                                       case.organisation.nation)
    [link] = LeaverLink.objects.filter(interview=case, purpose=LinkPurpose.REVIEW)
    assert link.ended_at is None
    [email] = Message.objects.filter(to=LEAVER_EMAIL, secret=True)
    assert "/you/" in email.body
    assert "check" in email.subject


def test_the_leaver_signs_in_the_room(staff):
    case = make_staff_case(staff, State.AWAITING_CONFIRMATION)
    client = staff.login(staff.interviewer)
    response = client.post(f"{base(case)}/signature/", {"typed_name": "  Sam   Taylor "})
    assert response.status_code == 400  # the box saying they read it is not ticked
    assert not SignOff.objects.exists()
    response = client.post(f"{base(case)}/signature/", {"typed_name": "Sam  Taylor",
                                                         "read": "on"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.CONFIRMED
    [sign_off] = SignOff.objects.filter(interview=case)
    version = latest(case)
    assert (sign_off.typed_name, sign_off.recorded_by, sign_off.version) == (
        "Sam Taylor", staff.interviewer, version)
    assert sign_off.content_sha256 == version.content_sha256
    assert InterviewRecord.objects.get(interview=case).confirmation == Confirmation.CONFIRMED
    # The link sent to check it opens nothing now.
    link = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.REVIEW)
    with pytest.raises(links.LinkRefused):
        links.check_live(link)


def test_an_empty_name_is_refused(staff):
    case = make_staff_case(staff, State.INTERVIEWED)
    with pytest.raises(ActionRefused, match="Type the leaver's full name"):
        recording.signed_in_person(actor=staff.interviewer, case=case, typed_name="  ")
    case.refresh_from_db()
    assert case.state == State.INTERVIEWED


def test_the_section_page_warns_before_the_session_ends(staff):
    case = make_staff_case(staff, State.SCHEDULED)
    page = text_of(staff.login(staff.interviewer).get(f"{base(case)}/answers/leaving/"))
    assert "Section 1 of 3" in page
    assert "signed out after" in page
