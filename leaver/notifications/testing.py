"""For tests: send what the outbox holds, now, through the real sending code (the mail backend
is Django's locmem one in tests, so the emails land in `django.core.mail.outbox`)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.notifications.models import Message, Status
from leaver.notifications.sender import send_due


def deliver_all(now: dt.datetime | None = None) -> int:
    """Sends every message due by `now` (default: now); returns how many were sent."""
    return send_due(now or timezone.now())


def waiting() -> list[Message]:
    """Messages not yet sent (queued, or held for a daily summary)."""
    return list(Message.objects.filter(status__in=[Status.QUEUED, Status.HELD]))
