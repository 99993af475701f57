"""Reads for the pathway's pages: what waits for a user (with what is late first), a case's
next step, the consent decision in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import overload

from django.db.models import QuerySet
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.access import cases_visible_to
from leaver.cases.deadlines import Deadline, most_urgent, sort_key
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway, Role
from leaver.organisations.queries import deadlines_for
from leaver.pathways.young_person import referrals
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.deadlines import (
    REFERRAL,
    STEP_OF_STATE,
    could_be_overdue,
    deadlines_of,
    on_case_lists,
)
from leaver.pathways.young_person.models import FeasibilityAid, Language, YoungPerson
from leaver.pathways.young_person.states import LETTER, OPEN, TERMINAL, State
from leaver.reviews import access as review_access
from leaver.reviews.deadlines import with_deadlines
from leaver.reviews.models import Recommendation
from leaver.reviews.queries import letter_sent


@dataclass
class WorkGroup:
    title: str
    cases: list[Interview] = field(default_factory=list)


# (heading on "Your work", the states it covers, the transition the user must be able to take)
_WORK: tuple[tuple[str, frozenset[State], str], ...] = (
    ("Record the young person's consent decision", frozenset({State.NOTIFIED}),
     "consent_given"),
    ("Choose an independent interviewer", frozenset({State.CONSENTED}), "assign_interviewer"),
    ("Arrange the interview", frozenset({State.INTERVIEWER_ASSIGNED}), "schedule"),
    ("Record the interview", frozenset({State.SCHEDULED}), "submit_record"),
    ("Review the interview record", frozenset({State.WITH_IRO}), "add_recommendation"),
    ("Write to the young person and send the letter", LETTER, "letter_sent"),
)


def work_for(user: User, today: dt.date | None = None) -> list[WorkGroup]:
    """Cases waiting for this user, grouped by what they need to do; in each group the
    overdue first, then by due date. Each case carries its step's `deadline` (or None)."""
    today = today or timezone.localdate()
    groups = [WorkGroup(title) for title, _states, _name in _WORK]
    open_cases = cases_visible_to(user).filter(
        pathway=Pathway.YOUNG_PERSON, state__in=list(OPEN)
    ).select_related("setting", "young_person", "interviewer")
    for interview in open_cases:
        for group, (_title, states, name) in zip(groups, _WORK, strict=True):
            if interview.state not in states or not engine.may(user, interview, name):
                continue
            if name == "letter_sent" and letter_sent(interview):
                continue
            group.cases.append(interview)
    found = [g for g in groups if g.cases]
    due = deadlines_of([c for g in found for c in g.cases], today)
    for group in found:
        for case in group.cases:
            step = STEP_OF_STATE.get(State(case.state))
            case.deadline = next(  # type: ignore[attr-defined]
                (d for d in due[case.pk] if step and d.step == step.key), None)
        group.cases.sort(key=lambda c: sort_key(c.deadline))  # type: ignore[attr-defined]
    return found


@dataclass(frozen=True)
class Task:
    """Something waiting that is not a case's step: a referral the young person asked for."""

    case: Interview
    title: str
    url: str
    deadline: Deadline | None


def referrals_for(user: User, today: dt.date) -> list[Task]:
    """The referrals this social worker still has to make, the overdue first."""
    waiting = referrals.waiting_for(user)
    due = deadlines_of([case for case, _kind in waiting], today)
    tasks = [Task(case, referrals.REFER[kind], referrals.referral_url(case, kind), next(
        (d for d in due[case.pk] if d.step == REFERRAL and d.item == kind), None))
        for case, kind in waiting]
    return sorted(tasks, key=lambda t: sort_key(t.deadline))


@dataclass(frozen=True)
class CaseDeadlines:
    step: Deadline | None  # the deadline of the case's next step
    referrals: list[Task]  # for the social worker: the referrals, done or to do


def case_deadlines(user: User, case: Interview, today: dt.date) -> CaseDeadlines:
    """What the case page shows of the case's deadlines to this user."""
    due = deadlines_of([case], today)[case.pk]
    step = STEP_OF_STATE.get(State(case.state))
    tasks = []
    if engine.acts_as(user, case, Role.SOCIAL_WORKER):
        record = getattr(case, "record", None)
        for kind, wanted in referrals.WANTED.items():
            if record is not None and getattr(record, wanted):
                tasks.append(Task(case, referrals.REFER[kind], referrals.referral_url(
                    case, kind), next((d for d in due if d.step == REFERRAL and d.item == kind),
                                      None)))
    return CaseDeadlines(next((d for d in due if step and d.step == step.key), None), tasks)


def recommendations_for(user: User, today: dt.date) -> list[Recommendation]:
    """Recommendations waiting for this owner's response, each with its `deadline`, the
    overdue first."""
    return with_deadlines(review_access.recommendations_owned_by(user).filter(
        responded_at__isnull=True), user, today)


