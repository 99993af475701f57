"""Audit event names of the outbox (see leaver.audit.events)."""

from __future__ import annotations

from django.db import models


class OutboxEvent(models.TextChoices):
    # A read: an admin opened the list of emails that are failing (it shows addresses).
    FAILING_VIEWED = "outbox.failing_viewed", "Emails not sent: list viewed"
    TRIED_AGAIN = "outbox.tried_again", "Email not sent: tried again now by an admin"
