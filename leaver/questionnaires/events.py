"""Audit event names for questionnaires (see leaver.audit.events)."""

from __future__ import annotations

from django.db import models


class QuestionnaireEvent(models.TextChoices):
    DRAFT_SAVED = "questionnaire.draft_saved", "Questionnaire draft saved"
    PUBLISHED = "questionnaire.published", "Questionnaire version published"
    DEFAULT_CHOSEN = "questionnaire.default_chosen", "Default questionnaire chosen"
