"""Length limits on what the review's people type (leaver.core.limits; issue 9's attack run):
at the limit a box is saved; one character over, the page says "… must be N characters or
fewer." with what was typed shown again, the action refuses the same, and nothing is stored.
The database refuses longer text from any other path."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews import recommending
from leaver.reviews.models import DraftRecommendation, Letter, Recommendation, Review
from leaver.testing import Cast, add_recommendation, make_case, snapshot

IN_A_MONTH = timezone.localdate() + dt.timedelta(days=28)


def page(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def due() -> dict[str, int]:
    return {"due_date-day": IN_A_MONTH.day, "due_date-month": IN_A_MONTH.month,
            "due_date-year": IN_A_MONTH.year}


@dataclass(frozen=True)
class Box:
    """One limited box: where it is, who fills it in, what the page posts, where it is kept."""

    state: State
    limit: int
    message: str
    person: Callable[[Cast], User]
    url: Callable[[Interview, Recommendation | None], str]
    post: Callable[[Cast, str], dict[str, Any]]
    stored: Callable[[Interview], list[str]]
    needs_recommendation: bool = False


def _drafts(interview: Interview, field: str) -> list[str]:
    return list(DraftRecommendation.objects.filter(interview=interview)
                .values_list(field, flat=True))


def _recs(interview: Interview, field: str) -> list[str]:
    return [v for v in Recommendation.objects.filter(interview=interview)
            .values_list(field, flat=True) if v]


BOXES = {
    "no_action_reason": Box(
        State.WITH_IRO, limits.REASON, "The reason must be 2,000 characters or fewer.",
        lambda c: c.iro, lambda i, r: f"/cases/{i.public_id}/review/no-action/",
        lambda c, text: {"reason": text},
        lambda i: list(Review.objects.filter(interview=i)
                       .values_list("no_action_reason", flat=True))),
    "recommendation": Box(
        State.WITH_IRO, limits.RECOMMENDATION,
        "Recommendation must be 2,000 characters or fewer.",
        lambda c: c.iro, lambda i, r: f"/cases/{i.public_id}/review/recommendations/new/",
        lambda c, text: {"text": text, "young_person_text": "A quiet room.",
                         "owner": c.csm.pk, **due()},
        lambda i: _drafts(i, "text")),
    "recommendation_for_the_young_person": Box(
        State.WITH_IRO, limits.RECOMMENDATION,
        "The recommendation for the young person must be 2,000 characters or fewer.",
        lambda c: c.iro, lambda i, r: f"/cases/{i.public_id}/review/recommendations/new/",
        lambda c, text: {"text": "A quiet room for homework.", "young_person_text": text,
                         "owner": c.csm.pk, **due()},
        lambda i: _drafts(i, "young_person_text")),
    "withdrawal_reason": Box(
        State.WITH_IRO, limits.REASON, "The reason must be 2,000 characters or fewer.",
        lambda c: c.iro, lambda i, r: f"/recommendations/{r.public_id}/withdraw/",  # type: ignore[union-attr]
        lambda c, text: {"reason": text}, lambda i: _recs(i, "withdrawal_reason"),
        needs_recommendation=True),
    "response": Box(
        State.WITH_IRO, limits.RESPONSE, "Your response must be 2,000 characters or fewer.",
        lambda c: c.csm, lambda i, r: f"/recommendations/{r.public_id}/",  # type: ignore[union-attr]
        lambda c, text: {"kind": "will_act", "text": text}, lambda i: _recs(i, "response_text"),
        needs_recommendation=True),
    "letter": Box(
        State.NO_ACTION_NEEDED, limits.LETTER, "The letter must be 10,000 characters or fewer.",
        lambda c: c.iro, lambda i, r: f"/cases/{i.public_id}/letter/",
        lambda c, text: {"text": text},
        lambda i: list(Letter.objects.filter(interview=i).values_list("text", flat=True))),
}


def _open(cast: Cast, box: Box) -> tuple[Interview, Recommendation | None]:
    interview = make_case(cast, box.state)
    rec = add_recommendation(cast, interview, owner=cast.csm) if box.needs_recommendation \
        else None
    return interview, rec


@pytest.mark.parametrize("name", BOXES)
def test_a_box_at_its_limit_is_saved(client, cast, name):
    box = BOXES[name]
    interview, rec = _open(cast, box)
    client.force_login(box.person(cast))
    text = "a" * box.limit
    response = client.post(box.url(interview, rec), box.post(cast, text))
    assert response.status_code == 302, page(response)[:2000]
    assert text in box.stored(interview)


@pytest.mark.parametrize("name", BOXES)
def test_one_character_over_is_refused_with_what_was_typed_shown_again(client, cast, name):
    box = BOXES[name]
    interview, rec = _open(cast, box)
    before = snapshot(interview)
    client.force_login(box.person(cast))
    typed = "a" * box.limit + "Z"
    response = client.post(box.url(interview, rec), box.post(cast, typed))
    assert response.status_code == 400
    shown = page(response)
    assert box.message in shown
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert typed in shown
    assert snapshot(interview) == before
    assert typed not in box.stored(interview)


def test_a_line_break_counts_as_one_character(client, cast):
    """Browsers send CR LF: 1,999 letters and a line break fill a 2,000 box exactly."""
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    typed = "a" * 1_000 + "\r\n" + "b" * 999
    response = client.post(f"/cases/{interview.public_id}/review/no-action/",
                           {"reason": typed})
    assert response.status_code == 302
    assert Review.objects.get(interview=interview).no_action_reason == typed.replace("\r\n", "\n")


def test_the_long_boxes_count_characters(client, cast):
    interview = make_case(cast, State.WITH_IRO)
    client.force_login(cast.iro)
    shown = client.get(f"/cases/{interview.public_id}/review/recommendations/new/")
    body = shown.content.decode()
    assert body.count('data-module="govuk-character-count"') == 2
    assert 'data-maxlength="2000"' in body
    assert "You can enter up to 2,000 characters" in body
    assert "maxlength=" not in body.replace("data-maxlength=", "")


# The actions refuse the same, whoever calls them ----------------------------------------------

def test_the_actions_refuse_text_over_the_limits(cast):
    interview = make_case(cast, State.WITH_IRO)
    before = snapshot(interview)
    over = "a" * 2_001
    with pytest.raises(ActionRefused, match=r"^The reason must be 2,000 characters or fewer"):
        ra.record_no_action(actor=cast.iro, interview=interview, reason=over)
    for text, yp in ((over, "Short."), ("Short.", over)):
        with pytest.raises(ActionRefused, match="must be 2,000 characters or fewer"):
            recommending.save_draft(actor=cast.iro, interview=interview, wording=(
                recommending.Wording(text, yp, cast.csm, IN_A_MONTH)))
    assert snapshot(interview) == before

    rec = add_recommendation(cast, interview, owner=cast.csm)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Your response must be 2,000 characters"):
        ra.respond(actor=cast.csm, recommendation=rec, kind="will_act", text=over)
    with pytest.raises(ActionRefused, match=r"^The reason must be 2,000 characters"):
        recommending.withdraw_recommendation(actor=cast.iro, recommendation=rec, reason=over)
    with pytest.raises(ActionRefused, match=r"^Recommendation must be 2,000 characters"):
        recommending.change_recommendation(actor=cast.iro, recommendation=rec, wording=(
            recommending.Wording(over, "Short.", cast.csm, IN_A_MONTH)))
    assert snapshot(interview) == before


def test_the_letter_action_refuses_a_letter_over_10000_characters(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^The letter must be 10,000 characters or fewer"):
        ra.save_letter(actor=cast.iro, interview=interview, text="a" * 10_001)
    assert snapshot(interview) == before


def test_the_database_refuses_longer_text_from_any_other_path(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    with pytest.raises(IntegrityError), transaction.atomic():
        # Encrypted at rest: the check allows the longest token of 10,000 characters.
        Letter.objects.create(interview=interview, text="a" * 5 * limits.LETTER)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(interview=interview).update(no_action_reason="a" * 5 * limits.REASON)
    assert not Letter.objects.filter(interview=interview).exists()
