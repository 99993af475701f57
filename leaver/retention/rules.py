"""What each organisation's retention schedule says, in words and as dates: when a case is due
for erasure, and which cases are due by a given day.

Every "due by" test compares a stored date with a cut-off worked out here (a 75th birthday
is due by `day` when the date of birth is on or before `day` 75 years back), so the database
answers it with plain comparisons on SQLite and PostgreSQL alike, and `now` is always passed
in: the tests travel in time by passing another day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from leaver.cases.models import Interview
from leaver.core.dates import years_before
from leaver.organisations.models import Pathway
from leaver.retention.models import (
    CARE_RECORD_AGE,
    DEFAULT_SHORTER_YEARS,
    DEFAULT_STAFF_YEARS,
    DEFAULT_UNUSED_DAYS,
    YEARS_AFTER_DEATH,
    Basis,
    Schedule,
)

# Why each default is what it is: shown beside it on the settings page.
REASONS = {
    Basis.CARE_RECORD: (
        "A looked-after child's exit interview is part of their case record, which is kept "
        "until their 75th birthday, or for 15 years after their death if they die before "
        "then (in England, regulation 50 of the Care Planning, Placement and Case Review "
        "(England) Regulations 2010; Wales has the same rule)."),
    Basis.SHORTER: (
        "Where the organisation keeps exit interviews apart from the care record, it "
        "chooses a shorter period, counted from when the move was notified."),
    Pathway.STAFF: (
        "Employment records are usually kept for 6 years after employment ends: the time "
        "within which most claims about employment can be brought (Limitation Act 1980)."),
    "audit": ("The audit log of a case is kept as long as the case's record: when the record "
              "is erased, the names and details in its audit rows are erased with it, and who "
              "did what, and when, stays."),
    "unused": ("Links a leaver never used and drafts of a record left untouched hold personal "
               "data nobody needs: they are removed after 90 days unless you choose otherwise."),
}


def _years(count: int) -> str:
    return f"{count} year{'s' if count != 1 else ''}"


def schedule_for(organisation_id: int, pathway: str) -> Schedule:
    """The organisation's saved schedule for a pathway, or the defaults (not saved)."""
    found = Schedule.objects.filter(organisation_id=organisation_id, pathway=pathway).first()
    if found is not None:
        return found
    if pathway == Pathway.STAFF:
        return Schedule(organisation_id=organisation_id, pathway=pathway, basis="",
                        years=DEFAULT_STAFF_YEARS, unused_days=DEFAULT_UNUSED_DAYS)
    return Schedule(organisation_id=organisation_id, pathway=pathway,
                    basis=Basis.CARE_RECORD, years=DEFAULT_SHORTER_YEARS,
                    unused_days=DEFAULT_UNUSED_DAYS)


def schedules_of(organisation_id: int) -> dict[str, Schedule]:
    return {pathway: schedule_for(organisation_id, pathway) for pathway in Pathway.values}


def describe(schedule: Schedule) -> str:
    """How long a record is kept, in words."""
    if schedule.pathway == Pathway.STAFF:
        return f"{_years(schedule.years)} after the leaving date"
    if schedule.basis == Basis.SHORTER:
        return f"{_years(schedule.years)} after the move was notified"
    return (f"Until the young person's {CARE_RECORD_AGE}th birthday, or {YEARS_AFTER_DEATH} "
            "years after their death")


def reason(schedule: Schedule) -> str:
    if schedule.pathway == Pathway.STAFF:
        return REASONS[Pathway.STAFF]
    return REASONS[Basis(schedule.basis)]


@dataclass(frozen=True)
class Row:
    key: str
    value: str
    why: str


def summary(schedule: Schedule) -> list[Row]:
    """The rows of a pathway's card on the settings page: each rule and why."""
    return [
        Row("Exit interview records", describe(schedule), reason(schedule)),
        Row("Audit log of a case", "As long as the case's record", REASONS["audit"]),
        Row("Unused links and drafts", f"{schedule.unused_days} days", REASONS["unused"]),
    ]


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=timezone.get_current_timezone())


def due_by(schedule: Schedule, day: dt.date) -> Q:
    """The cases of this schedule's organisation and pathway due for erasure on or before
    `day` (erased or not, on hold or not: callers narrow further)."""
    base = Q(organisation_id=schedule.organisation_id, pathway=schedule.pathway)
    if schedule.pathway == Pathway.STAFF:
        return base & Q(staff_leaver__leaving_date__lte=years_before(day, schedule.years))
    if schedule.basis == Basis.SHORTER:
        return base & Q(created_at__lt=_day_start(
            years_before(day, schedule.years) + dt.timedelta(days=1)))
    died = Q(young_person__date_of_death__lte=years_before(day, YEARS_AFTER_DEATH))
    aged = Q(young_person__date_of_death__isnull=True,
             young_person__date_of_birth__lte=years_before(day, CARE_RECORD_AGE))
    return base & (died | aged)


def due_in(organisation_id: int, day: dt.date) -> Q:
    """Every pathway's cases of the organisation due on or before `day`."""
    found = Q(pk__in=[])
    for schedule in schedules_of(organisation_id).values():
        found |= due_by(schedule, day)
    return found


def _years_after(day: dt.date, years: int) -> dt.date:
    return years_before(day, -years)


def erase_on(case: Interview, schedule: Schedule) -> dt.date | None:
    """The day the schedule erases this case (None: nothing to count from)."""
    if case.pathway == Pathway.STAFF:
        leaver = getattr(case, "staff_leaver", None)
        return None if leaver is None else _years_after(leaver.leaving_date, schedule.years)
    if schedule.basis == Basis.SHORTER:
        return _years_after(timezone.localdate(case.created_at), schedule.years)
    person = getattr(case, "young_person", None)
    if person is None:
        return None
    if person.date_of_death is not None:
        return _years_after(person.date_of_death, YEARS_AFTER_DEATH)
    return _years_after(person.date_of_birth, CARE_RECORD_AGE)
