"""What every action of the organisation settings area checks and writes first: the actor
runs this organisation, and one audit row per change."""

from __future__ import annotations

import uuid
from typing import Any

from leaver.accounts.models import User
from leaver.administration.access import is_org_admin
from leaver.administration.events import OrganisationEvent
from leaver.audit import log as audit
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation


def refuse_unless_admin(actor: User, organisation: Organisation) -> None:
    """Views only reach an action through `administered_by`; the actions check again, so
    no other caller can change an organisation it does not run."""
    if not is_org_admin(actor) or actor.organisation_id != organisation.pk:
        raise ActionRefused("Only an organisation admin of this organisation can do this.")


def record(actor: User, organisation: Organisation, event: OrganisationEvent,
           object_type: str, object_id: uuid.UUID | None, **detail: Any) -> None:
    audit.record(actor=actor, action=event, object_type=object_type, object_id=object_id,
                 organisation_id=organisation.pk, detail=detail)
