"""Stored reports (ADR 0023): a report built by the background worker, kept with its
files and who built it, so that the year's report is the same document whenever it is
downloaded, and can be rebuilt."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import models

# A report takes seconds to build; one not ready after this is not coming.
STALLED_AFTER = datetime.timedelta(minutes=10)


class Kind(models.TextChoices):
    MONITORING = "monitoring", "Annual monitoring report"
    TURNOVER = "turnover", "Staff turnover"


class Status(models.TextChoices):
    QUEUED = "queued", "Waiting to be built"
    BUILDING = "building", "Being built"
    READY = "ready", "Ready"
    FAILED = "failed", "Could not be built"


class StoredReport(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="+")
    # The period's starting year: a financial year (monitoring), a school year (turnover).
    year = models.PositiveIntegerField()
    period = models.CharField(max_length=200, blank=True)
    # Staff turnover covers the schools its builder could see: only those who may see all
    # of them may read it (leaver.reports.access). Empty for the monitoring report.
    setting_ids = models.JSONField(default=list)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    built_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    requested_at = models.DateTimeField()
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The exception's class only when the build failed: never its text.
    error = models.CharField(max_length=100, blank=True)
    # The document (leaver.reports.document as JSON: figures already protected), each
    # chart's SVG by its table's key, and the files.
    document = models.JSONField(default=dict)
    charts = models.JSONField(default=dict)
    pdf = models.BinaryField(default=bytes)
    xlsx = models.BinaryField(default=bytes)
    csv = models.BinaryField(default=bytes)

    class Meta:
        ordering = ["-requested_at", "-id"]
        indexes = [models.Index(fields=["organisation", "kind", "-requested_at"],
                                name="report_org_kind_newest")]

    def __str__(self) -> str:
        return f"{self.kind} {self.year} ({self.status})"

    @property
    def in_progress(self) -> bool:
        return self.status in (Status.QUEUED, Status.BUILDING)

    def stalled(self, now: datetime.datetime) -> bool:
        """Still not built long after it was asked for (no worker running, or it died
        while building): the page then offers to build it again."""
        return self.in_progress and now - self.requested_at > STALLED_AFTER
