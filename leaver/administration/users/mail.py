"""The invitation email: the "set your password" link and nothing else personal.

Sent after the transaction commits, so a refused or rolled-back invitation emails nobody. The
link carries the only copy of the token: it is never logged, here or anywhere else.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone

logger = logging.getLogger(__name__)


def invitation_link(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('invitations:start', args=[token])}"


def send_invitation(*, email: str, organisation_name: str, token: str,
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

    def send() -> None:
        try:
            send_mail("Leaver: set your password", body, None, [email])
        except OSError:
            # The invitation is saved and can be sent again. Logged without the address or
            # the message, which holds the token.
            logger.exception("Could not send an invitation email")

    transaction.on_commit(send)
