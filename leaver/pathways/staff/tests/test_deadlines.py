"""What is due on a staff case and who is chased: the leaver's reply and check are shown but
never sent to the reminders (Leaver takes those steps itself); the action plan (the review
of leaver.reviews) is chased with the school's leads (not the headteacher of an anonymous
leaver)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases import engine, reminders
from leaver.cases.deadlines import due_after
from leaver.pathways.staff import deadlines
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case

SIGNED = dt.date(2027, 3, 1)


def signed_on(case, day: dt.date) -> None:
    engine.record_event(None, case, StaffEvent.SIGNED)
    AuditEvent.objects.filter(action=StaffEvent.SIGNED, object_id=case.public_id).update(
        at=dt.datetime.combine(day, dt.time(10), tzinfo=timezone.get_current_timezone()))


def test_the_reply_is_shown_with_its_date_but_not_chased(staff):
    case = make_staff_case(staff, State.OFFERED)
    [reply] = deadlines.deadlines_of([case], timezone.localdate(), people=True)[case.pk]
    assert reply.step == deadlines.REPLY
    assert reply.due == case.staff_leaver.reply_due
    assert reply.holders == ()
    later = dt.datetime.combine(reply.due + dt.timedelta(days=30), dt.time(9),
                                tzinfo=timezone.get_current_timezone())
    assert [c for c in reminders.scan(later) if c.deadline.case == case] == []


def test_the_action_plan_is_due_after_the_signature_and_held_by_the_leads(staff):
    case = make_staff_case(staff, State.CONFIRMED)
    signed_on(case, SIGNED)
    due = due_after(SIGNED, 15, "england")
    [plan] = deadlines.deadlines_of([case], due, people=True)[case.pk]
    assert (plan.step, plan.since, plan.due) == ("review", SIGNED, due)
    assert set(plan.holders) == {staff.headteacher, staff.hr_lead}
    assert not plan.is_overdue


def test_the_headteacher_is_not_told_of_an_anonymous_leaver(staff):
    case = make_staff_case(staff, State.CONFIRMED, anonymous=True)
    signed_on(case, SIGNED)
    [plan] = deadlines.deadlines_of([case], dt.date(2027, 12, 1), people=True)[case.pk]
    assert set(plan.holders) == {staff.hr_lead}


def test_the_reminders_scan_chases_the_action_plan_with_the_leads(
        staff, django_capture_on_commit_callbacks):
    from django.core import mail

    case = make_staff_case(staff, State.CONFIRMED)
    signed_on(case, SIGNED)
    due = due_after(SIGNED, 15, "england")
    on_due = dt.datetime.combine(due, dt.time(9), tzinfo=timezone.get_current_timezone())
    with django_capture_on_commit_callbacks(execute=True):
        chased = [c for c in reminders.scan(on_due) if c.deadline.case == case]
    assert {c.to for c in chased} == {staff.headteacher, staff.hr_lead}
    sent_to = {address for m in mail.outbox for address in m.to}
    assert {staff.headteacher.email, staff.hr_lead.email} <= sent_to
    assert "morgan.price@home.example" not in sent_to
