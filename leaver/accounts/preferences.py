"""How a person gets Leaver's emails: each as it happens, or one summary a day."""

from __future__ import annotations

from django.db import transaction

from leaver.accounts import signals
from leaver.accounts.models import User


@transaction.atomic
def set_email_digest(user: User, on: bool) -> None:
    """Announced for the audit log, and for the outbox, which sends at once whatever was
    waiting for the summary when someone stops taking it."""
    if user.email_digest == on:
        return
    user.email_digest = on
    user.save(update_fields=["email_digest"])
    signals.email_digest_changed.send(sender=User, user=user, actor=user, on=on)
