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
    """The keyword arguments after `path` are the outbox's (issue 10): accepted here so that
    callers can pass them now, and used once the outbox lands."""
    del organisation_id, dedupe_key, digestible, action, due
    addresses = sorted({u.email for u in users if u.is_active and u.email})
    if not addresses:
        return
    body = (
        f"{subject}\n\nSign in to Leaver to see it:\n{settings.SITE_URL}{path}\n\n"
        "This email has no personal details in it on purpose.\n"
    )

    def send() -> None:
        for address in addresses:
            try:
                send_mail(f"Leaver: {subject}", body, None, [address])
            except OSError:
                # The case is already saved; a failed email must not undo it. Logged without
                # the address, which is personal data.
                logger.exception("Could not send a case email")

    transaction.on_commit(send)
