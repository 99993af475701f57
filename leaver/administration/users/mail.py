"""The invitation email: the "set your password" link and nothing else personal.

Queued in the outbox in the invitation's own transaction, so a refused or rolled-back
invitation emails nobody. The link carries the only copy of the token: it is never logged, and
the outbox blanks the email's body once it is sent (leaver.notifications).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import dateformat, timezone

from leaver.accounts.models import User
from leaver.notifications.email import queue_secret


def invitation_link(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('invitations:start', args=[token])}"


def send_invitation(*, person: User, organisation_name: str, token: str,
                    expires_at: dt.datetime) -> None:
    until = dateformat.format(timezone.localtime(expires_at), r"j F Y \a\t H:i")
    body = (
        f"{organisation_name} has invited you to use Leaver, its service for exit "
        "interviews.\n\n"
        "Set your password with this link:\n"
        f"{invitation_link(token)}\n\n"
        f"The link works once, until {until}. Then sign in with this "
        "email address and your new password.\n\n"
        "If you were not expecting this email, you can ignore it: nothing happens until "
        "the link is used.\n"
    )
    queue_secret(person, "Leaver: set your password", body)
