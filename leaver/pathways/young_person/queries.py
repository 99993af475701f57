"""Reads for the pathway's pages: what waits for a user, a case's next step, the consent
decision in words."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.access import cases_visible_to
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway, Role
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.models import FeasibilityAid, Language, YoungPerson
from leaver.pathways.young_person.states import LETTER, OPEN, TERMINAL, State
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


def work_for(user: User) -> list[WorkGroup]:
    """Cases waiting for this user, grouped by what they need to do."""
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
    return [g for g in groups if g.cases]


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
