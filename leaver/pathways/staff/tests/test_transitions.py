"""The office's transitions, through the real actions: in each state, who may take each step
(the headteacher of the school and any HR lead for it; the assigned interviewer may also send
a new link) and who is refused, with nothing changed. The steps Leaver takes by itself are
refused to every person."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.models import Interview, LeaverLink
from leaver.core.errors import ActionRefused
from leaver.pathways.staff import actions_offer
from leaver.pathways.staff.definition import TRANSITIONS
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import StaffCast, make_staff_case

ACTIONS: dict[str, Callable[..., object]] = {
    "send_offer": actions_offer.send_offer,
    "record_decline": actions_offer.record_decline,
    "withdraw": actions_offer.withdraw,
    "send_new_link": actions_offer.send_new_link,
}
LEADS = {"headteacher", "hr_lead"}
ALLOWED = {
    "send_offer": ({State.RECORDED, State.OFFERED}, LEADS),
    "record_decline": ({State.RECORDED, State.OFFERED}, LEADS),
    "withdraw": ({State.RECORDED, State.OFFERED, State.ACCEPTED, State.INTERVIEWER_ASSIGNED,
                  State.SCHEDULED}, LEADS),
    # Only where the leaver has a link to use; the interviewer once assigned.
    "send_new_link": ({State.OFFERED, State.AWAITING_CONFIRMATION}, LEADS | {"interviewer"}),
}
# The interviewer is assigned from "interviewer assigned" on (the cast's factory).
UNASSIGNED = {State.RECORDED, State.OFFERED, State.ACCEPTED, State.DECLINED, State.NO_RESPONSE}
NEVER = ("other_headteacher", "school_hr_lead", "staff_interviewer", "line_manager", "csm",
         "unit_manager", "social_worker", "iro", "safeguarding_lead", "senior_manager",
         "org_admin", "outsider")


def state_of(case: Interview) -> tuple[str, int, int]:
    return (Interview.objects.get(pk=case.pk).state,
            AuditEvent.objects.exclude(action__endswith="viewed").count(),
            LeaverLink.objects.count())


@pytest.mark.parametrize("name", sorted(ACTIONS))
@pytest.mark.parametrize("state", [s for s in State if s not in (
    State.INTERVIEWED, State.CORRECTIONS_REQUESTED, State.ACTIONS_AGREED)])
def test_who_may_take_each_office_step_in_each_state(staff: StaffCast, other_staff: StaffCast,
                                                     name: str, state: State):
    assert TRANSITIONS[name].roles  # a person's step
    case = make_staff_case(staff, state)
    states, allowed = ALLOWED[name]
    people = staff.people()
    refused = [people[p] for p in NEVER] + [other_staff.hr_lead, other_staff.headteacher]
    if "interviewer" not in allowed or state in UNASSIGNED:
        allowed = allowed - {"interviewer"}
        refused.append(staff.interviewer)
    if state not in states:
        refused += [people[p] for p in allowed]
    before = state_of(case)
    for person in refused:
        with pytest.raises(ActionRefused):
            ACTIONS[name](actor=person, interview=case)
        assert state_of(case) == before, person.full_name
    if state in states:
        for who in sorted(allowed):
            fresh = case if who == sorted(allowed)[-1] else make_staff_case(
                staff, state, email=f"{who}@home.example")
            audit_before = AuditEvent.objects.filter(action=TRANSITIONS[name].event).count()
            ACTIONS[name](actor=people[who], interview=fresh)
            fresh.refresh_from_db()
            assert fresh.state == (TRANSITIONS[name].target or state)
            assert AuditEvent.objects.filter(
                action=TRANSITIONS[name].event).count() == audit_before + 1


@pytest.mark.parametrize("name", ["send_offer", "record_decline", "withdraw", "send_new_link"])
def test_the_headteacher_never_acts_for_an_anonymous_leaver(staff, name):
    case = make_staff_case(staff, State.OFFERED, anonymous=True)
    with pytest.raises(ActionRefused):
        ACTIONS[name](actor=staff.headteacher, interview=case)
    ACTIONS[name](actor=staff.hr_lead, interview=case)


@pytest.mark.parametrize(("name", "state"), [
    ("offer_reminder", State.OFFERED), ("no_response", State.OFFERED),
    ("not_confirmed", State.AWAITING_CONFIRMATION)])
def test_leavers_own_deadline_steps_are_refused_to_every_person(staff, name, state):
    case = make_staff_case(staff, state)
    assert not TRANSITIONS[name].roles
    for person in staff.people().values():
        with pytest.raises(ActionRefused, match="Leaver takes this step by itself"):
            engine.check(person, case, name)
    engine.check(None, case, name)
