"""The audit vocabulary of reports (leaver.audit.events): an export of individual answers is
audited like the audit log's own export."""

from __future__ import annotations

from django.db import models


class ReportEvent(models.TextChoices):
    # The detail holds the financial year and the number of questionnaire versions exported.
    ANSWERS_EXPORTED = "report.answers_exported", "Every closed answer of a year exported"
