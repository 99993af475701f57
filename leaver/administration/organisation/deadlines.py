"""Writing the organisation's deadlines (how many working days each step of a case may take,
and how often reminders repeat once something is overdue) and its nation, whose bank holidays
are not working days. Read by the pathways through organisations.queries.deadlines_of."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from django.db import models, transaction

from leaver.accounts.models import User
from leaver.administration.events import OrganisationEvent
from leaver.administration.organisation.guard import record, refuse_unless_admin
from leaver.core.errors import ActionRefused
from leaver.core.working_days import Nation
from leaver.organisations.models import (
    DEADLINE_FIELDS,
    DEADLINE_MAX,
    DEADLINE_MIN,
    LINK_DAYS_MAX,
    LINK_DAYS_MIN,
    REPEAT_MAX,
    STAFF_DEADLINE_FIELDS,
    Deadlines,
    Organisation,
)
from leaver.organisations.queries import deadlines_of

# Every number of working days the page sets, in its order, with the most it may be: the
# young person's steps, the staff pathway's (seed 000), then how often reminders repeat.
NUMBERS: tuple[tuple[str, int], ...] = (
    *((name, DEADLINE_MAX) for name in DEADLINE_FIELDS + STAFF_DEADLINE_FIELDS),
    ("repeat_days", REPEAT_MAX))
# Numbers of calendar days (a link's life is not a step of work), with the least and most.
CALENDAR_NUMBERS: tuple[tuple[str, int, int], ...] = (
    ("link_days", LINK_DAYS_MIN, LINK_DAYS_MAX),)


@dataclass(frozen=True)
class DeadlineSettings:
    nation: str
    consent_days: int
    interviewer_days: int
    interview_days: int
    review_days: int
    referral_days: int
    offer_days: int
    confirmation_days: int
    action_plan_days: int
    repeat_days: int
    link_days: int


def _field(name: str) -> models.Field:  # type: ignore[type-arg]
    field = Deadlines._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field


def label_of(name: str) -> str:
    return str(_field(name).verbose_name)


def hint_of(name: str) -> str:
    return str(_field(name).help_text)


def days(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"


def calendar_days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _names() -> list[str]:
    return [name for name, _ in NUMBERS] + [name for name, _, _ in CALENDAR_NUMBERS]


def current(organisation: Organisation) -> dict[str, object]:
    """What the page shows and the form starts from."""
    saved = deadlines_of(organisation.pk)
    return {"nation": organisation.nation, **{name: getattr(saved, name) for name in _names()}}


def rows(organisation: Organisation) -> list[tuple[str, str]]:
    """(what, how long) for the summary: the nation's bank holidays, then each deadline."""
    saved = deadlines_of(organisation.pk)
    return [("Bank holidays of", str(Nation(organisation.nation).label)),
            *((label_of(name), days(getattr(saved, name))) for name, _ in NUMBERS),
            *((label_of(name), calendar_days(getattr(saved, name)))
              for name, _, _ in CALENDAR_NUMBERS)]


@transaction.atomic
def change_deadlines(*, actor: User, organisation: Organisation, settings: DeadlineSettings
                     ) -> bool:
    """Saves the organisation's deadlines (its row is made on the first change) and its
    nation. False: nothing was different, so nothing was written."""
    refuse_unless_admin(actor, organisation)
    if settings.nation not in Nation.values:
        raise ActionRefused("Choose whether your organisation is in England or Wales.")
    values = asdict(settings)
    for name, most in NUMBERS:
        if not DEADLINE_MIN <= values[name] <= most:
            raise ActionRefused(f"{label_of(name)} must be between {DEADLINE_MIN} and {most} "
                                "working days.")
    for name, least, most in CALENDAR_NUMBERS:
        if not least <= values[name] <= most:
            raise ActionRefused(f"{label_of(name)} must be between {least} and {most} days.")
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    saved = Deadlines.objects.filter(organisation=organisation).first() or Deadlines(
        organisation=organisation)
    # Old and new numbers: no personal data, and the log says what deadlines were in force.
    changed: dict[str, list[object]] = {}
    if organisation.nation != settings.nation:
        changed["nation"] = [organisation.nation, settings.nation]
        organisation.nation = settings.nation
        organisation.save(update_fields=["nation"])
    for name in _names():
        if getattr(saved, name) != values[name]:
            changed[name] = [getattr(saved, name), values[name]]
            setattr(saved, name, values[name])
    if not changed:
        return False
    saved.save()
    record(actor, organisation, OrganisationEvent.DEADLINES_CHANGED, "organisation",
           organisation.public_id, changed=changed)
    return True
