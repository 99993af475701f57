"""An invitation to set a password: how a new person's account is set up.

Only a hash of the token is stored. The token itself exists in the email sent and nowhere
else: not in the database, the audit log or the logs, so a copy of the database cannot be used
to take over an account that is waiting to be set up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_token(token: str) -> str:
    """SHA-256 of the token. The token is 256 random bits, so no salt or slow hash is needed:
    there is nothing to guess from a list of likely values."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Closed(models.TextChoices):
    """Why an invitation's link no longer works (besides expiring)."""

    ACCEPTED = "accepted", "Used to set a password"
    CANCELLED = "cancelled", "Cancelled"
    REPLACED = "replaced", "Replaced by a newer invitation"


class InvitationState(models.TextChoices):
    OPEN = "open", "Waiting to be used"
    EXPIRED = "expired", "Expired"
    ACCEPTED = Closed.ACCEPTED.value, Closed.ACCEPTED.label
    CANCELLED = Closed.CANCELLED.value, Closed.CANCELLED.label
    REPLACED = Closed.REPLACED.value, Closed.REPLACED.label


class Invitation(models.Model):
    """One "set your password" link sent to one person. Single use: once closed (used,
    cancelled or replaced by a re-sent one) it never opens again."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_because = models.CharField(max_length=16, choices=Closed.choices, blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # At most one link works for a person at any time.
            models.UniqueConstraint(fields=["user"], condition=models.Q(closed_at__isnull=True),
                                    name="invitation_one_open_per_user"),
            models.CheckConstraint(
                condition=(models.Q(closed_at__isnull=True) & models.Q(closed_because=""))
                | (models.Q(closed_at__isnull=False) & ~models.Q(closed_because="")),
                name="invitation_closed_with_reason"),
        ]

    def __str__(self) -> str:
        return f"Invitation for {self.user_id} ({self.state()})"

    def state(self, now: dt.datetime | None = None) -> InvitationState:
        if self.closed_at is not None:
            return InvitationState(self.closed_because)
        if self.expires_at <= (now or timezone.now()):
            return InvitationState.EXPIRED
        return InvitationState.OPEN
