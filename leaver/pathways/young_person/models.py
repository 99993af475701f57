"""What the young person's pathway keeps beyond the case kernel: the young person."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.cases.models import Interview
from leaver.core import limits
from leaver.core.encrypted_fields import EncryptedTextField
from leaver.core.limits import at_most_sealed


class Language(models.TextChoices):
    """The young person's preferred language. "Other" names the language in `other_language`.
    The values of English and Welsh are their names, as the free text held before."""

    ENGLISH = "English", "English"
    WELSH = "Welsh", "Welsh (Cymraeg)"
    OTHER = "Other", "Another language"


class FeasibilityAid(models.TextChoices):
    """What was tried before deciding that an interview is not feasible."""

    COMMUNICATION_AIDS = "communication_aids", "Communication aids (pictures, signing, easy read)"
    ADVOCATE = "advocate", "An advocate"
    TRUSTED_ADULT = "trusted_adult", "A trusted adult with them"


class YoungPerson(models.Model):
    """What the Unit Manager records about the young person when the move is notified, and
    what the social worker records about consent. Everything here can be corrected (see
    corrections.py for who may correct what)."""

    interview = models.OneToOneField(
        Interview, on_delete=models.CASCADE, related_name="young_person"
    )
    date_of_birth = models.DateField()
    # Recorded when the young person has died: their case record is then kept 15 years after
    # it instead of until their 75th birthday (leaver.retention.rules).
    date_of_death = models.DateField(null=True, blank=True)
    planned_move_date = models.DateField()
    social_worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocated_young_people"
    )
    # The IRO for this child (statutory). Null only for cases opened before IROs were
    # allocated per young person; a CSM allocates one through a correction.
    allocated_iro = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="iro_for_young_people",
    )
    significant_learning_disability = models.BooleanField()
    communication_needs = EncryptedTextField(blank=True)
    preferred_language = models.CharField(max_length=100, choices=Language.choices,
                                          default=Language.ENGLISH)
    other_language = models.CharField(max_length=limits.LANGUAGE_NAME, blank=True)
    # Where the interviewer and the IRO's letter reach the young person after the move
    # (seed 002 §2). Shown only to those arranging or writing, and after closing only to
    # the social worker.
    phone = models.CharField(max_length=limits.PHONE, blank=True)
    email = models.CharField(max_length=limits.EMAIL, blank=True)
    address_line_1 = models.CharField(max_length=limits.ADDRESS_LINE_1, blank=True)
    address_line_2 = models.CharField(max_length=limits.ADDRESS_LINE_2, blank=True)
    town = models.CharField(max_length=limits.TOWN, blank=True)
    postcode = models.CharField(max_length=limits.POSTCODE, blank=True)
    # Consent (seed 002 §2): when the social worker asked, and for "not feasible" what was
    # tried first (FeasibilityAid values).
    consent_asked_on = models.DateField(null=True, blank=True)
    feasibility_tried = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [at_most_sealed("youngperson", "communication_needs",
                                      limits.COMMUNICATION_NEEDS)]

    def __str__(self) -> str:
        return f"Young person of {self.interview}"

    @property
    def language_name(self) -> str:
        if self.preferred_language == Language.OTHER:
            return self.other_language or "Another language"
        return str(self.preferred_language)

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.address_line_1, self.address_line_2, self.town,
                                  self.postcode) if line]


class ReferralKind(models.TextChoices):
    """What the young person asked for at the interview (the record's "complaints and
    advocacy" page; seed 002 §5: the complaints process and the advocacy service)."""

    COMPLAINT = "complaint", "Complaint"
    ADVOCACY = "advocacy", "Advocate"


class ReferralOutcome(models.TextChoices):
    MADE = "made", "Referral made"
    NOT_MADE = "not_made", "Referral not made"


class Referral(models.Model):
    """What the social worker did about a referral the young person asked for: made (on a
    date, with the service's reference) or not made (why). Until it is recorded, the referral
    waits in the social worker's "Your work" (InterviewRecord says what was asked for)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(max_length=16, choices=ReferralKind.choices)
    outcome = models.CharField(max_length=16, choices=ReferralOutcome.choices)
    made_on = models.DateField(null=True, blank=True)
    reference = models.CharField(max_length=limits.REFERENCE, blank=True)
    reason = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["interview", "kind"], name="referral_once_per_kind"),
            at_most_sealed("referral", "reason", limits.REASON),
            # Made: the date it was made. Not made: the reason.
            models.CheckConstraint(
                condition=(models.Q(outcome="made", made_on__isnull=False)
                           | (models.Q(outcome="not_made", made_on__isnull=True)
                              & ~models.Q(reason=""))),
                name="referral_made_on_or_reason"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} referral of {self.interview}"
