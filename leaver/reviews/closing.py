"""Leaver's own last step: a case closes once its letter is sent and nothing is waiting."""

from __future__ import annotations

from django.utils import timezone

from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.reviews.queries import letter_of


def close_if_complete(interview: Interview) -> None:
    """Closing needs the letter sent and, with recommendations, every one answered."""
    letter = letter_of(interview)
    if letter is None or letter.sent_at is None or not engine.may(None, interview, "close"):
        return
    interview.closed_at = timezone.now()
    engine.take(None, interview, "close")
