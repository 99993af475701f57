"""Reads for the pages: what waits for a user, a case's timeline and its next step."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.interviews import pathway
from leaver.interviews.access import interviews_visible_to
from leaver.interviews.models import Interview, State
from leaver.organisations.models import Role


@dataclass
class WorkGroup:
    title: str
    cases: list[Interview] = field(default_factory=list)


_LETTER_STATES = frozenset({
    State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED,
})
# (heading on "Your work", the states it covers, the transition the user must be able to take)
_WORK: tuple[tuple[str, frozenset[State], str], ...] = (
    ("Record the young person's consent decision", frozenset({State.NOTIFIED}),
     "consent_given"),
    ("Choose an independent interviewer", frozenset({State.CONSENTED}), "assign_interviewer"),
    ("Arrange the interview", frozenset({State.INTERVIEWER_ASSIGNED}), "schedule"),
    ("Record the interview", frozenset({State.SCHEDULED}), "submit_record"),
    ("Review the interview record", frozenset({State.WITH_IRO}), "add_recommendation"),
    ("Write to the young person and send the letter", _LETTER_STATES, "letter_sent"),
)


def work_for(user: User) -> list[WorkGroup]:
    """Cases waiting for this user, grouped by what they need to do."""
    groups = [WorkGroup(title) for title, _states, _name in _WORK]
    open_cases = interviews_visible_to(user).filter(
        state__in=list(pathway.OPEN)
    ).select_related("setting", "young_person", "interviewer")
    for interview in open_cases:
        for group, (_title, states, name) in zip(groups, _WORK, strict=True):
            if interview.state not in states or not pathway.may(user, interview, name):
                continue
            if name == "letter_sent" and interview.letter_sent_at is not None:
                continue
            group.cases.append(interview)
    return [g for g in groups if g.cases]


_EVENT_LABELS = {
    "interview.move_notified": "Move notified",
    "interview.consent_given": "Consent recorded: the young person agreed",
    "interview.consent_declined": "Consent recorded: the young person declined",
    "interview.not_feasible": "Recorded as not feasible",
    "interview.assign_interviewer": "Interviewer assigned",
    "interview.schedule": "Interview arranged",
    "interview.submit_record": "Interview record agreed, locked and sent to the IRO",
    "interview.restrict_circulation": "Circulation of the record restricted",
    "interview.no_action_needed": "Reviewed: no action needed",
    "interview.add_recommendation": "Recommendation issued",
    "interview.recommendation_answered": "Recommendation answered",
    "interview.responses_complete": "Every recommendation answered",
    "interview.edit_letter": "Letter to the young person edited",
    "interview.letter_sent": "Letter to the young person sent",
    "interview.close": "Case closed",
    "interview.withdraw": "The young person withdrew",
    "interview.unable_to_contact": "Recorded as unable to contact",
}


@dataclass(frozen=True)
class TimelineEntry:
    at: object
    label: str
    actor: str


def timeline(interview: Interview) -> list[TimelineEntry]:
    events = AuditEvent.objects.filter(
        object_type="interview", object_id=interview.public_id, action__in=list(_EVENT_LABELS)
    ).select_related("actor").order_by("at", "id")
    return [
        TimelineEntry(e.at, _EVENT_LABELS[e.action], e.actor.full_name if e.actor else "Leaver")
        for e in events
    ]


@dataclass(frozen=True)
class NextStep:
    text: str
    holder: str


def next_step(interview: Interview) -> NextStep | None:
    state = interview.state
    if state in pathway.TERMINAL:
        return None
    iro = Role.IRO.label
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
            "owner").filter(responded_at__isnull=True)})
        return NextStep("Respond to the recommendations", ", ".join(owners) or iro)
    if interview.letter_sent_at is None:
        return NextStep("Write to the young person and record the letter as sent", iro)
    return None


def _name(user: User | None) -> str:
    return user.full_name if user else "Not yet assigned"
