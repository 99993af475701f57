"""The outbox: every email Leaver sends is first a row here, written in the transaction of the
action that caused it, then sent by the worker (leaver.notifications.sender, ADR 0015).

`organisation_id` is a plain number, not a foreign key: organisations sit in a layer above
this one. It decides which organisation's admins see the message when it keeps failing.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q

from leaver.core.encrypted_fields import EncryptedTextField


class Status(models.TextChoices):
    HELD = "held", "Waiting for the daily summary"
    QUEUED = "queued", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    IN_DIGEST = "in_digest", "Sent in a daily summary"
    FAILED = "failed", "Not sent: gave up"


class Message(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                             blank=True, related_name="+")
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    # Encrypted at rest (it can quote a letter; ADR 0027).
    # Blanked once sent when `secret` (an invitation or password reset link). Never logged.
    body = EncryptedTextField(blank=True)
    secret = models.BooleanField(default=False)
    # One optional text attachment (a calendar invitation): its file name, MIME type and
    # content. Empty name: none. GOV.UK Notify cannot attach it (leaver.notifications.
    # providers), so whoever attaches one also says what it holds in the body.
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    attachment_text = EncryptedTextField(blank=True)
    # For the daily summary: the link, what the reader must do and by when.
    path = models.CharField(max_length=500, blank=True)
    action = models.CharField(max_length=200, blank=True)
    due = models.DateField(null=True, blank=True)
    digestible = models.BooleanField(default=False)
    # A second message with the same key to the same address is never queued (reminders).
    dedupe_key = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField()
    next_attempt_at = models.DateTimeField()
    # A worker that claimed the message holds it until then; past it, another may take it.
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # The exception's class and the SMTP or HTTP code only: never its text, which can name
    # the recipient.
    last_error = models.CharField(max_length=100, blank=True)
    last_error_code = models.PositiveIntegerField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The daily summary that carried this message.
    digest = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="items")

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        constraints = [
            models.UniqueConstraint(fields=["dedupe_key", "to"], name="outbox_dedupe",
                                    condition=~Q(dedupe_key="")),
        ]

    def __str__(self) -> str:
        return f"{self.subject} ({self.get_status_display()})"


class JobRun(models.Model):
    """When each periodic job (leaver.notifications.schedule) last ran, so that several
    workers run each one once per period and never two at a time."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField(null=True, blank=True)
    # A worker running the job holds it until then (a crashed worker's claim runs out).
    running_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return self.name
