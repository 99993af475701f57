"""Sign-ins and sign-outs go into the audit log too (who, when, from where)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver
from django.http import HttpRequest

from leaver.accounts.models import User
from leaver.audit import log
from leaver.audit.events import AccountEvent


@receiver(user_logged_in)
def _signed_in(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    log.record(actor=user, action=AccountEvent.SIGNED_IN, object_type="user",
               object_id=user.public_id, organisation_id=user.organisation_id)


@receiver(user_logged_out)
def _signed_out(sender: Any, request: HttpRequest, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        log.record(actor=user, action=AccountEvent.SIGNED_OUT, object_type="user",
                   object_id=user.public_id, organisation_id=user.organisation_id)
