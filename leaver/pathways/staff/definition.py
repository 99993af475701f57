"""The school staff pathway (seed 000) as data for the case kernel's engine.

Roles are relative to the case: a Headteacher acts for the leavers of their own school, and
never for one who chose "anonymous in reports" (seed 000, DESIGN §5: then only the
interviewer and the HR lead read the record); an HR lead acts for every school they hold the
role for (a trust's HR lead for all of them); an interviewer for the leavers assigned to
them. Steps the leaver takes through their link have no roles: the kernel's link pages take
them (actor None), as Leaver's own steps are taken.
"""

from __future__ import annotations

from django.db.models import Q

from leaver.cases.engine import (
    ASSIGNED_INTERVIEWER,
    Definition,
    Relation,
    ReviewWords,
    Transition,
)
from leaver.cases.models import Interview
from leaver.organisations import roles
from leaver.organisations.models import Pathway, Role, SettingKind
from leaver.pathways.staff import leaver_reply
from leaver.pathways.staff.events import StaffEvent as E
from leaver.pathways.staff.models import Confidentiality
from leaver.pathways.staff.states import (
    BEFORE_RECORD,
    OPEN,
    RECORDED_STATES,
    REVIEW,
    TERMINAL,
    State,
)
from leaver.reviews.events import ReviewEvent as R

HEAD = Role.HEADTEACHER
HR = Role.HR_LEAD
# Who runs the pathway for a school (seed 000: "actively encouraged by headteachers").
LEADS = (HEAD, HR)
# Where a record may be amended later (not while the leaver's corrections are being made).
LATER = RECORDED_STATES - {State.CORRECTIONS_REQUESTED}


def _t(name: str, label: str, sources: frozenset[State] | set[State], target: State | None,
       event: E | R, *held: Role) -> Transition:
    return Transition(name, label, frozenset(sources), target, frozenset(held), event)


TRANSITIONS: dict[str, Transition] = {t.name: t for t in (
    _t("send_offer", "Send the offer", {State.RECORDED, State.OFFERED}, State.OFFERED,
       E.OFFER_SENT, *LEADS),
    # The leaver, through their offer link.
    _t("accept", "Accept", {State.OFFERED}, State.ACCEPTED, E.ACCEPTED),
    _t("decline", "Decline", {State.OFFERED}, State.DECLINED, E.DECLINED),
    # The leaver said no in person or by email.
    _t("record_decline", "Record that they declined", {State.RECORDED, State.OFFERED},
       State.DECLINED, E.DECLINE_RECORDED, *LEADS),
    # Leaver itself: one reminder, then no response after the deadline.
    _t("offer_reminder", "Remind", {State.OFFERED}, None, E.OFFER_REMINDER),
    _t("no_response", "No response", {State.OFFERED}, State.NO_RESPONSE, E.NO_RESPONSE),
    _t("assign_interviewer", "Assign an interviewer",
       {State.ACCEPTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED},
       State.INTERVIEWER_ASSIGNED, E.ASSIGN_INTERVIEWER, *LEADS),
    _t("schedule", "Arrange the interview", {State.INTERVIEWER_ASSIGNED, State.SCHEDULED},
       State.SCHEDULED, E.SCHEDULE, Role.INTERVIEWER, HR),
    _t("submit_record", "Record the interview", {State.SCHEDULED}, State.INTERVIEWED,
       E.SUBMIT_RECORD, Role.INTERVIEWER),
    # The leaver, through their self-completion link: the record exists from here.
    _t("self_completed", "Answer the questions", {State.ACCEPTED}, State.AWAITING_CONFIRMATION,
       E.SELF_COMPLETED),
    _t("send_for_confirmation", "Send the record to the leaver to check",
       {State.INTERVIEWED}, State.AWAITING_CONFIRMATION, E.SENT_FOR_CONFIRMATION,
       Role.INTERVIEWER),
    # Seed 000: "at the end of the interview session, or soon after": signed in the room.
    _t("signed_in_person", "Record the leaver's signature",
       {State.INTERVIEWED, State.AWAITING_CONFIRMATION}, State.CONFIRMED, E.SIGNED_IN_PERSON,
       Role.INTERVIEWER),
    # The leaver, through their review link.
    _t("sign", "Sign the record", {State.AWAITING_CONFIRMATION}, State.CONFIRMED, E.SIGNED),
    _t("request_corrections", "Ask for corrections", {State.AWAITING_CONFIRMATION},
       State.CORRECTIONS_REQUESTED, E.CORRECTIONS_REQUESTED),
    # The interviewer amends and re-sends (a new version, with why).
    _t("amend_record", "Correct the record", {State.CORRECTIONS_REQUESTED},
       State.AWAITING_CONFIRMATION, E.AMENDED, Role.INTERVIEWER),
    # A later amendment: a new version with who, when and why; the state stays. The
    # interviewer needs an HR lead's agreement first (leaver.cases.amendment_agreement).
    _t("amend_later", "Amend the record", LATER, None, E.AMENDED, Role.INTERVIEWER, HR),
    _t("ask_to_amend", "Ask to amend the record", LATER, None, E.AMENDMENT_ASKED,
       Role.INTERVIEWER),
    _t("agree_to_amend", "Agree to the amendment", LATER, None, E.AMENDMENT_AGREED, HR),
    _t("refuse_to_amend", "Refuse the amendment", LATER, None, E.AMENDMENT_REFUSED, HR),
    # Leaver itself, when the leaver has not signed by the deadline: kept, marked unconfirmed.
    _t("not_confirmed", "Not confirmed", {State.AWAITING_CONFIRMATION}, State.NOT_CONFIRMED,
       E.NOT_CONFIRMED),
    # The action plan (leaver.reviews: the same machinery as the IRO's recommendations).
    _t("no_action_needed", "Record the review", {State.CONFIRMED, State.NOT_CONFIRMED},
       State.CLOSED, R.NO_ACTION_NEEDED, *LEADS),
    _t("add_recommendation", "Add an action", REVIEW, State.ACTIONS_AGREED,
       R.ADD_RECOMMENDATION, *LEADS),
    _t("responses_complete", "Responses complete", {State.ACTIONS_AGREED}, State.CLOSED,
       R.RESPONSES_COMPLETE),
    _t("withdraw", "Record withdrawal", BEFORE_RECORD, State.WITHDRAWN, E.WITHDRAW, *LEADS),
    _t("send_new_link", "Send a new link", OPEN, None, E.LINK_SENT, *LEADS, Role.INTERVIEWER),
)}

