"""The young person's pathway (seed 002) as data for the case kernel's engine.

Each transition names the states it may start from, the state it leads to, the roles that may
take it and the event it writes. Roles are relative to the case: the allocated social worker,
the assigned interviewer, a Unit Manager of the home, the young person's allocated IRO; the
CSM acts for every young person in their organisation. The CSM and every IRO see every case
(oversight), but only the allocated IRO reads the record and takes the review's steps.
Corrections of the case's details are transitions too (corrections.py says who may make each).
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
from leaver.organisations.models import Pathway, Role, SettingKind
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.events import YoungPersonEvent as E
from leaver.pathways.young_person.models import Language
from leaver.pathways.young_person.states import (
    BEFORE_RECORD,
    LETTER,
    OPEN,
    RECORDED,
    REVIEW,
    TERMINAL,
    State,
)
from leaver.pathways.young_person.wording import wants_easy_read
from leaver.reviews.events import ReviewEvent as R

# The young person's own pages (leaver.cases.you): they may answer the questions themselves
# before the interview (their answers become the interviewer's draft), and check and sign
# the record once it is submitted. The interviewer sends each link.
SELF_COMPLETION_STATES = frozenset({State.INTERVIEWER_ASSIGNED, State.SCHEDULED})
AFTER_RECORD = REVIEW | LETTER


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
    # Ending early: only before the record is submitted; after that the case runs to its end.
    _t("withdraw", "Record withdrawal", BEFORE_RECORD, State.WITHDRAWN, E.WITHDRAW,
       Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO),
    _t("unable_to_contact", "Record unable to contact", BEFORE_RECORD,
       State.UNABLE_TO_CONTACT, E.UNABLE_TO_CONTACT, Role.SOCIAL_WORKER, Role.CSM,
       Role.INTERVIEWER, Role.IRO),
    # A young person who declined changes their mind (the action also checks that the move
    # is still ahead: up to and including the planned move date).
    _t("reopen", "Reopen: the young person changed their mind", {State.DECLINED},
       State.NOTIFIED, E.REOPEN, Role.SOCIAL_WORKER),
    _t("send_self_completion", "Send the questions to the young person",
       SELF_COMPLETION_STATES, None, E.SELF_COMPLETION_SENT, Role.INTERVIEWER),
    _t("self_completed", "Answer the questions", SELF_COMPLETION_STATES, None,
       E.SELF_COMPLETED),
    _t("send_review_link", "Send the record to the young person to check", AFTER_RECORD,
       None, E.REVIEW_LINK_SENT, Role.INTERVIEWER),
    _t("sign", "Sign the record", AFTER_RECORD, None, E.SIGNED),
    _t("request_corrections", "Ask for corrections", AFTER_RECORD, None,
       E.CORRECTIONS_REQUESTED),
    # Amending the locked record: the interviewer asks, the IRO agrees (or refuses with a
    # reason), then the interviewer amends: a new version with who, when and why.
    _t("ask_to_amend", "Ask to amend the record", RECORDED, None, E.AMENDMENT_ASKED,
       Role.INTERVIEWER),
    _t("agree_to_amend", "Agree to the amendment", RECORDED, None, E.AMENDMENT_AGREED,
       Role.IRO),
    _t("refuse_to_amend", "Refuse the amendment", RECORDED, None, E.AMENDMENT_REFUSED,
       Role.IRO),
    _t("amend_record", "Amend the record", RECORDED, None, E.AMENDED, Role.INTERVIEWER),
    *(_t(transition_name(c.key), f"Change the {c.label.lower()}",
         OPEN | {State.DECLINED} if c.while_declined else OPEN, None,
         c.event, *c.roles) for c in CORRECTIONS.values()),
)}

# The places a young person leaves: a case starts at one of these (if it is open).
CASE_SETTING_KINDS = (SettingKind.CHILDRENS_HOME, SettingKind.AGENCY_PLACEMENT)


def postal_address(case: Interview) -> list[str]:
    """The address lines of the letter: the young person's postal address."""
    return list(case.young_person.address_lines)


