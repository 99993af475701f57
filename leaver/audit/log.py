"""Writing audit rows. Called by every action and by every view of an individual record."""

from __future__ import annotations

import uuid
from typing import Any

from leaver.accounts.models import User
from leaver.audit.context import current_origin
from leaver.audit.events import Event
from leaver.audit.models import AuditEvent


def record(
    *,
    actor: User | None,
    action: Event,
    object_type: str,
    object_id: uuid.UUID | None,
    organisation_id: int | None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    origin = current_origin.get()
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action.value,
        object_type=object_type,
        object_id=object_id,
        organisation_id=organisation_id,
        ip_address=origin.ip_address if origin else None,
        user_agent=origin.user_agent if origin else "",
        detail=detail or {},
    )
