"""Shared steps of the users tests: invite someone through the real action and read the link
from the email that was sent."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail

from leaver.accounts.models import User
from leaver.administration.users import actions
from leaver.administration.users.actions import Grant
from leaver.organisations.models import Role
from leaver.testing import Cast

LINK = re.compile(r"(https?://\S+/invitation/([A-Za-z0-9_-]+)/)")
GOOD_PASSWORD = "Kettle-Harbour-Violet-42"


def link_in(message: Any) -> tuple[str, str]:
    """(the whole link, its token) from an email."""
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(1), found.group(2)


def invite(cast: Cast, capture: Any, email: str = "new.person@north.example",
           name: str = "Nia Newcomer", role: Role = Role.SOCIAL_WORKER) -> tuple[User, str]:
    """Invites someone as the cast's admin; returns them and the token from their email."""
    with capture(execute=True):
        person = actions.invite(actor=cast.org_admin, full_name=name, email=email,
                                grants=[Grant(role)])
    _link, token = link_in(mail.outbox[-1])
    return person, token
