"""The one way an administration page finds a person or one of their roles: inside the admin's
own organisation only, else 404 (an id of another organisation's person leaks nothing)."""

from __future__ import annotations

import uuid

from django.http import Http404

from leaver.accounts.models import User
from leaver.organisations.models import Membership, Organisation, Role


def get_person_for_admin(organisation: Organisation, public_id: uuid.UUID) -> User:
    try:
        return User.objects.get(public_id=public_id, organisation=organisation)
    except User.DoesNotExist:
        raise Http404("No such person.") from None


def get_role_for_admin(person: User, role: str, setting_id: uuid.UUID | None) -> Membership:
    """One role a person holds, named by the role and (for a Unit Manager or Headteacher)
    the public id of the place it covers, never by a row number."""
    if role not in Role.values:
        raise Http404("No such role.")
    held = Membership.objects.select_related("setting").filter(user=person, role=role)
    if setting_id is None:
        held = held.filter(setting__isnull=True)
    else:
        held = held.filter(setting__public_id=setting_id,
                           setting__organisation=person.organisation)
    membership = held.first()
    if membership is None:
        raise Http404("No such role.")
    return membership
