"""Retention (issue 14, ADR 0029): each organisation's schedule per pathway, legal holds that
stop erasure, and the mark an erased case keeps.

An erased case is anonymised in place (ADR 0029): its Interview row, states, dates, place and
closed answers stay as a statistical row, so that reports of past years still add up; the
`Erasure` row says that it happened, when, how and by whom."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.core import limits
from leaver.core.limits import at_most
from leaver.organisations.models import Pathway

# The defaults, and the bounds an organisation may choose within.
CARE_RECORD_AGE = 75  # a care record is kept until the 75th birthday …
YEARS_AFTER_DEATH = 15  # … or 15 years after death
DEFAULT_SHORTER_YEARS = 6
SHORTER_YEARS_MIN, SHORTER_YEARS_MAX = 1, 25
DEFAULT_STAFF_YEARS = 6
STAFF_YEARS_MIN, STAFF_YEARS_MAX = 1, 15
DEFAULT_UNUSED_DAYS = 90
UNUSED_DAYS_MIN, UNUSED_DAYS_MAX = 30, 365


class Basis(models.TextChoices):
    """What a young person's exit interview record is kept as."""

    CARE_RECORD = "care_record", "As part of the care record"
    SHORTER = "shorter", "For a shorter period the organisation chooses"


class Schedule(models.Model):
    """One organisation's retention for one pathway. Until saved, the defaults apply
    (leaver.retention.rules.schedule_for)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                     related_name="+")
    pathway = models.CharField(max_length=32, choices=Pathway.choices)
    # Young people only: the care record (75th birthday, or 15 years after death) or `years`
    # after the move was notified. Staff: `years` after the leaving date.
    basis = models.CharField(max_length=16, choices=Basis.choices, default=Basis.CARE_RECORD)
    years = models.PositiveSmallIntegerField(default=DEFAULT_STAFF_YEARS)
    # Links never used and record drafts left untouched are removed after this many days.
    unused_days = models.PositiveSmallIntegerField(default=DEFAULT_UNUSED_DAYS)
    changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "pathway"],
                                               name="retention_once_per_pathway")]

    def __str__(self) -> str:
        return f"Retention of {self.pathway} at {self.organisation_id}"


class LegalHold(models.Model):
    """While a hold is in place (not lifted), the case is never erased, by the schedule or on
    request. The reasons are for the organisation's admins only: never in the audit log."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey("interviews.Interview", on_delete=models.PROTECT,
                                  related_name="legal_holds")
    reason = models.TextField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    placed_at = models.DateTimeField()
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["interview"], condition=models.Q(
                lifted_at__isnull=True), name="one_hold_in_place_per_case"),
            at_most("legalhold", "reason", limits.REASON),
            at_most("legalhold", "lift_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Legal hold {self.public_id}"

    @property
    def in_place(self) -> bool:
        return self.lifted_at is None


class Kind(models.TextChoices):
    SCHEDULE = "schedule", "By the retention schedule"
    REQUEST = "request", "On request"


class Erasure(models.Model):
    """The case's personal data was erased. `by` is None when the schedule did it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.OneToOneField("interviews.Interview", on_delete=models.PROTECT,
                                     related_name="erasure")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="+")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                           blank=True, related_name="+")
    reason = models.TextField(blank=True)
    # What was removed, as counts (no content): shown on the case's retention page.
    removed = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["organisation", "-at"], name="erasure_org_newest")]
        constraints = [at_most("erasure", "reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Erasure of {self.interview_id} ({self.kind})"
