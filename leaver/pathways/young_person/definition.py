"""The young person's pathway (seed 002) as data for the case kernel's engine.

Each transition names the states it may start from, the state it leads to, the roles that may
take it and the event it writes. Roles are relative to the case: the allocated social worker,
the assigned interviewer, a Unit Manager of the home; the CSM and IRO act for every young
person in their organisation.
"""

from __future__ import annotations

from django.db.models import Q

from leaver.cases.engine import (
    ASSIGNED_INTERVIEWER,
    SETTING_MANAGER,
    Definition,
    Relation,
    Transition,
)
from leaver.cases.models import Interview
from leaver.organisations.models import Pathway, Role
from leaver.pathways.young_person.events import YoungPersonEvent as E
from leaver.pathways.young_person.states import LETTER, OPEN, REVIEW, TERMINAL, State
from leaver.reviews.events import ReviewEvent as R


def _t(name: str, label: str, sources: frozenset[State] | set[State], target: State | None,
       event: E | R, *roles: Role) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(roles), event)


TRANSITIONS: dict[str, Transition] = {t.name: t for t in (
    _t("consent_given", "Record consent", {State.NOTIFIED}, State.CONSENTED,
       E.CONSENT_GIVEN, Role.SOCIAL_WORKER),
    _t("consent_declined", "Record consent", {State.NOTIFIED}, State.DECLINED,
       E.CONSENT_DECLINED, Role.SOCIAL_WORKER),
    _t("not_feasible", "Record consent", {State.NOTIFIED}, State.NOT_FEASIBLE,
       E.NOT_FEASIBLE, Role.SOCIAL_WORKER),
    _t("assign_interviewer", "Assign an interviewer",
       {State.CONSENTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED},
       State.INTERVIEWER_ASSIGNED, E.ASSIGN_INTERVIEWER, Role.CSM),
    _t("schedule", "Schedule the interview",
       {State.INTERVIEWER_ASSIGNED, State.SCHEDULED}, State.SCHEDULED, E.SCHEDULE,
       Role.INTERVIEWER),
    _t("submit_record", "Record the interview", {State.SCHEDULED}, State.WITH_IRO,
       E.SUBMIT_RECORD, Role.INTERVIEWER),
    _t("restrict_circulation", "Restrict circulation", REVIEW, None,
       E.RESTRICT_CIRCULATION, Role.IRO),
    _t("no_action_needed", "Record the review", {State.WITH_IRO}, State.NO_ACTION_NEEDED,
       R.NO_ACTION_NEEDED, Role.IRO),
    _t("add_recommendation", "Add a recommendation", REVIEW, State.RECOMMENDATIONS_ISSUED,
       R.ADD_RECOMMENDATION, Role.IRO),
    # Taken by the system when the last recommendation is answered.
    _t("responses_complete", "Responses complete", {State.RECOMMENDATIONS_ISSUED},
       State.RESPONSES_COMPLETE, R.RESPONSES_COMPLETE),
    _t("edit_letter", "Write the letter", LETTER, None, R.EDIT_LETTER, Role.IRO),
    _t("letter_sent", "Record the letter as sent", LETTER, None, R.LETTER_SENT, Role.IRO),
    # Taken by the system when every recommendation is answered and the letter is sent.
    _t("close", "Close", {State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED}, State.CLOSED,
       E.CLOSE),
    _t("withdraw", "Record withdrawal", OPEN, State.WITHDRAWN, E.WITHDRAW,
       Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO),
    _t("unable_to_contact", "Record unable to contact", OPEN, State.UNABLE_TO_CONTACT,
       E.UNABLE_TO_CONTACT, Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO),
)}

def postal_address(case: Interview) -> list[str]:
    """The address lines of the letter: the non-empty lines of the contact details."""
    details = case.young_person.contact_details
    return [line.strip() for line in details.splitlines() if line.strip()]


def letter_language(case: Interview) -> str:
    language = case.young_person.preferred_language.strip().lower()
    return "cy" if language in {"welsh", "cy", "cymraeg"} else "en"


ALLOCATED_SOCIAL_WORKER = Relation(
    holds=lambda user, case: case.young_person.social_worker_id == user.pk,
    cases=lambda user: Q(young_person__social_worker=user),
)

YOUNG_PERSON = Definition(
    pathway=Pathway.YOUNG_PERSON,
    states=State,
    initial=State.NOTIFIED,
    terminal=frozenset(TERMINAL),
    transitions=TRANSITIONS,
    oversight=frozenset({Role.CSM, Role.IRO}),
    relations={
        Role.SOCIAL_WORKER: ALLOCATED_SOCIAL_WORKER,
        Role.INTERVIEWER: ASSIGNED_INTERVIEWER,
        Role.UNIT_MANAGER: SETTING_MANAGER,
    },
    role_phrases={
        Role.SOCIAL_WORKER: "the young person's allocated social worker",
        Role.INTERVIEWER: "the assigned interviewer",
        Role.UNIT_MANAGER: "a Unit Manager of the young person's home",
        Role.CSM: "a Children's Services Manager",
        Role.IRO: "an Independent Reviewing Officer",
    },
    case_url="young_person:case",
    record_url="young_person:record",
    stages={
        # Recommendation owners may answer (reviews asks this, by name).
        "taking_responses": frozenset({State.RECOMMENDATIONS_ISSUED,
                                       State.RESPONSES_COMPLETE}),
    },
    # The answers: the IRO and the interviewer who took them (and those it is shared with).
    record_readers=frozenset({Role.IRO, Role.INTERVIEWER}),
    # The address is for those who arrange or write: the social worker, the home's managers,
    # the CSM, the IRO (the letter) and the assigned interviewer.
    contact_readers=frozenset({Role.SOCIAL_WORKER, Role.UNIT_MANAGER, Role.CSM, Role.IRO,
                               Role.INTERVIEWER}),
    # Recommendations go to the CSM and social worker (seed 002 §3) and the IRO.
    recommendation_readers=frozenset({Role.SOCIAL_WORKER, Role.CSM, Role.IRO}),
    # Unit Managers never see answers (issue 3 §4), even if a distribution rule names them.
    never_distributed_to=frozenset({Role.UNIT_MANAGER}),
    # Recommendations are addressed first to the social worker, the CSM, the home's managers.
    connected_roles=(Role.SOCIAL_WORKER, Role.CSM, Role.UNIT_MANAGER),
    postal_address=postal_address,
    letter_language=letter_language,
)
