"""Audit event names of safeguarding (see leaver.audit.events). Concerns are audited as their
own objects ("safeguarding_concern"), never on a case's timeline: the timeline is read by
everyone who can see the case, and a concern is not theirs to read. Details hold ids and
statuses, never what anyone said."""

from __future__ import annotations

from django.db import models


class SafeguardingEvent(models.TextChoices):
    RAISED_BY_ANSWER = "safeguarding.raised_by_answer", (
        "Safeguarding concern raised by an answer in the interview")
    RAISED_BY_HAND = "safeguarding.raised_by_hand", "Safeguarding concern raised"
    ANSWER_ADDED = "safeguarding.answer_added", (
        "Another answer added to an open safeguarding concern")
    ACKNOWLEDGED = "safeguarding.acknowledged", "Safeguarding concern acknowledged"
    OUTCOME_DRAFTED = "safeguarding.outcome_drafted", (
        "Outcome of a safeguarding concern written, not yet closed")
    REFERRAL_MADE = "safeguarding.referral_made", "Safeguarding concern closed: referral made"
    NO_FURTHER_ACTION = "safeguarding.no_further_action", (
        "Safeguarding concern closed: no further action")
    NOTE_ADDED = "safeguarding.note_added", "Note added to a safeguarding concern"
    ESCALATED = "safeguarding.escalated", (
        "Safeguarding concern not acknowledged in time: escalated")
    PATTERN_NOTICED = "safeguarding.pattern_noticed", (
        "Safeguarding concerns about one place reached the pattern count")
    SETTINGS_CHANGED = "safeguarding.settings_changed", "Safeguarding settings changed"
    # Reads: every look at a concern, the list of concerns and a pattern.
    VIEWED = "safeguarding.concern_viewed", "Safeguarding concern viewed"
    LIST_VIEWED = "safeguarding.list_viewed", "Safeguarding concerns listed"
    PATTERN_VIEWED = "safeguarding.pattern_viewed", "Safeguarding pattern viewed"
