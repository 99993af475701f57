"""The young person's pathway (seed 002) as one explicit state machine.

Each transition names the states it may start from, the state it leads to, and the roles
that may take it. `check` is called inside every action, under a row lock, so an illegal
transition or an actor without the role changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from leaver.accounts.models import User
from leaver.interviews.models import Interview, State
from leaver.organisations.models import Role


class PathwayError(Exception):
    """A transition that is not allowed. The message is shown to the user as it is."""


TERMINAL = frozenset({
    State.DECLINED, State.NOT_FEASIBLE, State.CLOSED, State.WITHDRAWN, State.UNABLE_TO_CONTACT,
})
OPEN = frozenset(set(State) - TERMINAL)
REVIEW = frozenset({
    State.WITH_IRO, State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE,
})


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[State]
    target: State | None  # None: the action keeps the state (e.g. the letter is sent)
    roles: frozenset[Role]


def _t(name: str, label: str, sources: frozenset[State] | set[State],
       target: State | None, *roles: Role) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(roles))


TRANSITIONS: dict[str, Transition] = {t.name: t for t in (
    _t("consent_given", "Record consent", {State.NOTIFIED}, State.CONSENTED,
       Role.SOCIAL_WORKER),
    _t("consent_declined", "Record consent", {State.NOTIFIED}, State.DECLINED,
       Role.SOCIAL_WORKER),
    _t("not_feasible", "Record consent", {State.NOTIFIED}, State.NOT_FEASIBLE,
       Role.SOCIAL_WORKER),
    _t("assign_interviewer", "Assign an interviewer",
       {State.CONSENTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED},
       State.INTERVIEWER_ASSIGNED, Role.CSM),
    _t("schedule", "Schedule the interview",
       {State.INTERVIEWER_ASSIGNED, State.SCHEDULED}, State.SCHEDULED, Role.INTERVIEWER),
    _t("submit_record", "Record the interview", {State.SCHEDULED}, State.WITH_IRO,
       Role.INTERVIEWER),
    _t("restrict_circulation", "Restrict circulation", REVIEW, None, Role.IRO),
    _t("no_action_needed", "Record the review", {State.WITH_IRO}, State.NO_ACTION_NEEDED,
       Role.IRO),
    _t("add_recommendation", "Add a recommendation", REVIEW, State.RECOMMENDATIONS_ISSUED,
       Role.IRO),
    # Taken by the system when the last recommendation is answered.
    _t("responses_complete", "Responses complete", {State.RECOMMENDATIONS_ISSUED},
       State.RESPONSES_COMPLETE),
    _t("edit_letter", "Write the letter",
       {State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED},
       None, Role.IRO),
    _t("letter_sent", "Record the letter as sent",
       {State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED},
       None, Role.IRO),
    # Taken by the system when every recommendation is answered and the letter is sent.
    _t("close", "Close", {State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED}, State.CLOSED),
    _t("withdraw", "Record withdrawal", OPEN, State.WITHDRAWN,
       Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO),
    _t("unable_to_contact", "Record unable to contact", OPEN, State.UNABLE_TO_CONTACT,
       Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO),
)}


def acts_as(user: User, interview: Interview, role: Role) -> bool:
    """Whether the user holds `role` *for this interview*, not just somewhere."""
    from leaver.organisations import roles

    if not user.is_authenticated or user.organisation_id != interview.organisation_id:
        return False
    if role not in roles.roles_of(user):
        return False
    if role == Role.SOCIAL_WORKER:
        return interview.young_person.social_worker_id == user.pk
    if role == Role.INTERVIEWER:
        return interview.interviewer_id == user.pk
    if role == Role.UNIT_MANAGER:
        return interview.setting_id in roles.managed_setting_ids(user)
    return True


def may(user: User | None, interview: Interview, name: str) -> bool:
    transition = TRANSITIONS[name]
    if interview.state not in transition.sources:
        return False
    if user is None:
        return not transition.roles
    return any(acts_as(user, interview, role) for role in transition.roles)


def check(user: User | None, interview: Interview, name: str) -> Transition:
    """Raise PathwayError unless `user` may take transition `name` now."""
    transition = TRANSITIONS[name]
    if interview.state not in transition.sources:
        raise PathwayError(
            f"This can't be done now: the case is “{State(interview.state).label}”."
        )
    if user is None:
        if transition.roles:
            raise PathwayError("This step must be taken by a person.")
        return transition
    if not transition.roles:
        raise PathwayError("Leaver takes this step by itself when its conditions are met.")
    if not any(acts_as(user, interview, role) for role in transition.roles):
        who = " or ".join(_role_phrase(r) for r in sorted(transition.roles))
        raise PathwayError(f"Only {who} can do this.")
    return transition


def available(user: User, interview: Interview) -> list[Transition]:
    """Transitions this user could take now, for the buttons on the case page."""
    return [t for t in TRANSITIONS.values() if t.roles and may(user, interview, t.name)]


_PHRASES = {
    Role.SOCIAL_WORKER: "the young person's allocated social worker",
    Role.INTERVIEWER: "the assigned interviewer",
    Role.UNIT_MANAGER: "a Unit Manager of the young person's home",
    Role.CSM: "a Children's Services Manager",
    Role.IRO: "an Independent Reviewing Officer",
}


def _role_phrase(role: Role) -> str:
    return _PHRASES.get(role, Role(role).label)
