"""What a review produces: the decision, recommendations and their responses, the letter."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class ResponseKind(models.TextChoices):
    WILL_ACT = "will_act", "Action will be taken"
    NO_ACTION = "no_action", "No action will be taken"


class Recommendation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.ForeignKey(
        "interviews.Interview", on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField()
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
    response_text = models.TextField(blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Recommendation {self.public_id}"

    @property
    def is_answered(self) -> bool:
        return self.responded_at is not None


class Review(models.Model):
    """The reviewer's decision on a record when nothing needs to happen (the IRO's "no
    action needed", with the reason). Recommendations are the other outcome."""

    interview = models.OneToOneField(
        "interviews.Interview", on_delete=models.CASCADE, related_name="review"
    )
    no_action_reason = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"Review of {self.interview}"


class Letter(models.Model):
    """The letter back to the leaver (seed 002 §3: the IRO writes to the young person)."""

    interview = models.OneToOneField(
        "interviews.Interview", on_delete=models.CASCADE, related_name="letter"
    )
    text = models.TextField()
    sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Letter for {self.interview}"
