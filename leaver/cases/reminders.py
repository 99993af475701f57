"""Chasing what is due: the periodic scan that reminds whoever holds a step and, once it is
overdue, tells their managers, whatever the pathway.

Each pathway registers a source at start-up (`register_source`): a function of today's date
giving every open deadline due by then, with its holders and managers. `scan(now)` asks each
source and queues, through leaver.notifications.email.notify:

- on the due date, a reminder to each holder;
- from the first working day after it, and again every `repeat_days` working days until the
  step is done, an "overdue" reminder to each holder and an escalation to each manager who
  is not a holder.

A round is named by its day, and every message by a dedupe key made of what it is about, the
round and the reader, so a scan run twice (or by two workers) queues nothing new: the outbox
keeps one message per key. Nothing is written on the case: a reminder changes nothing about
it. The scan returns what it queued, which is what tests look at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.deadlines import Deadline
from leaver.core.working_days import add_working_days
from leaver.notifications.email import notify


class ChaseKind(models.TextChoices):
    REMINDER = "reminder", "Due today"  # on the due date, to the holders
    OVERDUE = "overdue", "Overdue"  # after it, to the holders
    ESCALATION = "escalation", "Overdue on a case"  # after it, to the managers


# What a manager is asked to do about someone else's overdue step.
FOLLOW_UP = "Find out why it is late and make sure it is done"

Source = Callable[[dt.date], Iterable[Deadline]]
_SOURCES: dict[str, Source] = {}


def register_source(name: str, source: Source) -> None:
    """Called from a pathway's AppConfig.ready(). Registering a name again replaces it."""
    _SOURCES[name] = source


@dataclass(frozen=True)
class Chase:
    """One message about one deadline to one person, in the round of day `on`."""

    kind: ChaseKind
    deadline: Deadline
    to: User
    on: dt.date

    @property
    def dedupe_key(self) -> str:
        d = self.deadline
        about = ":".join(filter(None, [d.case.pathway, d.step, str(d.case.public_id), d.item]))
        return f"{self.kind}:{about}:due-{d.due}:{self.on}:{self.to.public_id}"

    @property
    def digestible(self) -> bool:
        """A reminder may wait for the reader's daily digest; a manager's escalation not."""
        return self.kind != ChaseKind.ESCALATION

    @property
    def subject(self) -> str:
        return f"{self.kind.label}: {self.deadline.action}"


def round_day(deadline: Deadline) -> dt.date | None:
    """The day of the latest round due by the deadline's today: the due date itself, then
    the first working day after it and every `repeat_days` working days after that. None
    before the due date."""
    if deadline.today < deadline.due:
        return None
    late = deadline.days_overdue
    if late == 0:
        return deadline.due
    every = max(deadline.repeat_days, 1)
    return add_working_days(deadline.due, 1 + (late - 1) // every * every, deadline.nation)


def chases(deadline: Deadline) -> list[Chase]:
    """The messages the deadline's round needs (none before it is due)."""
    day = round_day(deadline)
    if day is None:
        return []
    holders = [u for u in _unique(deadline.holders) if u.is_active]
    if day == deadline.due:
        return [Chase(ChaseKind.REMINDER, deadline, user, day) for user in holders]
    held = {u.pk for u in holders}
    managers = [u for u in _unique(deadline.managers) if u.is_active and u.pk not in held]
    return [*(Chase(ChaseKind.OVERDUE, deadline, user, day) for user in holders),
            *(Chase(ChaseKind.ESCALATION, deadline, user, day) for user in managers)]


def _unique(users: Iterable[User]) -> list[User]:
    seen: dict[int, User] = {}
    for user in users:
        seen.setdefault(user.pk, user)
    return list(seen.values())


def send(chase: Chase) -> None:
    deadline = chase.deadline
    escalation = chase.kind == ChaseKind.ESCALATION
    # A manager follows up from the case page: the step's own page may be the holder's only.
    notify([chase.to], subject=chase.subject,
           path=engine.case_url(deadline.case) if escalation else deadline.url,
           organisation_id=deadline.case.organisation_id, dedupe_key=chase.dedupe_key,
           digestible=chase.digestible, action=FOLLOW_UP if escalation else deadline.action,
           due=deadline.due)


def scan(now: dt.datetime) -> list[Chase]:
    """Queue every reminder and escalation due at `now`; safe to run again (dedupe keys)."""
    today = timezone.localdate(now)
    queued: list[Chase] = []
    for source in _SOURCES.values():
        for deadline in source(today):
            for chase in chases(deadline):
                send(chase)
                queued.append(chase)
    return queued
