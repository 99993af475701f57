"""An answer holds at most 5,000 characters (leaver.core.limits.ANSWER; issue 9's attack run):
the section page says so in the user's terms and shows what was typed again, the recording
actions refuse longer answers whoever sends them, and the database refuses them from any
other path. Nothing is stored when an answer is refused."""

from __future__ import annotations

import html

import pytest
from django.db import IntegrityError, transaction
from django.http import HttpResponse

from leaver.cases import answers as case_answers
from leaver.cases.models import Answer, Interview
from leaver.core import limits
from leaver.core.crypto import sealed_length
from leaver.core.encrypted_fields import Sealed
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.testing import full_answers, held, make_case, record_details, section_post, snapshot

SECTION, QUESTION = "moving_on", "who_decided"  # "Who decided?", an open question
COMMENT = "happy_leaving_now_comment"  # the comment on "Are you happy you're leaving now?"


def page(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def url(interview: Interview) -> str:
    return f"/cases/{interview.public_id}/record/{SECTION}/"


def test_an_answer_of_5000_characters_is_saved(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    response = client.post(url(interview), section_post(SECTION, **{QUESTION: "a" * 5_000}))
    assert response.status_code == 302, page(response)[:3000]
    assert Answer.objects.get(interview=interview, item_key=QUESTION).value == "a" * 5_000


def test_an_answer_one_character_over_is_refused_and_shown_again(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    client.force_login(cast.interviewer)
    typed = "a" * 5_000 + "z"
    response = client.post(url(interview), section_post(SECTION, **{QUESTION: typed}))
    assert response.status_code == 400
    shown = page(response)
    assert "The answer to “Who decided?” must be 5,000 characters or fewer." in shown
    assert f'href="#id_{QUESTION}"' in response.content.decode()  # the summary links to it
    assert typed in shown
    assert "typed comment happy_leaving_now_comment" in shown  # the rest of the page too
    assert snapshot(interview) == before


def test_a_comment_over_the_limit_names_its_question(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    client.force_login(cast.interviewer)
    response = client.post(url(interview), section_post(SECTION, **{COMMENT: "a" * 5_001}))
    assert response.status_code == 400
    assert ("Your comment on “Are you happy you're leaving now?” must be 5,000 characters or "
            "fewer.") in page(response)
    assert snapshot(interview) == before


def test_the_answer_boxes_count_characters(client, cast):
    interview = make_case(cast, State.SCHEDULED)
    client.force_login(cast.interviewer)
    body = client.get(url(interview)).content.decode()
    assert f'id="id_{QUESTION}-info"' in body
    assert "You can enter up to 5,000 characters" in body
    assert f'aria-describedby="id_{QUESTION}-info' in body


def test_saving_a_draft_refuses_an_answer_over_the_limit(cast):
    interview = make_case(cast, State.SCHEDULED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^The answer to “Who decided\?” must be 5,000"):
        recording.save_record_draft(actor=cast.interviewer, interview=interview,
                                    section_key=SECTION, answers={QUESTION: "a" * 5_001})
    assert snapshot(interview) == before


def test_submitting_refuses_an_answer_over_the_limit(cast):
    interview = held(cast, make_case(cast, State.SCHEDULED))
    before = snapshot(interview)
    answers = {**full_answers(), QUESTION: "a" * 5_001}
    with pytest.raises(ActionRefused, match="must be 5,000 characters or fewer"):
        recording.submit_record(actor=cast.interviewer, interview=interview,
                                details=record_details(answers=answers))
    assert snapshot(interview) == before


def test_storing_refuses_an_answer_over_the_limit_whatever_its_type(cast):
    """A number or a choice is no way round the limit either."""
    interview = make_case(cast, State.SCHEDULED)
    version = case_answers.pin(interview)
    with pytest.raises(ActionRefused, match="must be 5,000 characters or fewer"):
        case_answers.store(interview, version, {"happy_living_here": "9" * 5_001})
    assert not Answer.objects.filter(interview=interview).exists()


def test_the_database_refuses_an_answer_over_the_limit(cast):
    """The database sees the encrypted token of a free-text answer (ADR 0027), so it allows
    the longest token of a 5,000-character answer and refuses anything longer."""
    interview = make_case(cast, State.SCHEDULED)
    version = case_answers.pin(interview)
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(interview=interview, version=version, item_key=QUESTION,
                              value="a" * (sealed_length(limits.ANSWER) + 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Answer.objects.create(interview=interview, version=version, item_key=QUESTION,
                              value=Sealed("a" * 5 * limits.ANSWER))
    assert not Answer.objects.filter(interview=interview).exists()