# A member of staff leaves a school.
CASE_SETTING_KINDS = (SettingKind.SCHOOL,)


def _in_scope(user: Interview | object, role: Role, setting_id: int) -> bool:
    scope = roles.setting_ids_for(user, role)  # type: ignore[arg-type]
    return scope is None or setting_id in scope


def _scope_q(user: object, role: Role) -> Q:
    scope = roles.setting_ids_for(user, role)  # type: ignore[arg-type]
    # Not Q(): an empty Q vanishes when OR-ed with another (Q(a) | Q() is Q(a)), so the
    # trust-wide HR lead would see nothing in lists (leaver.cases.access ORs the relations).
    return Q(pk__isnull=False) if scope is None else Q(setting_id__in=scope)


def _not_anonymous(case: Interview) -> bool:
    leaver = getattr(case, "staff_leaver", None)
    return leaver is None or leaver.confidentiality != Confidentiality.ANONYMOUS


# The headteacher of the leaver's school, unless the leaver chose anonymity.
SCHOOL_HEADTEACHER = Relation(
    holds=lambda user, case: _in_scope(user, HEAD, case.setting_id) and _not_anonymous(case),
    cases=lambda user: _scope_q(user, HEAD)
    & ~Q(staff_leaver__confidentiality=Confidentiality.ANONYMOUS),
)
# An HR lead for the leaver's school (or for every school of the trust).
SCHOOL_HR_LEAD = Relation(
    holds=lambda user, case: _in_scope(user, HR, case.setting_id),
    cases=lambda user: _scope_q(user, HR),
)

STAFF = Definition(
    pathway=Pathway.STAFF,
    states=State,
    initial=State.RECORDED,
    terminal=frozenset(TERMINAL),
    transitions=TRANSITIONS,
    oversight=frozenset(),
    relations={HEAD: SCHOOL_HEADTEACHER, HR: SCHOOL_HR_LEAD,
               Role.INTERVIEWER: ASSIGNED_INTERVIEWER},
    role_phrases={
        HEAD: "the headteacher of the school",
        HR: "an HR lead for the school",
        Role.INTERVIEWER: "the assigned interviewer",
    },
    case_url="staff:case",
    record_url="staff:record",
    stages={"taking_responses": frozenset({State.ACTIONS_AGREED})},
    record_readers=frozenset({HEAD, HR, Role.INTERVIEWER}),
    contact_readers=frozenset({HEAD, HR, Role.INTERVIEWER}),
    recommendation_readers=frozenset({HEAD, HR}),
    contact_readers_after_closing=frozenset({HR}),
    connected_roles=(HR, HEAD),
    has_distribution_list=False,
    # The leaver's own pages (leaver.cases.you): Welsh if they read it, never their line
    # manager as interviewer, their reply kept on StaffLeaver, and answering online makes
    # the record at once (they then check and sign it).
    leaver_language=leaver_reply.leaver_language,
    not_interviewers=leaver_reply.not_interviewers,
    on_leaver_reply=leaver_reply.on_leaver_reply,
    self_completion_makes_record=True,
    always_distributed=(
        "The HR lead for the school",
        "The headteacher of the school, unless the leaver chose to be anonymous in reports",
    ),
    # The action plan (seed 000): actions with owners and due dates, no letter, no
    # plain-words version, never the record passed on to an owner (the leaver chose who
    # reads it).
    review_words=ReviewWords(
        recommendation="action", reviewer="the headteacher or HR lead",
        leaver="the member of staff", leaver_text=False, has_letter=False,
        may_share_record=False, someone="A member of staff at {setting}"),
    review_days="action_plan_days",
    anonymous=lambda case: not _not_anonymous(case),
)
