""""Your work" as a dashboard whose size does not grow with the data (issue 12, ADR 0021):
for each thing a person may have to do, how many cases wait for it, how many are overdue,
how long the oldest has waited, and the first few (the oldest, so the most overdue, first).
"View all" opens the case list filtered to the same cases (?waiting=<key>).

Who may do what is decided by the database: each group is one filter built from the
pathway's rules (engine.where_may), never a test of each case in Python. The page costs the
same few queries for three cases or forty thousand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, Expression, F, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.deadlines import late_before
from leaver.cases.models import Interview
from leaver.core.working_days import working_days_between
from leaver.organisations.models import Deadlines, Pathway
from leaver.pathways.young_person.deadlines import (
    CONSENT,
    INTERVIEW,
    INTERVIEWER,
    REVIEW,
    Step,
    deadlines_of,
    step_started,
)
from leaver.pathways.young_person.states import LETTER, State
from leaver.reviews.models import Letter

# How many cases each group shows; the rest are one click away on the case list.
SHOWN = 5


@dataclass(frozen=True)
class Work:
    key: str  # the transition the person must be able to take; the list's ?waiting= value
    title: str
    states: frozenset[str]
    step: Step | None  # the deadline the group is measured by (None: the letter, no deadline)


WORK: tuple[Work, ...] = (
    Work("consent_given", "Record the young person's consent decision",
         frozenset({State.NOTIFIED}), CONSENT),
    Work("assign_interviewer", "Choose an independent interviewer",
         frozenset({State.CONSENTED}), INTERVIEWER),
    Work("schedule", "Arrange the interview", frozenset({State.INTERVIEWER_ASSIGNED}),
         INTERVIEW),
    Work("submit_record", "Record the interview", frozenset({State.SCHEDULED}), INTERVIEW),
    Work("add_recommendation", "Review the interview record", frozenset({State.WITH_IRO}),
         REVIEW),
    Work("letter_sent", "Write to the young person and send the letter", LETTER, None),
)
WORK_BY_KEY = {work.key: work for work in WORK}


@dataclass
class WorkGroup:
    key: str
    title: str
    count: int
    overdue: int
    oldest_days: int | None  # working days the oldest has waited (None: not known)
    cases: list[Interview] = field(default_factory=list)  # the first SHOWN, oldest first

    @property
    def more(self) -> bool:
        return self.count > len(self.cases)


def waiting(user: User, work: Work) -> QuerySet[Interview] | None:
    """The cases waiting for this person to do `work` (None: they never do it)."""
    where = engine.where_may(user, Pathway.YOUNG_PERSON, work.key)
    if where is None:
        return None
    found = Interview.objects.filter(where, state__in=work.states)
    if work.key == "letter_sent":
        found = found.exclude(Exists(Letter.objects.filter(
            interview=OuterRef("pk"), sent_at__isnull=False)))
    return found


def _started(work: Work) -> Expression | F:
    return step_started(work.step) if work.step else F("record__submitted_at")


def work_for(user: User, today: dt.date | None = None) -> list[WorkGroup]:
    """The groups with something waiting for this person, in the pathway's order. Each case
    shown carries its step's `deadline` (or None)."""
    today = today or timezone.localdate()
    organisation = user.organisation
    if organisation is None:
        return []
    settings = Deadlines.objects.filter(organisation=organisation).first() or Deadlines(
        organisation=organisation)
    groups: list[WorkGroup] = []
    for work in WORK:
        found = waiting(user, work)
        if found is None:
            continue
        found = found.annotate(started=_started(work))
        late = (Q(started__lt=late_before(today, getattr(settings, work.step.days),
                                          organisation.nation))
                if work.step else Q(pk__in=[]))
        summary = found.aggregate(count=Count("pk"), overdue=Count("pk", filter=late),
                                  oldest=Min("started"))
        if not summary["count"]:
            continue
        oldest = summary["oldest"]
        first = found.select_related("setting", "young_person", "interviewer").order_by(
            F("started").asc(nulls_last=True), "pk")[:SHOWN]
        cases: list[Interview] = list(first)
        groups.append(WorkGroup(
            work.key, work.title, summary["count"], summary["overdue"],
            working_days_between(timezone.localdate(oldest), today, organisation.nation)
            if oldest else None, cases))
    _with_step_deadlines(groups, today)
    return groups


def _with_step_deadlines(groups: list[WorkGroup], today: dt.date) -> None:
    shown = [case for group in groups for case in group.cases]
    due = deadlines_of(shown, today)
    for group in groups:
        step = WORK_BY_KEY[group.key].step
        for case in group.cases:
            case.deadline = next(  # type: ignore[attr-defined]
                (d for d in due[case.pk] if step and d.step == step.key), None)
