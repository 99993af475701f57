"""Audit event names of reviews (see leaver.audit.events). Pathways use these members as the
events of their review transitions, so the same words mean the same in every pathway."""

from __future__ import annotations

from django.db import models


class ReviewEvent(models.TextChoices):
    NO_ACTION_NEEDED = "interview.no_action_needed", "Reviewed: no action needed"
    ADD_RECOMMENDATION = "interview.add_recommendation", "Recommendation issued"
    RECOMMENDATION_CHANGED = "interview.recommendation_changed", "Recommendation changed"
    RECOMMENDATION_WITHDRAWN = "interview.recommendation_withdrawn", "Recommendation withdrawn"
    RECOMMENDATION_ANSWERED = "interview.recommendation_answered", "Recommendation answered"
    RESPONSES_COMPLETE = "interview.responses_complete", "Every recommendation answered"
    EDIT_LETTER = "interview.edit_letter", "Letter to the young person edited"
    LETTER_SENT = "interview.letter_sent", "Letter to the young person sent"
    # The IRO's drafts: audited, not on the timeline (nobody else sees a draft).
    DRAFT_SAVED = "interview.recommendation_draft_saved", "Draft recommendation saved"
    DRAFT_REMOVED = "interview.recommendation_draft_removed", "Draft recommendation removed"
    # Reads: audited, not on the timeline.
    RECOMMENDATION_VIEWED = "interview.recommendation_viewed", "Recommendation viewed"
    LETTER_DOWNLOADED = "interview.letter_downloaded", "Letter downloaded"


ON_TIMELINE = (
    ReviewEvent.NO_ACTION_NEEDED, ReviewEvent.ADD_RECOMMENDATION,
    ReviewEvent.RECOMMENDATION_CHANGED, ReviewEvent.RECOMMENDATION_WITHDRAWN,
    ReviewEvent.RECOMMENDATION_ANSWERED, ReviewEvent.RESPONSES_COMPLETE,
    ReviewEvent.EDIT_LETTER, ReviewEvent.LETTER_SENT,
)
