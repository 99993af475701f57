"""Leaver's own last step of a review. A pathway with a letter (the young person's) closes
once the letter is sent and nothing is waiting, by its "close" step; a pathway without one
(the staff action plan) closes by the review's own step ("no_action_needed",
"responses_complete" lead to its closed state), and here the case is stamped as closed."""

from __future__ import annotations

from django.utils import timezone

from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.reviews.queries import letter_of


def close_if_complete(interview: Interview) -> None:
    """Closing needs the letter sent (where there is one) and, with recommendations, every
    one answered. A case the review's own step has already ended gets its `closed_at`."""
    definition = engine.definition_of(interview)
    if interview.state in definition.terminal:
        if interview.closed_at is None:
            interview.closed_at = timezone.now()
            interview.save(update_fields=["closed_at", "updated_at"])
        return
    if "close" not in definition.transitions:
        return
    if definition.review_words.has_letter:
        letter = letter_of(interview)
        if letter is None or letter.sent_at is None:
            return
    if not engine.may(None, interview, "close"):
        return
    interview.closed_at = timezone.now()
    engine.take(None, interview, "close")
