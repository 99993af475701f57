"""Reads of the outbox."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from leaver.notifications.models import Message, Status

# Given up, or waiting to be tried again after at least one failure.
FAILING = Q(status=Status.FAILED) | Q(status__in=[Status.QUEUED, Status.SENDING], attempts__gt=0)


def failing_for(organisation_id: int) -> QuerySet[Message]:
    """An organisation's messages that failed at least once and are not sent: given up
    first, then by when they are tried next."""
    return (Message.objects.filter(FAILING, organisation_id=organisation_id)
            .order_by("status", "next_attempt_at", "pk"))


def counts(organisation_id: int) -> dict[str, int]:
    """How many of the organisation's messages are in each status (for the page's summary)."""
    rows = (Message.objects.filter(organisation_id=organisation_id)
            .values_list("status").order_by())
    found: dict[str, int] = {}
    for (status,) in rows:
        found[status] = found.get(status, 0) + 1
    return found
