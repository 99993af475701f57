"""The audit vocabulary of stored reports (leaver.audit.events): building one and every
download of its files."""

from __future__ import annotations

from django.db import models


class ReportEvent(models.TextChoices):
    BUILD_REQUESTED = "report.build_requested", "Asked for a report to be built"
    DOWNLOADED = "report.downloaded", "Downloaded a report"
