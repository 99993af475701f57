"""The audit vocabulary of reports (leaver.audit.events): building a stored report, every
download of its files, and an export of individual answers (audited like the audit log's own
export)."""

from __future__ import annotations

from django.db import models


class ReportEvent(models.TextChoices):
    BUILD_REQUESTED = "report.build_requested", "Asked for a report to be built"
    DOWNLOADED = "report.downloaded", "Downloaded a report"
    # The detail holds the financial year exported.
    ANSWERS_EXPORTED = "report.answers_exported", "Every closed answer of a year exported"
