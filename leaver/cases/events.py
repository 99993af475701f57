"""Audit event names of the case kernel (see leaver.audit.events). Reading a case or a record
is audited on every view; these are not on the case's timeline."""

from __future__ import annotations

from django.db import models


class CaseEvent(models.TextChoices):
    VIEWED = "interview.viewed", "Case viewed"
    RECORD_VIEWED = "interview.record_viewed", "Record viewed"
    RECORD_DRAFT_SAVED = "interview.record_draft_saved", "Part of the record saved as a draft"
    RECORD_WORDING_CHOSEN = "interview.record_wording_chosen", (
        "Wording of the questions chosen for the young person")
    # The leaver's own pages (leaver.cases.you): a refused link (its kind, never the
    # token), and a section of answers saved by the leaver themselves.
    LINK_REFUSED = "interview.link_refused", "A leaver's link was refused"
    LEAVER_ANSWERS_SAVED = "interview.leaver_answers_saved", (
        "The leaver saved some of their answers")
