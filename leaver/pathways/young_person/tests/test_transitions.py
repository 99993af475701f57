"""Every transition a person takes in `TRANSITIONS`, through the real actions: the
allowed role moves the case as the table says and writes one audit row; every other person
in the cast, and every state outside `sources`, is refused and nothing changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.models import Confirmation, Interview, InterviewRecord, LinkPurpose
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Role
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import correcting, recording, self_completion
from leaver.pathways.young_person.definition import TRANSITIONS
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import LETTER, OPEN, REVIEW, TERMINAL, State
from leaver.pathways.young_person.tests import amendment_steps
from leaver.reviews import actions as ra
from leaver.reviews.events import ReviewEvent
from leaver.testing import (
    PEOPLE,
    Cast,
    held,
    make_case,
    move_details,
    record_details,
    snapshot,
)

S = State
UM, SW, CSM = Role.UNIT_MANAGER, Role.SOCIAL_WORKER, Role.CSM
BEFORE = {S.NOTIFIED, S.CONSENTED, S.INTERVIEWER_ASSIGNED, S.SCHEDULED}
RECORDED = set(REVIEW) | LETTER | {S.CLOSED}
# The issue's table, written out again so a change to TRANSITIONS is a decision.
EXPECTED_TABLE: dict[str, tuple[set[State], State | None, set[Role]]] = {
    "consent_given": ({S.NOTIFIED}, S.CONSENTED, {Role.SOCIAL_WORKER}),
    "consent_declined": ({S.NOTIFIED}, S.DECLINED, {Role.SOCIAL_WORKER}),
    "not_feasible": ({S.NOTIFIED}, S.NOT_FEASIBLE, {Role.SOCIAL_WORKER}),
    "assign_interviewer": ({S.CONSENTED, S.INTERVIEWER_ASSIGNED, S.SCHEDULED},
                           S.INTERVIEWER_ASSIGNED, {Role.CSM}),
    "schedule": ({S.INTERVIEWER_ASSIGNED, S.SCHEDULED}, S.SCHEDULED, {Role.INTERVIEWER}),
    "submit_record": ({S.SCHEDULED}, S.WITH_IRO, {Role.INTERVIEWER}),
    "restrict_circulation": (set(REVIEW), None, {Role.IRO}),
    "no_action_needed": ({S.WITH_IRO}, S.NO_ACTION_NEEDED, {Role.IRO}),
    "add_recommendation": (set(REVIEW), S.RECOMMENDATIONS_ISSUED, {Role.IRO}),
    "responses_complete": ({S.RECOMMENDATIONS_ISSUED}, S.RESPONSES_COMPLETE, set()),
    "edit_letter": ({S.RECOMMENDATIONS_ISSUED, S.RESPONSES_COMPLETE, S.NO_ACTION_NEEDED},
                    None, {Role.IRO}),
    "letter_sent": ({S.RECOMMENDATIONS_ISSUED, S.RESPONSES_COMPLETE, S.NO_ACTION_NEEDED},
                    None, {Role.IRO}),
    "close": ({S.RESPONSES_COMPLETE, S.NO_ACTION_NEEDED}, S.CLOSED, set()),
    # Ending early: only before the record is submitted (issue 8).
    "withdraw": (BEFORE, S.WITHDRAWN,
                 {Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO}),
    "unable_to_contact": (BEFORE, S.UNABLE_TO_CONTACT,
                          {Role.SOCIAL_WORKER, Role.CSM, Role.INTERVIEWER, Role.IRO}),
    # A young person who declined changes their mind: their social worker reopens.
    "reopen": ({S.DECLINED}, S.NOTIFIED, {Role.SOCIAL_WORKER}),
    # The young person's own links (self_completion.py): the interviewer sends them; the
    # young person's steps through them keep the state.
    "send_self_completion": ({S.INTERVIEWER_ASSIGNED, S.SCHEDULED}, None, {Role.INTERVIEWER}),
    "self_completed": ({S.INTERVIEWER_ASSIGNED, S.SCHEDULED}, None, set()),
    "send_review_link": (set(REVIEW) | LETTER, None, {Role.INTERVIEWER}),
    "sign": (set(REVIEW) | LETTER, None, set()),
    "request_corrections": (set(REVIEW) | LETTER, None, set()),
    # Corrections keep the state; who may make each (corrections.py).
    "correct_move_date": (set(OPEN) | {S.DECLINED}, None, {UM, SW, CSM}),
    "correct_setting": (set(OPEN), None, {SW, CSM}),
    "correct_social_worker": (set(OPEN), None, {CSM}),
    "correct_iro": (set(OPEN), None, {CSM}),
    "correct_learning_disability": (set(OPEN), None, {UM, SW, CSM}),
    "correct_language": (set(OPEN), None, {UM, SW, CSM}),
    "correct_communication_needs": (set(OPEN), None, {UM, SW, CSM}),
    "correct_contact": (set(OPEN), None, {UM, SW, CSM}),
    "correct_address": (set(OPEN), None, {UM, SW, CSM}),
    # Amending the locked record with the IRO's agreement (issue 14); the state stays.
    "ask_to_amend": (RECORDED, None, {Role.INTERVIEWER}),
    "agree_to_amend": (RECORDED, None, {Role.IRO}),
    "refuse_to_amend": (RECORDED, None, {Role.IRO}),
    "amend_record": (RECORDED, None, {Role.INTERVIEWER}),
}
PERSON_TRANSITIONS = [name for name, t in TRANSITIONS.items() if t.roles]
# The person in the cast who holds each role *for the case make_case builds*.
HOLDER = {Role.SOCIAL_WORKER: "social_worker", Role.CSM: "csm",
          Role.INTERVIEWER: "interviewer", Role.IRO: "iro", Role.UNIT_MANAGER: "unit_manager"}
# make_case assigns cast.interviewer from this state on.
ASSIGNED = OPEN - {S.NOTIFIED, S.CONSENTED}
HAS_RECORD = {S.WITH_IRO, S.RECOMMENDATIONS_ISSUED, S.RESPONSES_COMPLETE, S.NO_ACTION_NEEDED,
              S.CLOSED}


Act = Callable[[Cast, Interview, User], object]


def _consent(outcome: str, reason: str) -> Act:
    def act(cast, interview, actor):
        return ia.record_consent(actor=actor, interview=interview, outcome=outcome,
                                 reason=reason, may_quote=False, statement=cast.statement)
    return act


def _close_early(outcome: str) -> Act:
    def act(cast, interview, actor):
        return ia.close_early(actor=actor, interview=interview, outcome=outcome,
                              reason="No reply to calls or letters.")
    return act


def _correct(key: str, values: Callable[[Cast], dict[str, object]]) -> Act:
    def act(cast, interview, actor):
        return correcting.correct(actor=actor, interview=interview, key=key,
                                  values=values(cast))
    return act


# What each correction changes to (every value differs from make_case's).
CORRECTED: dict[str, Callable[[Cast], dict[str, object]]] = {
    "move_date": lambda c: {"planned_move_date": timezone.localdate() + dt.timedelta(days=40)},
    "setting": lambda c: {"setting": c.other_home},
    "social_worker": lambda c: {"social_worker": c.other_social_worker},
    "iro": lambda c: {"allocated_iro": c.other_iro},
    "learning_disability": lambda c: {"significant_learning_disability": True},
    "language": lambda c: {"preferred_language": "Other", "other_language": "Polish"},
    "communication_needs": lambda c: {"communication_needs": "Easy-read materials."},
    "contact": lambda c: {"phone": "07700 900456", "email": "jordan@example.com"},
    "address": lambda c: {"address_line_1": "3 New Street", "address_line_2": "",
                          "town": "Newtown", "postcode": "nt1 1aa"},
}

IN_THREE_DAYS = timezone.now() + dt.timedelta(days=3)
ACTS: dict[str, Act] = {
    **{f"correct_{key}": _correct(key, values) for key, values in CORRECTED.items()},
    "reopen": lambda cast, i, actor: ia.reopen(actor=actor, interview=i,
                                               reason="They asked their carer to call me."),
    "consent_given": _consent("consent_given", ""),
    "consent_declined": _consent("consent_declined", "They would rather not."),
    "not_feasible": _consent("not_feasible", "A spoken interview is not possible."),
    "assign_interviewer": lambda cast, i, actor: ia.assign_interviewer(
        actor=actor, interview=i, interviewer=cast.other_interviewer),
    "schedule": lambda cast, i, actor: ia.schedule_interview(
        actor=actor, interview=i, when=IN_THREE_DAYS, location="The youth club"),
    "submit_record": lambda cast, i, actor: recording.submit_record(
        actor=actor, interview=i, details=record_details()),
    "restrict_circulation": lambda cast, i, actor: ia.restrict_circulation(
        actor=actor, interview=i, reason="A safeguarding matter."),
    "no_action_needed": lambda cast, i, actor: ra.record_no_action(
        actor=actor, interview=i, reason="Nothing to act on."),
    "add_recommendation": lambda cast, i, actor: ra.add_recommendation(
        actor=actor, interview=i, text="A quiet room for homework.", owner=cast.csm,
        due_date=timezone.localdate() + dt.timedelta(days=14), share_record=False),
    "edit_letter": lambda cast, i, actor: ra.save_letter(
        actor=actor, interview=i, text="Dear Jordan, thank you for talking to us."),
    "letter_sent": lambda cast, i, actor: ra.mark_letter_sent(actor=actor, interview=i),
    "withdraw": _close_early("withdraw"),
    "unable_to_contact": _close_early("unable_to_contact"),
    "send_self_completion": lambda cast, i, actor: self_completion.send(
        actor=actor, interview=i, what="questions"),
    "send_review_link": lambda cast, i, actor: self_completion.send(
        actor=actor, interview=i, what="record"),
    **amendment_steps.ACTS,
}


def _effect_ok(name: str, cast: Cast, interview: Interview) -> bool:
    """The change each action is for, beyond the state."""
    i = Interview.objects.get(pk=interview.pk)
    if name.startswith("correct_"):
        return _corrected(cast, i, name.removeprefix("correct_"))
    if name in amendment_steps.EFFECTS:
        return amendment_steps.EFFECTS[name](i)
    checks: dict[str, Callable[[], bool]] = {
        "consent_given": lambda: i.consent_recorded_at is not None,
        "consent_declined": lambda: i.outcome_reason == "They would rather not.",
        "not_feasible": lambda: i.outcome_reason == "A spoken interview is not possible.",
        "assign_interviewer": lambda: i.interviewer == cast.other_interviewer,
        "schedule": lambda: i.location == "The youth club",
        "submit_record": lambda: InterviewRecord.objects.filter(interview=i).exists(),
        "restrict_circulation": lambda: i.record.circulation_restricted,
        "no_action_needed": lambda: i.review.no_action_reason == "Nothing to act on.",
        "add_recommendation": lambda: "A quiet room for homework." in [
            r.text for r in i.recommendations.all()],
        "edit_letter": lambda: i.letter.text.startswith("Dear Jordan, thank you for talking"),
        "letter_sent": lambda: i.letter.sent_at is not None,
        "withdraw": lambda: i.closed_at is not None and bool(i.outcome_reason),
        "unable_to_contact": lambda: i.closed_at is not None and bool(i.outcome_reason),
        "reopen": lambda: i.consent_recorded_at is None and not i.outcome_reason,
        "send_self_completion": lambda: i.links.filter(
            purpose=LinkPurpose.SELF_COMPLETION).exists(),
        "send_review_link": lambda: i.links.filter(purpose=LinkPurpose.REVIEW).exists()
        and i.record.confirmation == Confirmation.AWAITING,
    }
    return checks[name]()


def _corrected(cast: Cast, interview: Interview, key: str) -> bool:
    young_person = interview.young_person
    for field, value in CORRECTED[key](cast).items():
        target = interview if field == "setting" else young_person
        expected = str(value).upper() if field == "postcode" else value
        if getattr(target, field) != expected:
            return False
    return True


# A state in `sources` where every allowed role can act (the interviewer is assigned).
WHERE = {
    "consent_given": S.NOTIFIED, "consent_declined": S.NOTIFIED, "not_feasible": S.NOTIFIED,
    "assign_interviewer": S.CONSENTED, "schedule": S.INTERVIEWER_ASSIGNED,
    "submit_record": S.SCHEDULED, "restrict_circulation": S.WITH_IRO,
    "no_action_needed": S.WITH_IRO, "add_recommendation": S.WITH_IRO,
    "edit_letter": S.NO_ACTION_NEEDED, "letter_sent": S.NO_ACTION_NEEDED,
    "withdraw": S.SCHEDULED, "unable_to_contact": S.SCHEDULED, "reopen": S.DECLINED,
    "send_self_completion": S.SCHEDULED, "send_review_link": S.WITH_IRO,
    **dict.fromkeys(amendment_steps.ACTS, S.WITH_IRO),
    **{f"correct_{key}": S.SCHEDULED for key in CORRECTED},
}


def case_for(cast: Cast, name: str, state: State) -> Interview:
    """A case in `state`, made ready for `name` (a learning disability for not_feasible,
    a saved letter for letter_sent)."""
    details = {"significant_learning_disability": True} if name == "not_feasible" else {}
    interview = make_case(cast, state, **details)
    if name == "letter_sent" and state in TRANSITIONS["edit_letter"].sources:
        ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
    if name == "submit_record" and state == S.SCHEDULED:
        held(cast, interview)  # a record is made only after the interview
    if name.startswith("send_"):  # the links go to the young person's own email
        YoungPerson.objects.filter(interview=interview).update(email="jordan@example.com")
    if state in TRANSITIONS[name].sources:
        amendment_steps.prepare(cast, interview, name)
    return interview


def allowed_people(name: str, state: str) -> set[str]:
    people = {HOLDER[role] for role in EXPECTED_TABLE[name][2]}
    if state not in ASSIGNED:
        people.discard("interviewer")
    return people


def test_the_transition_table_is_the_one_the_issue_describes():
    actual = {name: (set(t.sources), t.target, set(t.roles)) for name, t in TRANSITIONS.items()}
    assert actual == EXPECTED_TABLE
    assert set(PERSON_TRANSITIONS) == set(ACTS)
    assert {S.DECLINED, S.NOT_FEASIBLE, S.CLOSED, S.WITHDRAWN,
            S.UNABLE_TO_CONTACT} == TERMINAL


SUCCESSES = [
    (name, source, person)
    for name in PERSON_TRANSITIONS
    for source in sorted(TRANSITIONS[name].sources)
    for person in sorted(allowed_people(name, source))
]


@pytest.mark.parametrize(("name", "source", "person"), SUCCESSES)
def test_the_allowed_role_moves_the_case_and_writes_one_audit_row(cast, name, source, person):
    interview = case_for(cast, name, source)
    actor = getattr(cast, person)
    last_audit = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    ACTS[name](cast, interview, actor)
    interview.refresh_from_db()
    target = TRANSITIONS[name].target or source
    written = list(AuditEvent.objects.filter(id__gt=last_audit).order_by("id"))
    expected_actions = [f"interview.{name}"]
    # The IRO saves a recommendation as a draft (audited) before issuing it: the step.
    if name == "add_recommendation":
        expected_actions.insert(0, ReviewEvent.DRAFT_SAVED.value)
    # Sending the letter closes a case that has nothing else waiting: a second, system row.
    if name == "letter_sent" and source in TRANSITIONS["close"].sources:
        target = S.CLOSED
        expected_actions.append("interview.close")
    assert interview.state == target
    assert [e.action for e in written] == expected_actions
    step = next(e for e in written if e.action == f"interview.{name}")
    assert step.actor == actor
    assert step.object_id == interview.public_id
    assert step.detail["previous_state"] == source
    assert _effect_ok(name, cast, interview)


FORBIDDEN = [
    (name, person)
    for name in PERSON_TRANSITIONS
    for person in PEOPLE
    if person not in allowed_people(name, WHERE[name])
]


@pytest.mark.parametrize(("name", "person"), FORBIDDEN)
def test_every_other_person_is_refused_and_nothing_changes(cast, name, person):
    interview = case_for(cast, name, WHERE[name])
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=r"^Only .* can do this\.$"):
        ACTS[name](cast, interview, getattr(cast, person))
    assert snapshot(interview) == before


@pytest.mark.parametrize("name", PERSON_TRANSITIONS)
def test_the_same_role_in_another_organisation_is_refused(cast, other_cast, name):
    interview = case_for(cast, name, WHERE[name])
    before = snapshot(interview)
    for person in sorted(allowed_people(name, WHERE[name])):
        with pytest.raises(ActionRefused):
            ACTS[name](cast, interview, getattr(other_cast, person))
    assert snapshot(interview) == before


@pytest.mark.parametrize(("name", "person", "state", "message"), [
    ("consent_given", "other_social_worker", S.NOTIFIED, "allocated social worker"),
    ("consent_declined", "other_social_worker", S.NOTIFIED, "allocated social worker"),
    ("schedule", "other_interviewer", S.INTERVIEWER_ASSIGNED, "the assigned interviewer"),
    ("submit_record", "other_interviewer", S.SCHEDULED, "the assigned interviewer"),
    ("withdraw", "other_interviewer", S.SCHEDULED, "the assigned interviewer"),
    ("withdraw", "interviewer", S.CONSENTED, "the assigned interviewer"),
])
def test_holding_the_role_is_not_enough_it_must_be_for_this_young_person(
        cast, name, person, state, message):
    interview = case_for(cast, name, state)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match=message):
        ACTS[name](cast, interview, getattr(cast, person))
    assert snapshot(interview) == before


ILLEGAL = [
    (name, state)
    for name in PERSON_TRANSITIONS
    for state in sorted(s for s in State if s not in TRANSITIONS[name].sources)
]


@pytest.mark.parametrize(("name", "state"), ILLEGAL)
def test_a_transition_from_a_state_outside_its_sources_is_refused(cast, name, state):
    interview = case_for(cast, name, state)
    # The most entitled person: the allowed role, assigned where that can be.
    role = sorted(EXPECTED_TABLE[name][2])[0]
    before = snapshot(interview)
    with pytest.raises(ActionRefused) as refused:
        ACTS[name](cast, interview, getattr(cast, HOLDER[role]))
    if name == "submit_record" and state in HAS_RECORD:
        assert "already submitted and locked" in str(refused.value)
    else:
        assert str(refused.value) == f"This can't be done now: the case is “{state.label}”."
    assert snapshot(interview) == before


# The Unit Manager of the home, or a CSM, notifies a move; notify_move is not in the table
# because there is no case before it.
@pytest.mark.parametrize("person", PEOPLE)
def test_only_the_homes_unit_manager_or_a_csm_can_notify_a_move(cast, person):
    actor = getattr(cast, person)
    cases, audit = Interview.objects.count(), AuditEvent.objects.count()
    if person in {"unit_manager", "csm"}:
        interview = ia.notify_move(actor=actor, details=move_details(cast))
        assert interview.state == S.NOTIFIED
        event = AuditEvent.objects.get(action="interview.move_notified")
        assert (event.actor, event.object_id) == (actor, interview.public_id)
        assert AuditEvent.objects.count() == audit + 1
    else:
        with pytest.raises(ActionRefused):
            ia.notify_move(actor=actor, details=move_details(cast))
        assert (Interview.objects.count(), AuditEvent.objects.count()) == (cases, audit)


def test_another_homes_unit_manager_cannot_notify_a_move_from_this_home(cast):
    audit_rows = AuditEvent.objects.count()
    with pytest.raises(ActionRefused, match="Only a Unit Manager of this home"):
        ia.notify_move(actor=cast.other_unit_manager, details=move_details(cast))
    assert not Interview.objects.exists()
    assert AuditEvent.objects.count() == audit_rows
    # …but they can for their own home.
    ia.notify_move(actor=cast.other_unit_manager,
                   details=move_details(cast, setting=cast.other_home))
    assert Interview.objects.get().setting == cast.other_home


@pytest.mark.parametrize("name", ["responses_complete", "close"])
@pytest.mark.parametrize("person", PEOPLE)
def test_system_transitions_cannot_be_taken_by_a_person(cast, name, person):
    interview = make_case(cast, S.RESPONSES_COMPLETE if name == "close"
                          else S.RECOMMENDATIONS_ISSUED)
    assert not engine.may(getattr(cast, person), interview, name)
    with pytest.raises(ActionRefused, match="Leaver takes this step by itself"):
        engine.check(getattr(cast, person), interview, name)


def test_a_person_transition_cannot_be_taken_by_the_system(cast):
    interview = make_case(cast, S.INTERVIEWER_ASSIGNED)
    with pytest.raises(ActionRefused, match="must be taken by a person"):
        engine.check(None, interview, "schedule")
