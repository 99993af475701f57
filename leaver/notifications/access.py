"""The one access helper for outbox messages: only failing ones, only within the
organisation asked for (the caller has already found the admin's organisation)."""

from __future__ import annotations

import uuid

from django.http import Http404

from leaver.notifications.models import Message
from leaver.notifications.queries import failing_for


def get_failing_message(organisation_id: int, public_id: uuid.UUID) -> Message:
    message = failing_for(organisation_id).filter(public_id=public_id).first()
    if message is None:
        raise Http404("No such message.")
    return message
