"""Putting messages into the outbox: rows written in the caller's transaction (a rolled-back
action leaves none), then, once it commits, a nudge to the worker to send them now.

The nudge is only for speed: if it is lost (the process stops between the commit and the
nudge), the worker's periodic scan sends the messages within a minute anyway (ADR 0015).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.notifications import tasks
from leaver.notifications.models import Message, Status


@dataclass(frozen=True)
class Attachment:
    """A text file sent with an email, e.g. a calendar invitation ("invite.ics",
    "text/calendar"). Say what it holds in the body too: GOV.UK Notify does not attach it."""

    filename: str
    content_type: str
    content: str


@dataclass(frozen=True)
class Draft:
    """One email to one address. `secret`: the body holds a link that works as a key (an
    invitation, a password reset): it is blanked once sent and never shown to admins."""

    to: str
    subject: str
    body: str
    user: User | None = None
    organisation_id: int | None = None
    secret: bool = False
    path: str = ""
    action: str = ""
    due: dt.date | None = None
    digestible: bool = False
    dedupe_key: str | None = None
    attachment: Attachment | None = None


def _status(draft: Draft) -> Status:
    if draft.digestible and draft.user is not None and draft.user.email_digest:
        return Status.HELD
    return Status.QUEUED


def queue(drafts: Sequence[Draft]) -> list[Message]:
    """Writes the drafts as messages. A draft whose dedupe key was already used for its
    address is dropped: the database's unique constraint decides, so two transactions doing
    the same at once still queue one message. Returns the rows built (some may be dropped)."""
    now = timezone.now()
    rows = [Message(
        public_id=uuid.uuid4(), organisation_id=draft.organisation_id, user=draft.user,
        to=draft.to, subject=draft.subject[:200], body=draft.body, secret=draft.secret,
        path=draft.path, action=draft.action[:200], due=draft.due, digestible=draft.digestible,
        dedupe_key=draft.dedupe_key or "", status=_status(draft), created_at=now,
        next_attempt_at=now,
        attachment_name=draft.attachment.filename[:100] if draft.attachment else "",
        attachment_type=draft.attachment.content_type[:100] if draft.attachment else "",
        attachment_text=draft.attachment.content if draft.attachment else "",
    ) for draft in drafts]
    if not rows:
        return rows
    Message.objects.bulk_create(rows, ignore_conflicts=True)
    send_now([row.public_id for row in rows if row.status == Status.QUEUED])
    return rows


def send_now(public_ids: Sequence[uuid.UUID]) -> None:
    """Once the transaction commits, ask the worker to send these messages (those that are
    due: a message waiting out its back-off keeps waiting)."""
    if not public_ids:
        return
    wanted = [str(public_id) for public_id in public_ids]
    # robust: the action has committed; a failed nudge must not turn its page into an error.
    transaction.on_commit(lambda: tasks.send_outbox.enqueue(only=wanted), robust=True)
