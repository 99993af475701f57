"""Emails about cases. They carry a link and nothing personal: no name, no answer.

Sent after the transaction commits, so a rolled-back action never emails anyone.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from leaver.accounts.models import User

logger = logging.getLogger(__name__)


def notify(users: Iterable[User], *, subject: str, path: str,
           organisation_id: int | None = None, dedupe_key: str | None = None,
           digestible: bool = False, action: str = "", due: dt.date | None = None) -> None:
    """`action` (what the reader must do) and `due` (by when) go in the body. The outbox
    (issue 10) keeps a message per `dedupe_key` at most once and lets a `digestible` one wait
    for the reader's daily digest; until it lands they, and `organisation_id`, are accepted
    and not used here."""
    addresses = sorted({u.email for u in users if u.is_active and u.email})
    if not addresses:
        return
    lines = [subject, ""]
    if action or due:
        lines += [f"What to do: {action}"] if action else []
        lines += [f"By: {due.day} {due:%B %Y}"] if due else []
        lines.append("")
    lines += ["Sign in to Leaver to see it:", f"{settings.SITE_URL}{path}", "",
              "This email has no personal details in it on purpose.", ""]
    body = "\n".join(lines)

    def send() -> None:
        for address in addresses:
            try:
                send_mail(f"Leaver: {subject}", body, None, [address])
            except OSError:
                # The case is already saved; a failed email must not undo it. Logged without
                # the address, which is personal data.
                logger.exception("Could not send a case email")

    transaction.on_commit(send)
