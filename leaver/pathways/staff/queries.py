"""Reads of the staff pathway for its pages: only what the user may see (leaver.cases.access
decides; these never filter by organisation themselves)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from leaver.accounts.models import User
from leaver.cases import access, summary
from leaver.cases.deadlines import Deadline
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway
from leaver.organisations.queries import deadlines_for
from leaver.pathways.staff.actions_offer import current_purpose
from leaver.pathways.staff.deadlines import deadlines_of, overdue
from leaver.pathways.staff.models import TakingPart
from leaver.pathways.staff.states import OPEN, State


def _visible(user: User) -> QuerySet[Interview]:
    return access.cases_visible_to(user).filter(pathway=Pathway.STAFF)


def overdue_filter(user: User, today: dt.date) -> Q:
    """The staff cases of the user's organisation with something overdue today."""
    organisation = user.organisation
    if organisation is None:
        return Q(pk__in=[])
    settings = deadlines_for([organisation.pk])[organisation.pk]
    return overdue(settings, organisation.nation, today)


def case_list(user: User, today: dt.date, *, name: str = "", state: str = "",
              overdue_only: bool = False) -> QuerySet[Interview]:
    """The staff cases whose page the user may open, newest first, narrowed by the filters
    (each served by an index on Interview, ADR 0021)."""
    found = _visible(user)
    if name:
        found = found.filter(leaver_name__icontains=name)
    if state:
        found = found.filter(state=state)
    if overdue_only:
        found = found.filter(overdue_filter(user, today))
    return found.select_related("setting", "staff_leaver").order_by("-created_at", "-pk")


def stages(user: User, today: dt.date) -> list[summary.StageRow]:
    """The open cases the user may see, by stage: the school leads' dashboard."""
    organisation = user.organisation
    if organisation is None:
        return []
    return summary.by_stage(_visible(user), [(s.value, s.label) for s in State if s in OPEN],
                            overdue_filter(user, today), today, organisation.nation)


def with_deadline(cases: list[Interview], today: dt.date) -> None:
    """Sets each case's most urgent `deadline` (or None), in a few queries for the list."""
    found = deadlines_of(cases, today)
    for case in cases:
        deadlines = found.get(case.pk, [])
        case.deadline = deadlines[0] if deadlines else None  # type: ignore[attr-defined]


def case_deadlines(case: Interview, today: dt.date) -> list[Deadline]:
    return deadlines_of([case], today).get(case.pk, [])


@dataclass(frozen=True)
class NextStep:
    text: str
    holder: str


_NEXT = {
    State.RECORDED: ("Send the offer of an exit interview to the leaver",
                     "the headteacher or an HR lead"),
    State.OFFERED: ("The leaver replies to the offer (Leaver reminds them once)", "the leaver"),
    State.INTERVIEWER_ASSIGNED: ("Arrange the interview", "the interviewer"),
    State.SCHEDULED: ("Hold the interview and record it", "the interviewer"),
    State.INTERVIEWED: ("Send the record to the leaver to check, or record their signature",
                        "the interviewer"),
    State.AWAITING_CONFIRMATION: ("The leaver checks the record and signs it", "the leaver"),
    State.CORRECTIONS_REQUESTED: ("Correct the record and send it back", "the interviewer"),
    State.CONFIRMED: ("Agree the actions, or record that none are needed",
                      "the headteacher or an HR lead"),
    State.NOT_CONFIRMED: ("Agree the actions, or record that none are needed",
                          "the headteacher or an HR lead"),
    State.ACTIONS_AGREED: ("Each action's owner responds", "the owners of the actions"),
}


def next_step(case: Interview) -> NextStep | None:
    if case.state == State.ACCEPTED:
        if case.staff_leaver.taking_part == TakingPart.SELF:
            return NextStep("The leaver answers the questions online", "the leaver")
        return NextStep("Assign an interviewer", "the headteacher or an HR lead")
    found = _NEXT.get(State(case.state))
    return NextStep(*found) if found else None


def has_link_step(case: Interview) -> bool:
    """Whether the leaver has a step to take through a link now (a new one can be sent)."""
    return current_purpose(case) is not None
