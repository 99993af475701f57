"""Audit event names of retention and erasure (found by leaver.audit.vocabulary). A detail
never holds the reason typed for a hold or an erasure (free text that may name the person):
the reason is kept on the hold or erasure row, which only the organisation's admins read."""

from __future__ import annotations

from django.db import models


class RetentionEvent(models.TextChoices):
    SCHEDULE_CHANGED = "retention.schedule_changed", "Retention schedule changed"
    HOLD_PLACED = "retention.hold_placed", "Legal hold placed on a case"
    HOLD_LIFTED = "retention.hold_lifted", "Legal hold lifted from a case"
    # The date is not in the detail: it is personal data of the case, on its own row.
    DEATH_RECORDED = "retention.date_of_death_recorded", "Young person's date of death recorded"
    CASE_ERASED = "retention.case_erased", "Case erased"
    CASE_VIEWED = "retention.case_viewed", "Case's retention viewed"
    DUE_LIST_VIEWED = "retention.due_list_viewed", "Cases due for erasure viewed"
    LEFTOVERS_REMOVED = "retention.leftovers_removed", "Unused links and drafts removed"
