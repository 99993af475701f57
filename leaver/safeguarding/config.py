"""Each organisation's safeguarding settings and the people they name: who is told when a
concern is raised (every safeguarding lead), and who when it is not acknowledged in time (the
deputies and the Children's Services Managers). Changed only by the organisation's admins."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Organisation, Role
from leaver.safeguarding.events import SafeguardingEvent
from leaver.safeguarding.models import SafeguardingSettings

# What an admin may choose: at least an hour (and at most a working week) to acknowledge;
# a pattern is at least two concerns, counted over one month to three years.
ACKNOWLEDGE_HOURS = (1, 40)
PATTERN_COUNT = (2, 50)
PATTERN_MONTHS = (1, 36)


def settings_for(organisation_id: int) -> SafeguardingSettings:
    """The organisation's settings; unsaved defaults if its admins never saved any."""
    found = SafeguardingSettings.objects.filter(organisation_id=organisation_id).first()
    return found or SafeguardingSettings(organisation_id=organisation_id)


def leads(organisation_id: int) -> QuerySet[User]:
    return roles.users_with_role(organisation_id, Role.SAFEGUARDING_LEAD).order_by("full_name")


def csms(organisation_id: int) -> QuerySet[User]:
    return roles.users_with_role(organisation_id, Role.CSM)


def deputies(organisation_id: int) -> list[User]:
    """The leads marked as deputies who still are leads; every lead if none is marked."""
    found = settings_for(organisation_id)
    everyone = list(leads(organisation_id))
    if found.pk is None:
        return everyone
    marked = set(found.deputies.values_list("pk", flat=True))
    return [lead for lead in everyone if lead.pk in marked] or everyone


def deputy_ids(organisation_id: int) -> set[int]:
    found = settings_for(organisation_id)
    return set(found.deputies.values_list("pk", flat=True)) if found.pk else set()


@dataclass(frozen=True)
class Choices:
    out_of_hours_phone: str
    acknowledge_hours: int
    pattern_count: int
    pattern_months: int
    deputies: list[User]


def _refuse_outside(value: int, bounds: tuple[int, int], what: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise ActionRefused(f"{what} must be between {low} and {high}.")


@transaction.atomic
def change_settings(*, actor: User, organisation: Organisation, choices: Choices
                    ) -> SafeguardingSettings:
    """An organisation admin sets the out-of-hours number, the time to acknowledge, the
    pattern count and period, and which safeguarding leads are deputies."""
    if not (roles.has_role(actor, Role.ORG_ADMIN) and actor.organisation_id == organisation.pk):
        raise ActionRefused("Only an organisation admin can change the safeguarding settings.")
    phone = choices.out_of_hours_phone.strip()
    limits.refuse_if_too_long(phone, limits.PHONE, "The out-of-hours phone number")
    _refuse_outside(choices.acknowledge_hours, ACKNOWLEDGE_HOURS, "The working hours")
    _refuse_outside(choices.pattern_count, PATTERN_COUNT, "The number of concerns")
    _refuse_outside(choices.pattern_months, PATTERN_MONTHS, "The number of months")
    lead_ids = set(leads(organisation.pk).values_list("pk", flat=True))
    if any(d.pk not in lead_ids for d in choices.deputies):
        raise ActionRefused("A deputy must be one of your organisation's safeguarding leads.")
    found, _created = SafeguardingSettings.objects.select_for_update().get_or_create(
        organisation=organisation)
    before = {"out_of_hours_phone": found.out_of_hours_phone,
              "acknowledge_hours": found.acknowledge_hours,
              "pattern_count": found.pattern_count, "pattern_months": found.pattern_months,
              "deputies": sorted(found.deputies.values_list("pk", flat=True))}
    found.out_of_hours_phone = phone
    found.acknowledge_hours = choices.acknowledge_hours
    found.pattern_count = choices.pattern_count
    found.pattern_months = choices.pattern_months
    found.save()
    found.deputies.set(choices.deputies)
    after = {"out_of_hours_phone": phone, "acknowledge_hours": choices.acknowledge_hours,
             "pattern_count": choices.pattern_count, "pattern_months": choices.pattern_months,
             "deputies": sorted(d.pk for d in choices.deputies)}
    audit.record(actor=actor, action=SafeguardingEvent.SETTINGS_CHANGED,
                 object_type="organisation", object_id=organisation.public_id,
                 organisation_id=organisation.pk,
                 detail={"changed": sorted(k for k in after if after[k] != before[k])})
    return found
