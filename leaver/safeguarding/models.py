"""Safeguarding concerns (DESIGN §7): what was disclosed or noticed, who raised it, how the
safeguarding leads dealt with it; the answers that raised one; notes; patterns noticed at one
place; and each organisation's safeguarding settings.

A concern is read only by the organisation's safeguarding leads and by whoever raised it
(leaver.safeguarding.access). Everyone else who can see the case sees only that a concern
exists and its status (leaver.cases.concerns)."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.core import limits
from leaver.core.encrypted_fields import EncryptedTextField
from leaver.core.limits import at_most_sealed


class Status(models.TextChoices):
    RAISED = "raised", "Raised: not yet acknowledged"
    ACKNOWLEDGED = "acknowledged", "Acknowledged: outcome not yet recorded"
    CLOSED = "closed", "Closed"


OPEN = frozenset({Status.RAISED, Status.ACKNOWLEDGED})


class Source(models.TextChoices):
    ANSWER = "answer", "An answer recorded in the interview"
    BY_HAND = "by_hand", "Raised by hand"


class Outcome(models.TextChoices):
    REFERRAL = "referral", "Referral made"
    NO_FURTHER_ACTION = "no_further_action", "No further action"


class ReferredTo(models.TextChoices):
    SOCIAL_CARE = "social_care", "Children's social care or the MASH"
    LADO = "lado", "The LADO (Local Authority Designated Officer)"
    POLICE = "police", "The police"


class Concern(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.PROTECT, related_name="concerns")
    # Where the case was when the concern was raised: patterns are counted by place.
    setting = models.ForeignKey(
        "organisations.Setting", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=16, choices=Source.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RAISED)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")  # None: the leaver's own answers, with nobody signed in
    raised_at = models.DateTimeField()
    # By hand: the young person's own words (verbatim), when they said them, and the note of
    # whoever raised it. Raised by answers: see `triggers`.
    words = EncryptedTextField(blank=True)
    said_at = models.DateTimeField(null=True, blank=True)
    note = EncryptedTextField(blank=True)

    # Acknowledging: due within the organisation's working hours; escalated after that, again
    # every further period until acknowledged (leaver.safeguarding.escalation).
    acknowledge_by = models.DateTimeField()
    next_escalation_at = models.DateTimeField(null=True, blank=True, db_index=True)
    escalations = models.PositiveIntegerField(default=0)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)

    # The outcome: filled in as a draft, checked, then the concern is closed.
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    referred_to = models.CharField(max_length=16, choices=ReferredTo.choices, blank=True)
    reference = models.CharField(max_length=limits.REFERENCE, blank=True)
    referred_on = models.DateField(null=True, blank=True)
    no_action_reason = EncryptedTextField(blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-raised_at", "-id"]
        indexes = [models.Index(fields=["organisation", "status"]),
                   models.Index(fields=["setting", "raised_at"])]
        constraints = [at_most_sealed("concern", "words", limits.CONCERN_WORDS),
                       at_most_sealed("concern", "note", limits.CONCERN_NOTE),
                       at_most_sealed("concern", "no_action_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Safeguarding concern {self.public_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


class Trigger(models.Model):
    """An answer that met its question's safeguarding trigger. Each question raises at most
    once per case: saving the same answer again, or submitting the record, adds nothing."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="triggers")
    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="+")
    item_key = models.CharField(max_length=100)
    # As recorded when the trigger was met (the answer may change later; this is what the
    # leads were told): the question, the answer in words and the comment on it.
    question = models.TextField()
    answer = EncryptedTextField()
    comment = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [models.UniqueConstraint(fields=["interview", "item_key"],
                                               name="trigger_once_per_case")]

    def __str__(self) -> str:
        return f"{self.item_key} on {self.concern}"


class Note(models.Model):
    """A note added to a concern by a safeguarding lead or by whoever raised it."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField()
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField()

    class Meta:
        ordering = ["written_at", "id"]
        constraints = [at_most_sealed("note", "text", limits.CONCERN_NOTE)]

    def __str__(self) -> str:
        return f"Note on {self.concern}"


class Pattern(models.Model):
    """Concerns about one place reached the organisation's count within its period: told to
    the safeguarding leads and the CSMs once, when `crossing` brought the count up to it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    setting = models.ForeignKey(
        "organisations.Setting", on_delete=models.PROTECT, related_name="+")
    crossing = models.OneToOneField(Concern, on_delete=models.CASCADE, related_name="+")
    concerns = models.ManyToManyField(Concern, related_name="patterns")
    noticed_at = models.DateTimeField()
    count = models.PositiveIntegerField()  # young people with a concern within the period
    months = models.PositiveIntegerField()

    class Meta:
        ordering = ["-noticed_at", "-id"]

    def __str__(self) -> str:
        return f"Pattern at {self.setting_id} ({self.count} in {self.months} months)"


DEFAULT_ACKNOWLEDGE_HOURS = 4
DEFAULT_PATTERN_COUNT = 2
DEFAULT_PATTERN_MONTHS = 12


class SafeguardingSettings(models.Model):
    """One per organisation, set by its admins; until saved, the defaults apply."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    # Told to the interviewer when a concern is raised: who to ring now, out of hours.
    out_of_hours_phone = models.CharField(max_length=limits.PHONE, blank=True)
    # Working hours (09:00–17:00 on working days) to acknowledge a concern; escalated to the
    # deputies and the CSMs after that, and again every further period until acknowledged.
    acknowledge_hours = models.PositiveSmallIntegerField(default=DEFAULT_ACKNOWLEDGE_HOURS)
    pattern_count = models.PositiveSmallIntegerField(default=DEFAULT_PATTERN_COUNT)
    pattern_months = models.PositiveSmallIntegerField(default=DEFAULT_PATTERN_MONTHS)
    # Safeguarding leads who are deputies: told at once like every lead, and again when a
    # concern is not acknowledged in time.
    deputies = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    def __str__(self) -> str:
        return f"Safeguarding settings of {self.organisation_id}"
