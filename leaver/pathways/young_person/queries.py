"""Reads for the pathway's pages: what waits for a user (with what is late first), a case's
next step, the consent decision in words."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from leaver.accounts.models import User
from leaver.cases import engine, summary
from leaver.cases.access import cases_visible_to
from leaver.cases.deadlines import Deadline, most_urgent, sort_key
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway, Role, Setting
from leaver.organisations.queries import deadlines_for
from leaver.pathways.young_person import referrals, work
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.deadlines import (
    REFERRAL,
    STEP_OF_STATE,
    deadlines_of,
    on_case_lists,
    overdue,
)
from leaver.pathways.young_person.models import FeasibilityAid, Language, YoungPerson
from leaver.pathways.young_person.states import TERMINAL, State
from leaver.pathways.young_person.work import WORK_BY_KEY
from leaver.reviews import access as review_access
from leaver.reviews.deadlines import with_deadlines
from leaver.reviews.models import Recommendation
from leaver.reviews.queries import letter_sent


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


@dataclass(frozen=True)
class FirstFew:
    """How many there are, and the first few of them (work.SHOWN) to show."""

    count: int
    items: list[Recommendation]


def _first_few(found: QuerySet[Recommendation], user: User, today: dt.date) -> FirstFew:
    count = found.count()
    shown = found.select_related("interview__setting").order_by("due_date", "pk")[:work.SHOWN]
    return FirstFew(count, with_deadlines(shown, user, today) if count else [])


def recommendations_for(user: User, today: dt.date) -> FirstFew:
    """Recommendations waiting for this owner's response (each with its `deadline`), the
    overdue first."""
    return _first_few(review_access.recommendations_owned_by(user).filter(
        responded_at__isnull=True), user, today)


def overdue_issued_by(user: User, today: dt.date) -> FirstFew:
    """Recommendations this IRO issued whose owners are late to respond, the longest
    overdue first."""
    return _first_few(review_access.recommendations_issued_by(user).filter(
        responded_at__isnull=True, due_date__lt=today).select_related("owner"), user, today)


@dataclass(frozen=True)
class CaseFilters:
    """The case list's filters, from the address (GET): all optional."""

    name: str = ""  # part of the young person's name
    setting: uuid.UUID | None = None  # the home or placement's public id
    state: str = ""
    overdue: bool = False
    waiting: str = ""  # a "Your work" group's key: the cases waiting for this person


def case_list(user: User, today: dt.date, filters: CaseFilters) -> QuerySet[Interview]:
    """The young people's cases this user may open, newest first, narrowed by the filters:
    every filter and the order are served by the indexes on Interview (ADR 0021)."""
    found = cases_visible_to(user).filter(pathway=Pathway.YOUNG_PERSON)
    if filters.waiting in WORK_BY_KEY:
        found = found.filter(pk__in=work.waiting(user, WORK_BY_KEY[filters.waiting])
                             or Interview.objects.none())
    if filters.name:
        found = found.filter(leaver_name__icontains=filters.name)
    if filters.setting:
        found = found.filter(setting__public_id=filters.setting)
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.overdue:
        found = found.filter(overdue_filter(user, today))
    return found.select_related("setting").order_by("-created_at", "-pk")


def setting_choices(user: User, kinds: Iterable[str]) -> list[Setting]:
    """The places of these kinds in the user's organisation, for the case list's filter."""
    return list(Setting.objects.filter(organisation=user.organisation,
                                       kind__in=list(kinds)).order_by("name"))


def stages(user: User, today: dt.date) -> list[summary.StageRow]:
    """The open cases this user may see, by stage (the CSM's and IRO's dashboard)."""
    organisation = user.organisation
    if organisation is None:
        return []
    return summary.by_stage(
        cases_visible_to(user).filter(pathway=Pathway.YOUNG_PERSON),
        [(s.value, s.label) for s in State if s not in TERMINAL],
        overdue_filter(user, today), today, organisation.nation)


def overdue_filter(user: User, today: dt.date) -> Q:
    """The young people's cases of the user's organisation with something overdue today."""
    organisation = user.organisation
    if organisation is None:
        return Q(pk__in=[])
    settings = deadlines_for([organisation.pk])[organisation.pk]
    return overdue(settings, organisation.nation, today)


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