def letter_language(case: Interview) -> str:
    """Welsh ("cy") for a young person whose preferred language is Welsh, else English."""
    return "cy" if case.young_person.preferred_language == Language.WELSH else "en"


def leaver_language(case: Interview) -> str:
    """The wording of the young person's own pages: Welsh, easy read, or English ("")."""
    young_person = case.young_person
    if young_person.preferred_language == Language.WELSH:
        return "cy"
    return "easy" if wants_easy_read(young_person) else ""


ALLOCATED_SOCIAL_WORKER = Relation(
    holds=lambda user, case: case.young_person.social_worker_id == user.pk,
    cases=lambda user: Q(young_person__social_worker=user),
)

# The IRO for this child (statutory), set when the move is notified or by a CSM later.
ALLOCATED_IRO = Relation(
    holds=lambda user, case: case.young_person.allocated_iro_id == user.pk,
    cases=lambda user: Q(young_person__allocated_iro=user),
)

# Who receives the record by default, unless circulation is restricted (seed 002 §5: "copies
# of interviews will normally be sent to service providers"): the manager(s) of the home the
# young person is leaving, or for an agency placement the provider's contact holding the
# Unit Manager role for it. Added to the organisation's own distribution list.
DISTRIBUTED_BY_DEFAULT = frozenset({Role.UNIT_MANAGER})

# After the case ends, the address, phone and email are shown only to the social worker.
CONTACT_READERS_AFTER_CLOSING = frozenset({Role.SOCIAL_WORKER})

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
        Role.IRO: ALLOCATED_IRO,
    },
    role_phrases={
        Role.SOCIAL_WORKER: "the young person's allocated social worker",
        Role.INTERVIEWER: "the assigned interviewer",
        Role.UNIT_MANAGER: "a Unit Manager of the young person's home",
        Role.CSM: "a Children's Services Manager",
        Role.IRO: "the young person's allocated Independent Reviewing Officer",
    },
    case_url="young_person:case",
    record_url="young_person:record",
    stages={
        # Recommendation owners may answer (reviews asks this, by name).
        "taking_responses": frozenset({State.RECOMMENDATIONS_ISSUED,
                                       State.RESPONSES_COMPLETE}),
    },
    # The answers: the allocated IRO and the interviewer who took them (and those it is
    # shared with, by default the home's managers: DISTRIBUTED_BY_DEFAULT).
    record_readers=frozenset({Role.IRO, Role.INTERVIEWER}),
    # The address is for those who arrange or write: the social worker, the home's managers,
    # the CSM, the IRO (the letter) and the assigned interviewer.
    contact_readers=frozenset({Role.SOCIAL_WORKER, Role.UNIT_MANAGER, Role.CSM, Role.IRO,
                               Role.INTERVIEWER}),
    # Recommendations go to the CSM and social worker (seed 002 §3) and the allocated IRO.
    recommendation_readers=frozenset({Role.SOCIAL_WORKER, Role.CSM, Role.IRO}),
    contact_readers_after_closing=CONTACT_READERS_AFTER_CLOSING,
    # Recommendations are addressed first to the social worker, the CSM, the home's managers.
    connected_roles=(Role.SOCIAL_WORKER, Role.CSM, Role.UNIT_MANAGER),
    postal_address=postal_address,
    letter_language=letter_language,
    leaver_language=leaver_language,
    leaver_is_child=True,
    # A role in a rule means its holders for this young person (cases.sharing): their own
    # social worker; the CSM and safeguarding lead have no such tie, so every holder.
    distribution_roles={
        Role.SOCIAL_WORKER: "The young person's social worker",
        Role.CSM: "Every Children's Services Manager",
        Role.SAFEGUARDING_LEAD: "Every safeguarding lead",
    },
    always_distributed=(
        "The young person's Independent Reviewing Officer (IRO)",
        "The Unit Managers of the home or placement the young person is leaving, unless "
        "circulation of the record is restricted",
    ),
)
