"""What a review produces: the decision, recommendations and their responses, the letter."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from leaver.core import limits
from leaver.core.encrypted_fields import EncryptedTextField
from leaver.core.limits import at_most_sealed


class ResponseKind(models.TextChoices):
    WILL_ACT = "will_act", "Action will be taken"
    NO_ACTION = "no_action", "No action will be taken"


class SentHow(models.TextChoices):
    POST = "post", "By post"
    BY_HAND = "by_hand", "By hand"
    EMAIL = "email", "By email"


class DraftRecommendation(models.Model):
    """A recommendation the IRO is still writing. Nobody else sees it; issuing turns every
    draft of a case into a Recommendation at once (and emails each owner)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="draft_recommendations"
    )
    text = EncryptedTextField()
    young_person_text = EncryptedTextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    due_date = models.DateField()
    share_record = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [at_most_sealed("draftrecommendation", "text", limits.RECOMMENDATION),
                       at_most_sealed("draftrecommendation", "young_person_text",
                                      limits.RECOMMENDATION)]

    def __str__(self) -> str:
        return f"Draft recommendation {self.public_id}"


class Recommendation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="recommendations"
    )
    text = EncryptedTextField()
    # The same recommendation in plain words for the young person: the letter uses it.
    young_person_text = EncryptedTextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recommendations"
    )
    due_date = models.DateField()
    record_shared_with_owner = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    response_kind = models.CharField(max_length=16, choices=ResponseKind.choices, blank=True)
    response_text = EncryptedTextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    # Withdrawn by the IRO before its owner responded: kept, but no longer waiting.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [at_most_sealed("recommendation", "text", limits.RECOMMENDATION),
                       at_most_sealed("recommendation", "young_person_text",
                                      limits.RECOMMENDATION),
                       at_most_sealed("recommendation", "response_text", limits.RESPONSE),
                       at_most_sealed("recommendation", "withdrawal_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Recommendation {self.public_id}"

    @property
    def is_answered(self) -> bool:
        return self.responded_at is not None

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None

    @property
    def letter_text(self) -> str:
        """What the young person reads: the plain-words version, else the staff wording."""
        return str(self.young_person_text or self.text)


class Review(models.Model):
    """The reviewer's decision on a record when nothing needs to happen (the IRO's "no
    action needed", with the reason). Recommendations are the other outcome."""

    interview = models.OneToOneField(
        "interviews.Interview", on_delete=models.CASCADE, related_name="review"
    )
    no_action_reason = EncryptedTextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [at_most_sealed("review", "no_action_reason", limits.REASON)]

    def __str__(self) -> str:
        return f"Review of {self.interview}"


class Letter(models.Model):
    """The letter back to the leaver (seed 002 §3: the IRO writes to the young person)."""

    interview = models.OneToOneField(
        "interviews.Interview", on_delete=models.CASCADE, related_name="letter"
    )
    text = EncryptedTextField()
    # "en" or "cy": the language the draft was written in (the pathway's letter_language).
    language = models.CharField(max_length=8, default="en")
    sent_at = models.DateTimeField(null=True, blank=True)  # when it was recorded as sent
    sent_on = models.DateField(null=True, blank=True)  # the date it went out
    sent_how = models.CharField(max_length=16, choices=SentHow.choices, blank=True)

    class Meta:
        constraints = [at_most_sealed("letter", "text", limits.LETTER)]

    def __str__(self) -> str:
        return f"Letter for {self.interview}"
