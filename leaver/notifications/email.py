"""Emails about cases. They say what the reader must do and by when, with a link, and nothing
personal: no name, no answer.

Each email is a row in the outbox (leaver.notifications.outbox), written in the caller's
transaction: a rolled-back action emails nobody, and a mail server that is down delays the
email without losing it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.utils import dateformat

from leaver.accounts.models import User
from leaver.notifications.outbox import Attachment, Draft, queue

NO_PERSONAL_DETAILS = "This email has no personal details in it on purpose.\n"


def when(due: dt.date) -> str:
    return dateformat.format(due, "l j F Y")


def compose(subject: str, path: str, *, action: str = "", due: dt.date | None = None,
            details: str = "") -> str:
    lines = [subject, ""]
    if details:
        lines += [details, ""]
    if action:
        lines.append(f"What to do: {action}")
    if due is not None:
        lines.append(f"By: {when(due)}")
    if action or due is not None:
        lines.append("")
    lines += ["Sign in to Leaver to see it:", f"{settings.SITE_URL}{path}", "",
              NO_PERSONAL_DETAILS]
    return "\n".join(lines)


def notify(users: Iterable[User], *, subject: str, path: str,
           organisation_id: int | None = None, dedupe_key: str | None = None,
           digestible: bool = False, action: str = "", due: dt.date | None = None,
           attachment: Attachment | None = None, details: str = "") -> None:
    """Queues one email to each active user with an address.

    `organisation_id`: whose admins see it if it keeps failing (default: each recipient's
    organisation). `dedupe_key`: a second call with the same key queues nothing more for the
    same address (for reminders, e.g. f"reminder:consent:{case.public_id}:{due}").
    `digestible`: may wait for the reader's daily summary if they chose one. `action` (one
    line: what the reader must do) and `due` (by when) are in the email and the summary.
    `attachment`: a file sent with it (never held for the summary); `details`: lines added
    to the body (what the attachment holds, for GOV.UK Notify, which cannot attach it)."""
    recipients = {user.email: user for user in users if user.is_active and user.email}
    if not recipients:
        return
    body = compose(subject, path, action=action, due=due, details=details)
    queue([Draft(
        to=address, subject=f"Leaver: {subject}", body=body, user=user,
        organisation_id=organisation_id if organisation_id is not None else user.organisation_id,
        path=path, action=action, due=due, digestible=digestible and attachment is None,
        dedupe_key=dedupe_key, attachment=attachment,
    ) for address, user in sorted(recipients.items())])


def queue_secret(user: User, subject: str, body: str) -> None:
    """An email carrying a link that works as a key (password reset, invitation): sent at
    once whatever the reader's summary choice, its body blanked once sent."""
    queue([Draft(to=user.email, subject=subject, body=body, user=user,
                 organisation_id=user.organisation_id, secret=True)])
