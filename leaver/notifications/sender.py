"""The worker's side of the outbox: claim due messages, send each, mark it.

A worker claims a batch in a short transaction (on PostgreSQL with SELECT … FOR UPDATE SKIP
LOCKED, so two workers never take the same row; SQLite has one writer at a time anyway), marks
the rows "sending" with a lease, commits, and only then talks to the mail server: no database
lock is held while the network is slow. Each message is then marked sent, or failed with a
back-off (1, 2, 4 … minutes, at most an hour) until it gives up after MAX_ATTEMPTS. A message
whose worker died mid-batch is claimed again once its lease has run out.

A mail server can accept a message and the worker die before marking it sent: then it goes
again after the lease. That is the one case of a duplicate, and it needs a crash at that exact
moment; no failure of the mail server itself causes one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from leaver.notifications.models import Message, Status
from leaver.notifications.providers import Failure, Opened, Provider, describe

logger = logging.getLogger(__name__)

BATCH = 50
LEASE = dt.timedelta(minutes=10)
MAX_ATTEMPTS = 10
MAX_BACK_OFF_MINUTES = 60


def back_off(attempts: int) -> dt.timedelta:
    """How long to wait after the n-th failed attempt: 1, 2, 4, 8 … minutes, at most an hour."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), MAX_BACK_OFF_MINUTES))


def _claim(now: dt.datetime, only: Sequence[str] | None) -> list[Message]:
    due = (Q(status=Status.QUEUED, next_attempt_at__lte=now)
           | Q(status=Status.SENDING, claimed_until__lt=now))
    with transaction.atomic():
        found = Message.objects.filter(due)
        if only is not None:
            found = found.filter(public_id__in=only)
        batch = list(found.order_by("next_attempt_at", "pk")
                     .select_for_update(skip_locked=True)[:BATCH])
        Message.objects.filter(pk__in=[m.pk for m in batch]).update(
            status=Status.SENDING, claimed_until=now + LEASE)
    return batch


def _sent(message: Message, now: dt.datetime) -> bool:
    # The body of a secret link is not kept once it has gone.
    done = Message.objects.filter(pk=message.pk, status=Status.SENDING).update(
        status=Status.SENT, sent_at=now, claimed_until=None, last_attempt_at=now,
        attempts=F("attempts") + 1, body="" if message.secret else F("body"))
    if not done:
        logger.warning("Outbox message %s was sent, but another worker had taken it over.",
                       message.public_id)
    return bool(done)


def _failed(message: Message, failure: Failure, now: dt.datetime) -> None:
    attempts = message.attempts + 1
    give_up = failure.permanent or attempts >= MAX_ATTEMPTS
    changes: dict[str, object] = {
        "attempts": attempts, "last_attempt_at": now, "claimed_until": None,
        "last_error": failure.error, "last_error_code": failure.code,
        "status": Status.FAILED if give_up else Status.QUEUED,
        "next_attempt_at": now if give_up else now + back_off(attempts),
    }
    if give_up and message.secret:
        changes["body"] = ""  # its link is not kept either: the person asks for a new one
    Message.objects.filter(pk=message.pk, status=Status.SENDING).update(**changes)
    # Never the address, the subject or the error's text: the class, the code, the public id.
    logger.warning("Outbox message %s not sent (attempt %d%s): %s %s", message.public_id,
                   attempts, ", giving up" if give_up else "", failure.error,
                   failure.code or "")


def _deliver(provider: Provider, message: Message, now: dt.datetime) -> bool:
    try:
        provider.send(message)
    except Exception as error:  # any failure is this message's: the batch carries on
        _failed(message, describe(error), now)
        return False
    return _sent(message, now)


def send_due(now: dt.datetime | None = None, only: Sequence[str] | None = None) -> int:
    """Sends every due message (or, with `only`, those of these public ids that are due).
    Returns how many were sent."""
    now = now or timezone.now()
    sent = 0
    while batch := _claim(now, only):
        with Opened() as provider:
            for message in batch:
                sent += _deliver(provider, message, now)
        if len(batch) < BATCH:
            break
    return sent
