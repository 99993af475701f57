"""Reads of a case's review: its decision, its letter, and who is waiting on what."""

from __future__ import annotations

from leaver.cases.models import Interview
from leaver.reviews.models import Letter, Review


def letter_of(case: Interview) -> Letter | None:
    return Letter.objects.filter(interview=case).first()


def review_of(case: Interview) -> Review | None:
    return Review.objects.filter(interview=case).first()


def letter_sent(case: Interview) -> bool:
    return Letter.objects.filter(interview=case, sent_at__isnull=False).exists()