def overdue_issued_by(user: User, today: dt.date) -> list[Recommendation]:
    """Recommendations this IRO issued whose owners are late to respond, the longest
    overdue first."""
    return with_deadlines(review_access.recommendations_issued_by(user).filter(
        responded_at__isnull=True, due_date__lt=today).select_related("owner"), user, today)


class _OverdueFirst(Sequence[Interview]):
    """The overdue cases (a list, already sorted), then the rest as the database orders them:
    one sequence the paginator slices, reading only the page it shows."""

    def __init__(self, overdue: list[Interview], rest: QuerySet[Interview]) -> None:
        self.overdue, self.rest = overdue, rest

    @cached_property
    def _rest_count(self) -> int:
        return self.rest.count()

    def __len__(self) -> int:
        return len(self.overdue) + self._rest_count

    @overload
    def __getitem__(self, index: int) -> Interview: ...
    @overload
    def __getitem__(self, index: slice) -> list[Interview]: ...
    def __getitem__(self, index: int | slice) -> Interview | list[Interview]:
        if isinstance(index, int):
            return self[index:index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else len(self)
        head = self.overdue[start:stop]
        skip = len(self.overdue)
        tail = list(self.rest[max(start - skip, 0):stop - skip]) if stop > skip else []
        return head + tail


@dataclass
class CaseList:
    cases: Sequence[Interview]
    overdue: int  # how many cases have something overdue


def case_list(user: User, today: dt.date, *, overdue_only: bool) -> CaseList:
    """The cases this user may open, those with something overdue first (the longest overdue
    at the top), then the rest newest first; or only the overdue ones."""
    visible = cases_visible_to(user).select_related("setting")
    settings = deadlines_for([user.organisation_id or 0])[user.organisation_id or 0]
    candidates = list(visible.filter(could_be_overdue(settings, today)))
    due = {pk: on_case_lists(found) for pk, found in deadlines_of(candidates, today).items()}
    overdue = [case for case in candidates if any(d.is_overdue for d in due[case.pk])]
    overdue.sort(key=lambda c: (sort_key(most_urgent(due[c.pk])), c.pk))
    if overdue_only:
        return CaseList(overdue, len(overdue))
    rest = visible.exclude(pk__in=[c.pk for c in overdue])
    return CaseList(_OverdueFirst(overdue, rest), len(overdue))


def with_deadline(cases: list[Interview], today: dt.date) -> None:
    """Gives each case its most urgent `deadline` (or None), for one page of a list."""
    due = deadlines_of(cases, today)
    for case in cases:
        case.deadline = most_urgent(  # type: ignore[attr-defined]
            on_case_lists(due[case.pk]))


@dataclass(frozen=True)
class NextStep:
    text: str
    holder: str


def next_step(interview: Interview) -> NextStep | None:
    state = interview.state
    if state in TERMINAL:
        return None
    allocated = interview.young_person.allocated_iro
    iro = allocated.full_name if allocated else f"{Role.IRO.label} (not yet allocated)"
    if state == State.NOTIFIED:
        return NextStep("Ask the young person whether they want an exit interview",
                        interview.young_person.social_worker.full_name)
    if state == State.CONSENTED:
        return NextStep("Choose an independent interviewer", Role.CSM.label)
    if state == State.INTERVIEWER_ASSIGNED:
        return NextStep("Arrange the interview", _name(interview.interviewer))
    if state == State.SCHEDULED:
        return NextStep("Carry out and record the interview", _name(interview.interviewer))
    if state == State.WITH_IRO:
        return NextStep("Review the record and decide what action is needed", iro)
    if state == State.RECOMMENDATIONS_ISSUED:
        owners = sorted({r.owner.full_name for r in interview.recommendations.select_related(
            "owner").filter(responded_at__isnull=True, withdrawn_at__isnull=True)})
        return NextStep("Respond to the recommendations", ", ".join(owners) or iro)
    if not letter_sent(interview):
        return NextStep("Write to the young person and record the letter as sent", iro)
    return None


def _name(user: User | None) -> str:
    return user.full_name if user else "Not yet assigned"


def consent_outcome(interview: Interview) -> str:
    """What the young person decided, whatever happened after."""
    if interview.consent_recorded_at is None:
        return ""
    return {State.DECLINED: "Declined", State.NOT_FEASIBLE: "Not feasible"}.get(
        State(interview.state), "Agreed to an exit interview")


def speaks_welsh(young_person: YoungPerson) -> bool:
    """Whether the young person's preferred language is Welsh (letters, recording pages)."""
    return young_person.preferred_language == Language.WELSH


def changeable(user: User, interview: Interview) -> set[str]:
    """The corrections this user may make now (a "Change" link each on the case page)."""
    return {key for key in CORRECTIONS if engine.may(user, interview, transition_name(key))}


def feasibility_tried(young_person: YoungPerson) -> list[str]:
    """What was tried before "not feasible", in words."""
    words = dict(FeasibilityAid.choices)
    return [str(words[t]) for t in young_person.feasibility_tried if t in words]
