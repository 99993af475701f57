"""Writes to the outbox by people (the worker's own writes are in sender.py)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.log import record
from leaver.core.errors import ActionRefused
from leaver.notifications.events import OutboxEvent
from leaver.notifications.models import Message, Status
from leaver.notifications.outbox import send_now

LINK_GONE = ("Leaver removed the link in this email when it gave up, so that it cannot be "
             "used by anyone else. Send a new invitation from the person's page, or ask them "
             "to use “Forgotten your password?” on the sign-in page.")


@transaction.atomic
def try_again_now(*, actor: User, message: Message) -> None:
    """Sends a failing message at once, with a fresh count of tries (the mail server may have
    been fixed). The caller found it with access.get_failing_message."""
    locked = Message.objects.select_for_update().get(pk=message.pk)
    if locked.organisation_id != actor.organisation_id:
        raise ActionRefused("This email is not your organisation's.")
    if locked.status not in (Status.FAILED, Status.QUEUED):
        raise ActionRefused("This email is being sent now. Look again in a minute.")
    if locked.secret and not locked.body:
        raise ActionRefused(LINK_GONE)
    record(actor=actor, action=OutboxEvent.TRIED_AGAIN, object_type="outbox_message",
           object_id=locked.public_id, organisation_id=locked.organisation_id,
           detail={"attempts": locked.attempts, "error": locked.last_error,
                   "status": locked.status})
    locked.status = Status.QUEUED
    locked.attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.save(update_fields=["status", "attempts", "next_attempt_at"])
    send_now([locked.public_id])


def viewed_failing(*, actor: User, organisation_id: int, shown: int) -> None:
    record(actor=actor, action=OutboxEvent.FAILING_VIEWED, object_type="outbox",
           object_id=None, organisation_id=organisation_id, detail={"shown": shown})
