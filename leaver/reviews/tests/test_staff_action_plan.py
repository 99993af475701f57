"""The staff pathway's action plan (seed 000) on the review machinery: the headteacher or HR
lead records actions with owners and due dates, or "no action needed" with a reason; owners
respond, and the case closes when every action is answered. The words are the pathway's
("action", "the headteacher or HR lead"), never the young person's; there is no letter and
no plain-words version."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.core import mail
from django.http import HttpResponse
from django.utils import timezone

from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.staff.states import State
from leaver.reviews import actions as ra
from leaver.reviews import recommending
from leaver.reviews.models import DraftRecommendation, Recommendation, Review
from leaver.reviews.tests.staff_cast import StaffCast, make_staff_case, make_staff_cast

pytestmark = pytest.mark.django_db

IN_A_MONTH = timezone.localdate() + dt.timedelta(days=28)


@pytest.fixture
def staff() -> StaffCast:
    return make_staff_cast()


def text_of(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def fresh(case: Interview) -> Interview:
    return Interview.objects.get(pk=case.pk)


def due(day: dt.date) -> dict[str, int]:
    return {"due_date-day": day.day, "due_date-month": day.month, "due_date-year": day.year}


def add_action(staff: StaffCast, case: Interview, owner=None, actor=None,
               text: str = "Offer exit support to the team.") -> Recommendation:
    return ra.add_recommendation(actor=actor or staff.headteacher, interview=case, text=text,
                                 owner=owner or staff.owner, due_date=IN_A_MONTH,
                                 share_record=False)


def state_of(case: Interview) -> tuple[str, int, int, int]:
    return (fresh(case).state, Recommendation.objects.filter(interview=case).count(),
            DraftRecommendation.objects.filter(interview=case).count(),
            Review.objects.filter(interview=case).count())


# The headteacher agrees the actions -------------------------------------------------------

def test_the_headteacher_adds_actions_through_the_pages_and_each_owner_is_emailed(
        client, staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff)
    client.force_login(staff.headteacher)
    base = f"/cases/{case.public_id}/review/"
    response = client.post(base, {"needed": "yes"})
    assert response.status_code == 302
    assert response["Location"] == f"{base}recommendations/new/"
    form = client.get(f"{base}recommendations/new/")
    assert "young_person_text" not in text_of(form)
    assert "share_record" not in text_of(form)
    with django_capture_on_commit_callbacks(execute=True):
        for owner, text in ((staff.owner, "Review workload in year 6."),
                            (staff.second_owner, "Fix the staffroom heating.")):
            response = client.post(f"{base}recommendations/new/", {
                "text": text, "owner": owner.pk, **due(IN_A_MONTH)})
            assert response.status_code == 302
        assert mail.outbox == []  # a draft tells nobody
        check = client.get(f"{base}check/")
        assert "Check the actions before you issue them" in text_of(check)
        assert "Issue all the actions" in text_of(check)
        response = client.post(f"{base}check/")
    assert response.status_code == 302
    assert fresh(case).state == State.ACTIONS_AGREED
    recs = Recommendation.objects.filter(interview=case)
    assert [(r.owner, r.text, r.young_person_text) for r in recs] == [
        (staff.owner, "Review workload in year 6.", ""),
        (staff.second_owner, "Fix the staffroom heating.", "")]
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        (u.email, "Leaver: An action from an exit interview needs your response")
        for u in (staff.owner, staff.second_owner))
    for message in mail.outbox:
        assert "Morgan" not in message.body
        assert "Price" not in message.body


def test_an_action_needs_no_plain_words_version_but_still_its_own_words(client, staff):
    case = make_staff_case(staff)
    client.force_login(staff.hr_lead)
    response = client.post(f"/cases/{case.public_id}/review/recommendations/new/", {
        "text": "", "owner": staff.owner.pk, **due(IN_A_MONTH)})
    assert response.status_code == 400
    assert "Enter the action." in text_of(response)
    assert DraftRecommendation.objects.filter(interview=case).count() == 0


def test_the_record_is_never_passed_on_to_an_owner(staff):
    case = make_staff_case(staff)
    before = state_of(case)
    with pytest.raises(ActionRefused, match="The record cannot be passed on"):
        ra.add_recommendation(actor=staff.hr_lead, interview=case, text="Talk to the team.",
                              owner=staff.owner, due_date=IN_A_MONTH, share_record=True)
    assert state_of(case) == before


# Owners respond; the last response closes the case ----------------------------------------

def test_owners_respond_and_the_case_closes_when_every_action_is_answered(
        client, staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff)
    first = add_action(staff, case)
    second = add_action(staff, case, owner=staff.second_owner, text="Fix the heating.")
    client.force_login(staff.owner)
    page = client.get(f"/recommendations/{first.public_id}/")
    assert "Tell the headteacher or HR lead what action, if any, will be taken." in text_of(page)
    assert "quoted" not in text_of(page)  # no letter quotes it
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/recommendations/{first.public_id}/",
                               {"kind": "will_act", "text": "Support from the trust's team."})
    assert response.status_code == 302
    assert (fresh(case).state, fresh(case).closed_at) == (State.ACTIONS_AGREED, None)
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == sorted(
        (u.email, "Leaver: An action owner has responded")
        for u in (staff.headteacher, staff.hr_lead))
    ra.respond(actor=staff.second_owner, recommendation=second, kind="no_action",
               text="It was fixed last week.")
    closed = fresh(case)
    assert closed.state == State.CLOSED
    assert closed.closed_at is not None


def test_withdrawing_the_last_waiting_action_closes_the_case(staff):
    case = make_staff_case(staff)
    first = add_action(staff, case)
    second = add_action(staff, case, owner=staff.second_owner)
    ra.respond(actor=staff.owner, recommendation=first, kind="will_act", text="Done.")
    recommending.withdraw_recommendation(actor=staff.headteacher, recommendation=second,
                                         reason="Already in hand.")
    assert fresh(case).state == State.CLOSED
    assert fresh(case).closed_at is not None


# No action needed -------------------------------------------------------------------------

@pytest.mark.parametrize("state", [State.CONFIRMED, State.NOT_CONFIRMED])
def test_no_action_needed_with_a_reason_closes_the_case(client, staff, state):
    case = make_staff_case(staff, state)
    client.force_login(staff.headteacher)
    response = client.post(f"/cases/{case.public_id}/review/no-action/",
                           {"reason": "A retirement; nothing to change."}, follow=True)
    assert "Recorded: no action needed. The case is closed." in text_of(response)
    closed = fresh(case)
    assert (closed.state, closed.closed_at is not None) == (State.CLOSED, True)
    assert Review.objects.get(interview=case).no_action_reason == (
        "A retirement; nothing to change.")


def test_no_action_needed_requires_a_reason(client, staff):
    case = make_staff_case(staff)
    before = state_of(case)
    client.force_login(staff.headteacher)
    response = client.post(f"/cases/{case.public_id}/review/no-action/", {"reason": " "})
    assert response.status_code == 400
    assert "Give the reason no action is needed." in text_of(response)
    assert state_of(case) == before


# Who may review ---------------------------------------------------------------------------

@pytest.mark.parametrize("person", ["interviewer", "other_headteacher", "stranger_hr_lead",
                                    "owner"])
def test_nobody_else_reviews(client, staff, person):
    case = make_staff_case(staff)
    user = getattr(staff, person)
    before = state_of(case)
    client.force_login(user)
    # The interviewer may open the case but is refused the step; others do not find it.
    expected = 403 if person == "interviewer" else 404
    assert client.get(f"/cases/{case.public_id}/review/").status_code == expected
    assert client.post(f"/cases/{case.public_id}/review/no-action/",
                       {"reason": "Nothing."}).status_code == expected
    with pytest.raises(ActionRefused):
        ra.record_no_action(actor=user, interview=case, reason="Nothing.")
    with pytest.raises(ActionRefused):
        add_action(staff, case, actor=user)
    assert state_of(case) == before


def test_the_headteacher_does_not_review_an_anonymous_leavers_case_the_hr_lead_does(
        client, staff):
    case = make_staff_case(staff, anonymous=True)
    before = state_of(case)
    client.force_login(staff.headteacher)
    assert client.get(f"/cases/{case.public_id}/review/").status_code == 404
    with pytest.raises(ActionRefused):
        add_action(staff, case)
    assert state_of(case) == before
    client.force_login(staff.hr_lead)
    assert client.get(f"/cases/{case.public_id}/review/").status_code == 200
    add_action(staff, case, actor=staff.hr_lead)
    assert fresh(case).state == State.ACTIONS_AGREED


def test_a_staff_case_has_no_letter(client, staff):
    case = make_staff_case(staff)
    client.force_login(staff.headteacher)
    for path in ("letter/", "letter.pdf", "letter/sent/"):
        assert client.get(f"/cases/{case.public_id}/{path}").status_code == 404
    with pytest.raises(ActionRefused, match="No letter"):
        ra.save_letter(actor=staff.headteacher, interview=case, text="Dear Morgan")


# Confidentiality: the owner sees the action, not the anonymous leaver -----------------------

def test_an_owner_sees_the_action_but_not_an_anonymous_leavers_name(client, staff):
    case = make_staff_case(staff, anonymous=True)
    rec = add_action(staff, case, actor=staff.hr_lead)
    client.force_login(staff.owner)
    page = text_of(client.get(f"/recommendations/{rec.public_id}/"))
    assert "Offer exit support to the team." in page
    assert IN_A_MONTH.strftime("%B %Y") in page
    assert "A member of staff at Greenfield Primary" in page
    assert "Morgan" not in page
    assert "Price" not in page
    assert f"/staff/cases/{case.public_id}/record/" not in page
    # The headteacher is no reader of this leaver's actions either.
    client.force_login(staff.headteacher)
    assert client.get(f"/recommendations/{rec.public_id}/").status_code == 404
    client.force_login(staff.hr_lead)
    assert "Morgan Price" in text_of(client.get(f"/recommendations/{rec.public_id}/"))


def test_the_reviewers_told_of_a_response_on_an_anonymous_case_are_the_hr_leads_only(
        staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, anonymous=True)
    rec = add_action(staff, case, actor=staff.hr_lead)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        ra.respond(actor=staff.owner, recommendation=rec, kind="will_act", text="Done.")
    assert [m.to for m in mail.outbox] == [[staff.hr_lead.email]]


def test_an_owner_of_a_named_leavers_action_sees_who_it_is_about(client, staff):
    case = make_staff_case(staff)
    rec = add_action(staff, case)
    client.force_login(staff.owner)
    page = text_of(client.get(f"/recommendations/{rec.public_id}/"))
    assert "Morgan Price · Greenfield Primary" in page
    assert "A member of staff at" not in page


# The pages speak of actions and the member of staff, never of a young person ---------------

def test_no_staff_page_speaks_of_a_young_person_or_the_iro(client, staff):
    case = make_staff_case(staff)
    rec = add_action(staff, case)
    DraftRecommendation.objects.create(interview=case, text="Draft.", owner=staff.owner,
                                       due_date=IN_A_MONTH, created_by=staff.headteacher)
    other = make_staff_case(staff)
    pages = {staff.headteacher: [
        f"/cases/{case.public_id}/review/", f"/cases/{case.public_id}/review/check/",
        f"/cases/{case.public_id}/review/recommendations/new/",
        f"/cases/{other.public_id}/review/", f"/cases/{other.public_id}/review/no-action/",
        f"/recommendations/{rec.public_id}/", f"/recommendations/{rec.public_id}/change/",
        f"/recommendations/{rec.public_id}/withdraw/"],
        staff.owner: [f"/recommendations/{rec.public_id}/"]}
    for user, paths in pages.items():
        client.force_login(user)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            main = text_of(response).split('id="main-content"', 1)[-1]
            main = main.split("<footer", 1)[0].lower()
            for words in ("young person", "the iro", "recommendation"):
                assert words not in main.replace("/recommendations/", ""), (path, words)
