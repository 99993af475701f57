"""What is due on a case, whatever its pathway: one step's deadline, how long it has waited
and how urgent it is. Each pathway says which steps it has, when each started and who holds
it (e.g. leaver.pathways.young_person.deadlines); pages show these, and the reminders
(leaver.cases.reminders) chase them. Everything here is counted in working days of the
organisation's nation (leaver.core.working_days)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.core.working_days import add_working_days, working_days_between

# "Due soon": due today or within this many working days.
DUE_SOON_DAYS = 2


class Urgency(models.TextChoices):
    """How a deadline is shown: a grey tag, a yellow one, a red one."""

    ON_TRACK = "on_track", "Due"
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"


@dataclass(frozen=True)
class Deadline:
    """One step of one case that someone must do by a date.

    `step` is the step's stable key (it is part of the reminders' dedupe keys); `item` tells
    apart several deadlines of one step on one case (a recommendation's public id). `holders`
    are the people who must act, `managers` those told when it is overdue; both are filled
    only when asked for (the reminders), not for lists of cases."""

    case: Interview
    step: str
    action: str  # what the holder must do, in one line: pages and emails say it
    since: dt.date  # when the step started
    due: dt.date
    today: dt.date
    nation: str
    url: str  # where it is done
    repeat_days: int = 2  # reminders repeat this often once it is overdue
    item: str = ""
    holders: tuple[User, ...] = ()
    managers: tuple[User, ...] = ()

    @cached_property
    def waiting_days(self) -> int:
        """Working days since the step started."""
        return working_days_between(self.since, self.today, self.nation)

    @property
    def is_overdue(self) -> bool:
        return self.today > self.due

    @cached_property
    def days_overdue(self) -> int:
        """Working days since the due date (0 on it, or on a weekend just after it)."""
        return working_days_between(self.due, self.today, self.nation)

    @cached_property
    def urgency(self) -> Urgency:
        if self.is_overdue:
            return Urgency.OVERDUE
        if working_days_between(self.today, self.due, self.nation) <= DUE_SOON_DAYS:
            return Urgency.DUE_SOON
        return Urgency.ON_TRACK


def due_after(since: dt.date, days: int, nation: str) -> dt.date:
    """The due date of a step that may take `days` working days from `since`."""
    return add_working_days(since, days, nation)


def late_before(today: dt.date, days: int, nation: str) -> dt.datetime:
    """The moment before which a step of `days` working days must have started to be overdue
    `today`: the midnight after the latest start date whose due date is before today. Due
    dates never fall as the start moves later (add_working_days), so this one comparison in
    the database says exactly what Deadline.is_overdue says in Python."""
    day = today - dt.timedelta(days=days + 1)  # due on or after today - 1 at the earliest
    while due_after(day, days, nation) >= today:
        day -= dt.timedelta(days=1)
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min,
                               tzinfo=timezone.get_current_timezone())


def most_urgent(deadlines: list[Deadline]) -> Deadline | None:
    """The one to show for a case with several: the earliest due."""
    return min(deadlines, key=lambda d: d.due, default=None)


def sort_key(deadline: Deadline | None) -> tuple[int, dt.date]:
    """Overdue first (the longest overdue at the top), then by due date; none last."""
    if deadline is None:
        return (1, dt.date.max)
    return (0, deadline.due)
