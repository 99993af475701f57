"""Every write of retention by a person: changing the schedule, placing and lifting a legal
hold. Each checks that the actor runs the organisation, changes it in one transaction and
writes one audit row (the reasons typed stay on the hold, never in the audit detail)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.access import is_org_admin
from leaver.audit import log as audit
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation, Pathway
from leaver.pathways.young_person.models import YoungPerson
from leaver.retention import rules
from leaver.retention.events import RetentionEvent
from leaver.retention.models import (
    SHORTER_YEARS_MAX,
    SHORTER_YEARS_MIN,
    STAFF_YEARS_MAX,
    STAFF_YEARS_MIN,
    UNUSED_DAYS_MAX,
    UNUSED_DAYS_MIN,
    Basis,
    Erasure,
    LegalHold,
    Schedule,
)


def _refuse_unless_admin(actor: User, organisation_id: int) -> None:
    if not is_org_admin(actor) or actor.organisation_id != organisation_id:
        raise ActionRefused("Only an organisation admin of this organisation can do this.")


@dataclass(frozen=True)
class Choices:
    basis: str  # young people only; "" for staff
    years: int
    unused_days: int


def _check(pathway: str, choices: Choices) -> None:
    if pathway == Pathway.STAFF:
        if not STAFF_YEARS_MIN <= choices.years <= STAFF_YEARS_MAX:
            raise ActionRefused(f"The years after the leaving date must be between "
                                f"{STAFF_YEARS_MIN} and {STAFF_YEARS_MAX}.")
    else:
        if choices.basis not in Basis.values:
            raise ActionRefused("Choose how long young people's records are kept.")
        if choices.basis == Basis.SHORTER and not (
                SHORTER_YEARS_MIN <= choices.years <= SHORTER_YEARS_MAX):
            raise ActionRefused(f"The shorter period must be between {SHORTER_YEARS_MIN} "
                                f"and {SHORTER_YEARS_MAX} years.")
    if not UNUSED_DAYS_MIN <= choices.unused_days <= UNUSED_DAYS_MAX:
        raise ActionRefused(f"The days before unused links and drafts are removed must be "
                            f"between {UNUSED_DAYS_MIN} and {UNUSED_DAYS_MAX}.")


@transaction.atomic
def change_schedule(*, actor: User, organisation: Organisation, pathway: str,
                    choices: Choices, now: dt.datetime) -> bool:
    """Saves one pathway's schedule (made on the first change). False: nothing changed."""
    _refuse_unless_admin(actor, organisation.pk)
    if pathway not in Pathway.values:
        raise ActionRefused("There is no such pathway.")
    _check(pathway, choices)
    saved = Schedule.objects.select_for_update().filter(
        organisation=organisation, pathway=pathway).first() or rules.schedule_for(
        organisation.pk, pathway)
    new = {"basis": choices.basis if pathway != Pathway.STAFF else "",
           "years": choices.years, "unused_days": choices.unused_days}
    if pathway != Pathway.STAFF and choices.basis == Basis.CARE_RECORD:
        new["years"] = saved.years  # the shorter period is kept for if it is chosen again
    changed = {name: [getattr(saved, name), value] for name, value in new.items()
               if getattr(saved, name) != value}
    if not changed and saved.pk is not None:
        return False
    for name, value in new.items():
        setattr(saved, name, value)
    saved.changed_at = now
    saved.save()
    audit.record(actor=actor, action=RetentionEvent.SCHEDULE_CHANGED,
                 object_type="organisation", object_id=organisation.public_id,
                 organisation_id=organisation.pk,
                 detail={"pathway": pathway, "changed": changed})
    return True


@transaction.atomic
def place_hold(*, actor: User, interview: Interview, reason: str, now: dt.datetime
               ) -> LegalHold:
    _refuse_unless_admin(actor, interview.organisation_id)
    case = Interview.objects.select_for_update().get(pk=interview.pk)
    if not reason.strip():
        raise ActionRefused("Enter why the case must be kept.")
    if Erasure.objects.filter(interview=case).exists():
        raise ActionRefused("This case has already been erased: there is nothing to hold.")
    if LegalHold.objects.filter(interview=case, lifted_at__isnull=True).exists():
        raise ActionRefused("This case is already on legal hold.")
    hold = LegalHold.objects.create(interview=case, reason=reason.strip(), placed_by=actor,
                                    placed_at=now)
    audit.record(actor=actor, action=RetentionEvent.HOLD_PLACED, object_type="interview",
                 object_id=case.public_id, organisation_id=case.organisation_id,
                 detail={"hold": str(hold.public_id)})
    return hold


@transaction.atomic
def lift_hold(*, actor: User, interview: Interview, reason: str, now: dt.datetime
              ) -> LegalHold:
    _refuse_unless_admin(actor, interview.organisation_id)
    case = Interview.objects.select_for_update().get(pk=interview.pk)
    if not reason.strip():
        raise ActionRefused("Enter why the hold is no longer needed.")
    hold = LegalHold.objects.filter(interview=case, lifted_at__isnull=True).first()
    if hold is None:
        raise ActionRefused("This case is not on legal hold.")
    hold.lifted_by, hold.lifted_at, hold.lift_reason = actor, now, reason.strip()
    hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
    audit.record(actor=actor, action=RetentionEvent.HOLD_LIFTED, object_type="interview",
                 object_id=case.public_id, organisation_id=case.organisation_id,
                 detail={"hold": str(hold.public_id)})
    return hold


@transaction.atomic
def record_date_of_death(*, actor: User, interview: Interview, day: dt.date,
                         now: dt.datetime) -> YoungPerson:
    """The young person has died: their record is then kept 15 years after that day instead
    of until their 75th birthday (rules.erase_on)."""
    _refuse_unless_admin(actor, interview.organisation_id)
    person = YoungPerson.objects.select_for_update().filter(interview=interview).first()
    if person is None:
        raise ActionRefused("Only a young person's case has a date of death.")
    if Erasure.objects.filter(interview=interview).exists():
        raise ActionRefused("This case has already been erased.")
    if day > timezone.localdate(now):
        raise ActionRefused("The date of death must be today or in the past.")
    if day < person.date_of_birth:
        raise ActionRefused("The date of death must be after the date of birth.")
    person.date_of_death = day
    person.save(update_fields=["date_of_death"])
    audit.record(actor=actor, action=RetentionEvent.DEATH_RECORDED, object_type="interview",
                 object_id=interview.public_id, organisation_id=interview.organisation_id)
    return person
