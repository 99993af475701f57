"""The IRO's review: no action needed, recommendations and their owners' responses, the
letter, and the system's own moves to "responses complete" and "closed"."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.conf import settings
from django.core import mail
from django.http import HttpResponse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews.models import Letter, Recommendation, Review
from leaver.testing import PEOPLE, add_recommendation, make_case, snapshot

IN_A_MONTH = timezone.localdate() + dt.timedelta(days=28)


def text_of(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def fresh(interview: Interview) -> Interview:
    return Interview.objects.get(pk=interview.pk)


def respond(rec: Recommendation, text: str = "We will do it.") -> Recommendation:
    return ra.respond(actor=rec.owner, recommendation=rec, kind="will_act", text=text)


def due(day: dt.date, name: str = "due_date") -> dict[str, int]:
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def send_letter(cast, interview: Interview) -> None:
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
    ra.mark_letter_sent(actor=cast.iro, interview=interview)


# No action needed ---------------------------------------------------------------------------

@pytest.mark.parametrize("reason", ["", "  \n "])
def test_no_action_needed_requires_a_reason(cast, reason):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Give the reason no action is needed\.$"):
        ra.record_no_action(actor=cast.iro, interview=interview, reason=reason)
    assert snapshot(interview) == before


def test_the_review_page_requires_a_reason_for_no_action(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/review/no-action/", {"reason": ""})
    assert response.status_code == 400
    assert "Give the reason no action is needed." in text_of(response)
    assert snapshot(interview) == before


def test_the_review_page_records_no_action_with_a_reason(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/review/no-action/",
                           {"reason": "It all went well."})
    assert response.status_code == 302
    assert fresh(interview).state == State.NO_ACTION_NEEDED
    assert Review.objects.get(interview=interview).no_action_reason == "It all went well."


# Recommendations notify their owner -----------------------------------------------------------

def test_a_recommendation_emails_its_owner_a_link_without_the_young_persons_name(
        cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO, leaver_name="Jordan Quillfeather")
    with django_capture_on_commit_callbacks(execute=True):
        rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    assert [m.to for m in mail.outbox] == [[cast.other_social_worker.email]]
    message = mail.outbox[0]
    assert f"{settings.SITE_URL}/recommendations/{rec.public_id}/" in message.body
    for text in (message.subject, message.body):
        assert "Quillfeather" not in text
        assert "Jordan" not in text
        assert rec.text not in text


def test_the_review_pages_issue_a_recommendation_and_email_the_owner(
        client, cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/cases/{interview.public_id}/review/recommendations/new/", {
            "text": "A quiet room for homework.", "young_person_text": "A quiet room.",
            "owner": cast.senior_manager.pk, **due(IN_A_MONTH)})
        assert response.status_code == 302
        assert mail.outbox == []  # a draft tells nobody
        response = client.post(f"/cases/{interview.public_id}/review/check/")
    assert response.status_code == 302
    rec = Recommendation.objects.get(interview=interview)
    assert (rec.owner, rec.due_date) == (cast.senior_manager, IN_A_MONTH)
    assert fresh(interview).state == State.RECOMMENDATIONS_ISSUED
    assert [m.to for m in mail.outbox] == [[cast.senior_manager.email]]
    assert f"/recommendations/{rec.public_id}/" in mail.outbox[0].body


def test_nothing_is_emailed_when_a_recommendation_is_refused(
        cast, django_capture_on_commit_callbacks):
    interview = make_case(cast, State.WITH_IRO)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ActionRefused):
        ra.add_recommendation(actor=cast.iro, interview=interview, text="  ",
                              owner=cast.csm, due_date=IN_A_MONTH, share_record=False)
    assert mail.outbox == []


# Responses: only the owner, only once -------------------------------------------------------

@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "other_social_worker"])
def test_only_the_owner_can_respond(cast, person):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Only the owner of this recommendation"):
        ra.respond(actor=getattr(cast, person), recommendation=rec, kind="will_act",
                   text="I will.")
    assert snapshot(interview) == before


def test_the_owner_responds_only_once(cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    respond(rec, "A homework club from May.")
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="already has a response"):
        ra.respond(actor=cast.other_social_worker, recommendation=rec, kind="no_action",
                   text="Changed my mind.")
    assert snapshot(interview) == before
    rec.refresh_from_db()
    assert (rec.response_kind, rec.response_text) == ("will_act", "A homework club from May.")


@pytest.mark.parametrize(("kind", "text", "message"), [
    ("will_act", "  ", "Say what action will be taken."),
    ("no_action", "", "Say why no action will be taken."),
    ("maybe", "Perhaps.", "Choose whether action will be taken."),
])
def test_a_response_needs_a_kind_and_words(cast, kind, text, message):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=message):
        ra.respond(actor=cast.other_social_worker, recommendation=rec, kind=kind, text=text)
    assert snapshot(interview) == before


def test_a_case_with_recommendations_cannot_be_withdrawn_so_responses_go_on(cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="This can't be done now"):
        ia.close_early(actor=cast.iro, interview=interview, outcome="withdraw", reason="Moved.")
    assert snapshot(interview) == before
    respond(Recommendation.objects.get(interview=interview))
    interview.refresh_from_db()
    assert interview.state == State.RESPONSES_COMPLETE


def test_the_recommendation_page_refuses_other_people_and_a_second_response(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    page = f"/recommendations/{rec.public_id}/"
    answer = {"kind": "will_act", "text": "A homework club."}
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(page, answer)
    assert response.status_code == 403
    assert "Only the owner can respond, and only once." in text_of(response)
    assert snapshot(interview) == before

    client.force_login(cast.other_social_worker)
    response = client.post(page, {"kind": "will_act", "text": ""})
    assert response.status_code == 400
    assert "Say what will be done, or why nothing will be done." in text_of(response)
    assert snapshot(interview) == before
    assert client.post(page, answer).status_code == 302
    after_first = snapshot(interview)
    response = client.post(page, {"kind": "no_action", "text": "Second go."})
    assert response.status_code == 403
    assert snapshot(interview) == after_first
    assert Recommendation.objects.get(pk=rec.pk).response_text == "A homework club."


# The letter ---------------------------------------------------------------------------------

def test_the_letter_cannot_be_changed_after_it_is_sent(client, cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    send_letter(cast, interview)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="has been sent and can no longer be changed"):
        ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, new words.")
    assert snapshot(interview) == before
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/letter/",
                           {"text": "Dear Jordan, new words."})
    assert response.status_code == 403
    assert "can no longer be changed" in text_of(response)
    assert snapshot(interview) == before
    assert Letter.objects.get(interview=interview).text == "Dear Jordan, thank you."


def test_the_letter_cannot_be_empty(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^The letter cannot be empty\.$"):
        ra.save_letter(actor=cast.iro, interview=interview, text=" \n ")
    assert snapshot(interview) == before


def test_the_letter_is_sent_only_once_it_is_saved(client, cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Save the letter before recording it as sent\.$"):
        ra.mark_letter_sent(actor=cast.iro, interview=interview)
    assert snapshot(interview) == before
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/letter/sent/")
    assert response.status_code == 403
    assert "Save the letter before recording it as sent." in text_of(response)
    assert snapshot(interview) == before


def test_the_letter_is_recorded_as_sent_only_once(cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    send_letter(cast, interview)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="already recorded as sent"):
        ra.mark_letter_sent(actor=cast.iro, interview=interview)
    assert snapshot(interview) == before


# The system's own transitions ---------------------------------------------------------------

def system_rows(name: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=f"interview.{name}"))


def test_the_last_response_moves_the_case_to_responses_complete(cast):
    interview = make_case(cast, State.WITH_IRO)
    first = add_recommendation(cast, interview, owner=cast.csm)
    second = add_recommendation(cast, interview, owner=cast.other_social_worker)
    respond(first)
    assert fresh(interview).state == State.RECOMMENDATIONS_ISSUED
    assert system_rows("responses_complete") == []
    respond(second)
    assert fresh(interview).state == State.RESPONSES_COMPLETE
    [event] = system_rows("responses_complete")
    assert event.actor is None
    assert event.detail["previous_state"] == State.RECOMMENDATIONS_ISSUED
    # Nothing sent yet, so the case stays open.
    assert fresh(interview).closed_at is None


def test_a_new_recommendation_reopens_responses(cast):
    interview = make_case(cast, State.RESPONSES_COMPLETE)
    rec = add_recommendation(cast, interview, owner=cast.other_social_worker)
    assert fresh(interview).state == State.RECOMMENDATIONS_ISSUED
    respond(rec)
    assert fresh(interview).state == State.RESPONSES_COMPLETE


def test_sending_the_letter_before_the_responses_waits_for_them(cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    send_letter(cast, interview)
    assert fresh(interview).state == State.RECOMMENDATIONS_ISSUED
    assert fresh(interview).closed_at is None
    assert system_rows("close") == []
    respond(Recommendation.objects.get(interview=interview))
    assert fresh(interview).state == State.CLOSED
    assert fresh(interview).closed_at is not None
    assert [e.action for e in AuditEvent.objects.order_by("-id")[:2]] == [
        "interview.close", "interview.responses_complete"]


def test_answering_every_response_before_the_letter_waits_for_the_letter(cast):
    interview = make_case(cast, State.RESPONSES_COMPLETE)
    assert system_rows("close") == []
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
    assert fresh(interview).state == State.RESPONSES_COMPLETE
    ra.mark_letter_sent(actor=cast.iro, interview=interview)
    assert fresh(interview).state == State.CLOSED
    [event] = system_rows("close")
    assert event.actor is None
    assert event.detail["previous_state"] == State.RESPONSES_COMPLETE


def test_no_action_needed_closes_when_the_letter_is_sent(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
    assert fresh(interview).state == State.NO_ACTION_NEEDED
    assert system_rows("close") == []
    ra.mark_letter_sent(actor=cast.iro, interview=interview)
    assert fresh(interview).state == State.CLOSED
    assert fresh(interview).closed_at is not None
    assert len(system_rows("close")) == 1


def test_the_letter_sent_page_closes_a_case_with_nothing_waiting(client, cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/letter/sent/",
                           {**due(timezone.localdate(), "sent_on"), "how": "email"})
    assert response.status_code == 302
    assert fresh(interview).state == State.CLOSED
    letter = Letter.objects.get(interview=interview)
    assert (letter.sent_on, letter.sent_how) == (timezone.localdate(), "email")
