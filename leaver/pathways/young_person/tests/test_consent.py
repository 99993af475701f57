"""Consent (issue 8): the date the young person was asked, questions revealed only when they
apply, a check page before a decision that ends the case, what was tried before "not
feasible", the CSM told of every outcome, and reopening when a young person changes their
mind; also who sees the contact details after closing and the IRO's "no action" reason."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions, correcting, recording
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.testing import consent_post, date_parts, held, make_case, record_details, snapshot


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def consent_url(interview: Interview, tail: str = "") -> str:
    return reverse("young_person:consent", args=[interview.public_id]) + tail


def test_agreeing_records_the_date_asked_and_tells_the_csm(
        cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.NOTIFIED)
    asked = timezone.localdate() - dt.timedelta(days=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_(cast.social_worker).post(consent_url(interview), consent_post(
            may_quote="no", decline_reason="ignored: hidden question",
            **date_parts("asked_on", asked)))
    assert response.status_code == 302
    interview.refresh_from_db()
    assert interview.state == State.CONSENTED
    assert interview.young_person.consent_asked_on == asked
    assert not interview.may_quote_anonymously
    assert interview.outcome_reason == ""  # the hidden question's text is not kept
    assert [m.to for m in mail.outbox] == [[cast.csm.email]]


@pytest.mark.parametrize(("data", "message"), [
    ({"asked_on-day": "", "asked_on-month": "", "asked_on-year": ""},
     "Enter the date you asked the young person."),
    (date_parts("asked_on", timezone.localdate() + dt.timedelta(days=1)),
     "The date you asked must be today or in the past."),
    ({"may_quote": ""}, "Say whether their words may be quoted without their name."),
])
def test_consent_bad_input_says_what_is_wrong_and_changes_nothing(cast, data, message):
    interview = make_case(cast, State.NOTIFIED)
    before = snapshot(interview)
    response = as_(cast.social_worker).post(consent_url(interview), consent_post(**data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert snapshot(interview) == before


def test_the_questions_under_each_answer_are_revealed_only_for_it(cast):
    interview = make_case(cast, State.NOTIFIED)
    html = as_(cast.social_worker).get(consent_url(interview)).content.decode()
    for outcome in ("consent_given", "consent_declined", "not_feasible"):
        assert f'data-reveals="conditional-{outcome}"' in html
        # Hidden only when JavaScript runs (GOV.UK's CSS); without it every question shows.
        assert (f'class="govuk-radios__conditional govuk-radios__conditional--hidden" '
                f'id="conditional-{outcome}"') in html
    assert "manager of your home" in html  # the statement says who gets a copy


@pytest.mark.parametrize("outcome", ["consent_declined", "not_feasible"])
def test_a_decision_that_ends_the_case_goes_to_a_check_page_first(
        cast, outcome, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    client = as_(cast.social_worker)
    before = snapshot(interview)
    response = client.post(consent_url(interview), consent_post(
        outcome, decline_reason="Would rather not.", feasible_reason="Non-verbal.",
        tried=["communication_aids", "advocate"]))
    assert response.status_code == 302
    assert response["Location"] == consent_url(interview, "check/")
    assert snapshot(interview) == before  # nothing recorded yet
    check = client.get(consent_url(interview, "check/")).content.decode()
    assert "govuk-button--warning" in check
    assert "The case will close" in check
    if outcome == "not_feasible":
        assert "An advocate" in check
        assert "Non-verbal." in check
    # "Change" goes back to the form as it was typed.
    again = client.get(consent_url(interview)).content.decode()
    assert f'value="{outcome}" checked' in again
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(consent_url(interview, "check/")).status_code == 302
    interview.refresh_from_db()
    expected = State.DECLINED if outcome == "consent_declined" else State.NOT_FEASIBLE
    assert interview.state == expected
    assert interview.young_person.consent_asked_on == timezone.localdate()
    tried = ["advocate", "communication_aids"] if outcome == "not_feasible" else []
    assert interview.young_person.feasibility_tried == tried
    assert [m.to for m in mail.outbox] == [[cast.csm.email]]


def test_not_feasible_needs_a_reason_and_a_learning_disability(cast):
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Choose what was tried from the list"):
        actions.record_consent(actor=cast.social_worker, interview=interview,
                               outcome="not_feasible", reason="x", may_quote=False,
                               statement=cast.statement, tried=("magic",))
    with pytest.raises(ActionRefused, match="Give the reason"):
        actions.record_consent(actor=cast.social_worker, interview=interview,
                               outcome="not_feasible", reason=" ", may_quote=False,
                               statement=cast.statement)
    assert snapshot(interview) == before


def test_the_check_page_without_a_decision_goes_back_to_the_form(cast):
    interview = make_case(cast, State.NOTIFIED)
    response = as_(cast.social_worker).post(consent_url(interview, "check/"))
    assert response.status_code == 302
    assert response["Location"] == consent_url(interview)
    assert Interview.objects.get(pk=interview.pk).state == State.NOTIFIED


# Changing their mind --------------------------------------------------------------------

def test_the_social_worker_reopens_a_declined_case(cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.DECLINED)
    client = as_(cast.social_worker)
    case_page = client.get(reverse("young_person:case", args=[interview.public_id]))
    reopen = reverse("young_person:reopen", args=[interview.public_id])
    assert reopen in case_page.content.decode()
    before = snapshot(interview)
    assert client.post(reopen, {"reason": " "}).status_code == 400
    assert snapshot(interview) == before
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(reopen, {"reason": "They rang me."}).status_code == 302
    interview.refresh_from_db()
    assert interview.state == State.NOTIFIED
    assert interview.consent_recorded_at is None
    event = AuditEvent.objects.get(action="interview.reopen")
    assert (event.actor, event.detail["previous_state"]) == (cast.social_worker, "declined")
    # …and consent can be recorded again.
    assert client.post(consent_url(interview), consent_post()).status_code == 302
    assert Interview.objects.get(pk=interview.pk).state == State.CONSENTED


def test_a_declined_case_cannot_be_reopened_after_the_move(cast):
    interview = make_case(cast, State.DECLINED,
                          planned_move_date=timezone.localdate() - dt.timedelta(days=1))
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"planned move date .* has passed"):
        actions.reopen(actor=cast.social_worker, interview=interview, reason="They rang.")
    assert snapshot(interview) == before
    # A delayed move: the date is corrected, and then the case can be reopened.
    correcting.correct(actor=cast.social_worker, interview=interview, key="move_date",
                       values={"planned_move_date": timezone.localdate()})
    actions.reopen(actor=cast.social_worker, interview=interview, reason="They rang.")


@pytest.mark.parametrize("who", ["csm", "unit_manager", "iro"])
def test_only_the_social_worker_reopens(cast, who):
    interview = make_case(cast, State.DECLINED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="allocated social worker"):
        actions.reopen(actor=getattr(cast, who), interview=interview, reason="x")
    assert snapshot(interview) == before


# After closing; the IRO's reason ------------------------------------------------------------

@pytest.mark.parametrize("who", ["social_worker", "csm", "unit_manager", "iro"])
def test_after_closing_only_the_social_worker_sees_how_to_reach_them(cast, who):
    interview = make_case(cast, State.CLOSED)
    html = as_(getattr(cast, who)).get(
        reverse("young_person:case", args=[interview.public_id])).content.decode()
    assert ("10 Example Road" in html) == (who == "social_worker")


def test_the_no_action_reason_is_only_for_those_who_read_the_record(cast):
    interview = held(cast, make_case(cast, State.SCHEDULED))
    recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
        restrict_circulation=True, restriction_reason="Names a carer."))
    ra.record_no_action(actor=cast.iro, interview=interview, reason="Zebra reason.")
    case_page = reverse("young_person:case", args=[interview.public_id])
    for who, reads in (("iro", True), ("interviewer", True), ("csm", False),
                       ("unit_manager", False), ("social_worker", False)):
        html = as_(getattr(cast, who)).get(case_page).content.decode()
        assert ("Zebra reason." in html) == reads, who
