"""Bad input, each refused at the action and through the page: status 400 (403 for a page the
person cannot act on), the message in the page, what was typed shown again, nothing saved."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.http import HttpResponse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import records
from leaver.cases.models import Answer, Interview, InterviewRecord
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Membership, Role
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import BEFORE_RECORD, OPEN, TERMINAL, State
from leaver.reviews import actions as ra
from leaver.reviews.models import Recommendation
from leaver.testing import (
    check_post,
    consent_post,
    date_parts,
    full_answers,
    make_case,
    move_details,
    record_details,
    section_post,
    snapshot,
)

TODAY = timezone.localdate()
YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


def text_of(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def url(interview: Interview, tail: str) -> str:
    return f"/cases/{interview.public_id}/{tail}"


# A non-social-worker recording consent -------------------------------------------------

def test_a_csm_cannot_record_consent(cast):
    interview = make_case(cast, State.NOTIFIED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="allocated social worker"):
        ia.record_consent(actor=cast.csm, interview=interview, outcome="consent_given",
                          reason="", may_quote=True, statement=cast.statement)
    assert snapshot(interview) == before


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_consent_page_tells_a_csm_they_cannot_do_this(client, cast, method):
    interview = make_case(cast, State.NOTIFIED)
    before = snapshot(interview)
    client.force_login(cast.csm)
    response = getattr(client, method)(url(interview, "consent/"),
                                       {"outcome": "consent_given", "may_quote": "on"})
    assert response.status_code == 403
    assert "ui/cannot.html" in [t.name for t in response.templates]
    page = text_of(response)
    assert "You cannot do this" in page
    assert "Only the young person's allocated social worker can do this." in page
    assert snapshot(interview) == before


# "Not feasible" without the learning-disability flag -----------------------------------

def test_not_feasible_needs_the_learning_disability_flag(cast):
    interview = make_case(cast, State.NOTIFIED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="only for a young person with a significant"):
        ia.record_consent(actor=cast.social_worker, interview=interview,
                          outcome="not_feasible", reason="Hard to talk.", may_quote=False,
                          statement=cast.statement)
    assert snapshot(interview) == before


def test_the_consent_page_refuses_not_feasible_without_the_flag(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    before = snapshot(interview)
    client.force_login(cast.social_worker)
    response = client.post(url(interview, "consent/"),
                           consent_post("not_feasible", feasible_reason="Typed reason zebra"))
    assert response.status_code == 400
    page = text_of(response)
    assert "“Not feasible” is only for a young person with a significant learning" in page
    assert "Typed reason zebra</textarea>" in page
    assert re.search(r'value="not_feasible" checked', page)
    assert snapshot(interview) == before


def test_the_consent_page_needs_a_reason_for_not_feasible(client, cast):
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    before = snapshot(interview)
    client.force_login(cast.social_worker)
    response = client.post(url(interview, "consent/"), consent_post("not_feasible"))
    assert response.status_code == 400
    assert "Give the reason the interview is not feasible." in text_of(response)
    assert snapshot(interview) == before


# A due date in the past for a recommendation -------------------------------------------

def test_a_recommendation_due_in_the_past_is_refused(cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^The due date must be today or in the future\.$"):
        ra.add_recommendation(actor=cast.iro, interview=interview, text="Fix the boiler.",
                              owner=cast.csm, due_date=YESTERDAY, share_record=False)
    assert snapshot(interview) == before


def test_the_review_page_refuses_a_due_date_in_the_past(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(url(interview, "review/recommendations/new/"), {
        "text": "Typed recommendation walrus", "young_person_text": "Typed for you",
        "owner": cast.csm.pk, "due_date-day": YESTERDAY.day,
        "due_date-month": YESTERDAY.month, "due_date-year": YESTERDAY.year})
    assert response.status_code == 400
    page = text_of(response)
    assert "The date a response is due must be today or in the future." in page
    assert "Typed recommendation walrus</textarea>" in page
    assert f'name="due_date-day" type="text" inputmode="numeric" value="{YESTERDAY.day}"' in page
    assert f'value="{cast.csm.pk}" aria-describedby="id_owner_1-hint" checked' in page
    assert snapshot(interview) == before
    assert not Recommendation.objects.exists()


# A second submission of the record; the record locks on submission ---------------------

def test_the_record_locks_with_the_hash_of_its_content(cast):
    interview = make_case(cast, State.WITH_IRO)
    record = InterviewRecord.objects.get(interview=interview)
    assert len(record.content_sha256) == 64
    assert record.content_sha256 == records.content_hash(record)
    assert records.is_intact(record)
    answer = Answer.objects.filter(interview=interview).earliest("id")
    Answer.objects.filter(pk=answer.pk).update(value=answer.value + " (changed later)")
    assert not records.is_intact(InterviewRecord.objects.get(pk=record.pk))


def test_a_second_submission_is_refused_and_the_record_is_unchanged(cast):
    interview = make_case(cast, State.WITH_IRO)
    record = InterviewRecord.objects.get(interview=interview)
    before = snapshot(interview)
    answers = {key: "no" if value == "yes" else value for key, value in full_answers().items()}
    with pytest.raises(ActionRefused, match=r"already submitted and locked on .* It cannot be "
                                           r"submitted again\."):
        recording.submit_record(actor=cast.interviewer, interview=interview,
                         details=record_details(answers=answers))
    assert snapshot(interview) == before
    again = InterviewRecord.objects.get(pk=record.pk)
    assert again.content_sha256 == record.content_sha256 == records.content_hash(again)


@pytest.mark.parametrize("tail", ["record/new/", "record/living_here/", "record/check/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_record_page_refuses_a_second_submission(client, cast, method, tail):
    interview = make_case(cast, State.WITH_IRO)
    digest = interview.record.content_sha256
    before = snapshot(interview)
    client.force_login(cast.interviewer)
    data = check_post() if tail == "record/check/" else section_post("living_here")
    response = getattr(client, method)(url(interview, tail), data)
    if method == "post" and tail == "record/new/":
        # The task list only shows the parts: a POST to it is refused before anything else.
        assert response.status_code == 405
    else:
        assert response.status_code == 403
        assert "already submitted and locked. It cannot be submitted again." in text_of(
            response)
    assert snapshot(interview) == before
    assert InterviewRecord.objects.get(interview=interview).content_sha256 == digest


# Interviewers who cannot be chosen --------------------------------------------------------

def both_roles(user: User, role: Role, **membership: object) -> User:
    """`user` with a second role; a fresh instance, as roles are cached on the user."""
    Membership.objects.create(user=user, role=role, **membership)
    return User.objects.get(pk=user.pk)


@pytest.fixture
def conflicted(cast):
    """The young person's social worker and their home's Unit Manager, each also an
    independent interviewer."""
    return {
        "social_worker": both_roles(cast.social_worker, Role.INTERVIEWER, is_independent=True),
        "unit_manager": both_roles(cast.unit_manager, Role.INTERVIEWER, is_independent=True),
    }


@pytest.mark.parametrize(("who", "reason"), [
    ("dependent_interviewer", "is not independent of the organisation"),
    ("social_worker", "is the young person's social worker"),
    ("unit_manager", "manages the young person's home"),
    ("outsider", "is not an interviewer"),
])
def test_an_interviewer_who_is_not_independent_cannot_be_assigned(cast, conflicted, who,
                                                                   reason):
    interview = make_case(cast, State.CONSENTED)
    candidate = conflicted.get(who) or getattr(cast, who)
    before = snapshot(interview)
    with pytest.raises(ActionRefused) as refused:
        ia.assign_interviewer(actor=cast.csm, interview=interview, interviewer=candidate)
    assert str(refused.value) == f"{candidate.full_name} {reason}, so cannot be chosen."
    assert snapshot(interview) == before


def test_the_assign_page_lists_why_each_person_cannot_be_chosen(client, cast, conflicted):
    interview = make_case(cast, State.CONSENTED)
    client.force_login(cast.csm)
    page = text_of(client.get(url(interview, "interviewer/")))
    assert f"{cast.dependent_interviewer.full_name} is not independent of the organisation" in page
    assert f"{cast.social_worker.full_name} is the young person's social worker" in page
    assert f"{cast.unit_manager.full_name} manages the young person's home" in page
    # Only the independent, unconnected interviewers are offered.
    offered = re.findall(r'name="interviewer" type="radio" value="(\d+)"', page)
    assert sorted(map(int, offered)) == sorted([cast.interviewer.pk, cast.other_interviewer.pk])


@pytest.mark.parametrize("who", ["dependent_interviewer", "social_worker", "unit_manager"])
def test_the_assign_page_refuses_a_person_who_cannot_be_chosen(client, cast, conflicted, who):
    interview = make_case(cast, State.CONSENTED)
    before = snapshot(interview)
    client.force_login(cast.csm)
    response = client.post(url(interview, "interviewer/"), {"interviewer": getattr(cast, who).pk})
    assert response.status_code == 400
    assert "Choose one of the interviewers listed." in text_of(response)
    assert snapshot(interview) == before


# A date of birth in the future ------------------------------------------------------------

def test_a_date_of_birth_in_the_future_is_refused(cast):
    with pytest.raises(ActionRefused, match=r"^Date of birth must be in the past\.$"):
        ia.notify_move(actor=cast.unit_manager,
                       details=move_details(cast, date_of_birth=TOMORROW))
    assert not Interview.objects.exists()


def test_the_move_page_refuses_a_date_of_birth_in_the_future(client, cast):
    client.force_login(cast.unit_manager)
    response = client.post("/cases/new/", {
        "leaver_name": "Casey Typedname", **date_parts("date_of_birth", TOMORROW),
        "setting": cast.home.pk, **date_parts("planned_move_date", TODAY + dt.timedelta(days=9)),
        "social_worker": cast.social_worker.pk, "significant_learning_disability": "no",
        "preferred_language": "Welsh", "address_line_1": "Flat 2 typed",
        "allocated_iro": cast.iro.pk,
    })
    assert response.status_code == 400
    page = text_of(response)
    assert "Date of birth must be in the past." in page
    assert 'value="Casey Typedname"' in page
    assert 'value="Welsh" checked' in page
    assert 'value="Flat 2 typed"' in page
    assert not Interview.objects.exists()


# Closing early needs a reason -------------------------------------------------------------

@pytest.mark.parametrize("outcome", ["withdraw", "unable_to_contact"])
def test_the_close_early_page_needs_a_reason(client, cast, outcome):
    interview = make_case(cast, State.CONSENTED)
    before = snapshot(interview)
    client.force_login(cast.social_worker)
    response = client.post(url(interview, f"close/{outcome}/"), {"reason": "   "})
    assert response.status_code == 400
    assert "Give the reason." in text_of(response)
    assert snapshot(interview) == before


@pytest.mark.parametrize("outcome", ["withdraw", "unable_to_contact"])
@pytest.mark.parametrize("state", sorted(BEFORE_RECORD))
def test_closing_early_needs_a_reason_in_every_state_before_the_record(cast, state, outcome):
    interview = make_case(cast, state)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Give the reason\.$"):
        ia.close_early(actor=cast.csm, interview=interview, outcome=outcome, reason=" \n")
    assert snapshot(interview) == before


@pytest.mark.parametrize("outcome", ["withdraw", "unable_to_contact"])
@pytest.mark.parametrize("state", sorted(TERMINAL | (OPEN - BEFORE_RECORD)))
def test_a_closed_or_submitted_case_cannot_be_closed_early(client, cast, state, outcome):
    interview = make_case(cast, state)
    before = snapshot(interview)
    client.force_login(cast.csm)
    response = client.post(url(interview, f"close/{outcome}/"), {"reason": "Typed reason."})
    assert response.status_code == 403
    assert f"This can't be done now: the case is “{state.label}”." in text_of(response)
    assert snapshot(interview) == before
