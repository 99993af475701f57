"""Emails this package sends (the "reset your password" link) go through the outbox, which
lives in `leaver.notifications`, a layer above this one (ADR 0009). The outbox registers itself
here when the apps are ready; without it nothing could be sent, which stops loudly rather than
losing the email.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

from leaver.accounts.models import User

# (user, subject, body): queues an email whose body holds a secret link.
SecretEmail = Callable[[User, str, str], None]
_senders: list[SecretEmail] = []


def register(sender: SecretEmail) -> None:
    _senders[:] = [sender]


def send_secret(user: User, subject: str, body: str) -> None:
    """Queued in the caller's transaction; the outbox blanks the body once it is sent."""
    if not _senders:
        raise ImproperlyConfigured("No outbox is installed: add leaver.notifications to "
                                   "INSTALLED_APPS.")
    _senders[0](user, subject, body)
