"""The steps Leaver takes by itself, with fixed dates: ONE reminder to the leaver halfway to
the reply date (or at it), "no response" after it, and "not confirmed" once the date to
check the record has passed. Safe to run again."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases import links, reminders
from leaver.cases.models import Confirmation, LeaverLink, LinkPurpose
from leaver.notifications import schedule
from leaver.pathways.staff import system
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case

SENT = dt.date(2027, 3, 1)  # a Monday
DUE = dt.date(2027, 3, 15)  # ten working days later
HALFWAY = dt.date(2027, 3, 8)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=timezone.get_current_timezone())


@pytest.fixture
def offered(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_staff_case(staff, State.OFFERED)
    leaver = case.staff_leaver
    leaver.offer_sent_at, leaver.reply_due = at(SENT), DUE
    leaver.save()
    mail.outbox.clear()
    return case


def run(day: dt.date, capture) -> dict[str, int]:
    with capture(execute=True):
        return system.run(at(day))


def test_the_steps_are_registered_with_the_schedule_and_the_reminders():
    assert "staff.system_steps" in {job.name for job in schedule.jobs()}
    # The action plan is chased by leaver.reviews, once (not by a staff source as well).
    assert "reviews" in reminders._SOURCES
    assert "staff" not in reminders._SOURCES


def test_halfway_is_counted_in_working_days():
    assert system.remind_on(SENT, DUE, "england") == HALFWAY


def test_one_reminder_halfway_then_no_response_after_the_reply_date(
        offered, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    emailed = LeaverLink.objects.get(interview=offered)
    assert run(HALFWAY - dt.timedelta(days=1), capture)["offer_reminder"] == 0
    assert mail.outbox == []

    assert run(HALFWAY, capture)["offer_reminder"] == 1
    [message] = mail.outbox
    assert message.to == ["morgan.price@home.example"]
    assert "reminder" in message.body
    assert "voluntary" in message.body
    token = message.body.split("/you/", 1)[1].split("/", 1)[0]
    assert links.open_link(token).interview == offered
    emailed.refresh_from_db()
    assert emailed.ended_at is not None  # the new link replaced the first
    offered.staff_leaver.refresh_from_db()
    assert offered.staff_leaver.reminder_sent_at == at(HALFWAY)

    # Only one reminder, however often the job runs, up to and on the reply date.
    for day in (HALFWAY, HALFWAY + dt.timedelta(days=1), DUE):
        assert run(day, capture) == {"offer_reminder": 0, "no_response": 0,
                                     "not_confirmed": 0}
    assert len(mail.outbox) == 1
    offered.refresh_from_db()
    assert offered.state == State.OFFERED

    assert run(DUE + dt.timedelta(days=1), capture)["no_response"] == 1
    offered.refresh_from_db()
    assert offered.state == State.NO_RESPONSE
    assert not LeaverLink.objects.filter(interview=offered, ended_at__isnull=True).exists()
    assert AuditEvent.objects.filter(action=StaffEvent.OFFER_REMINDER).count() == 1
    assert AuditEvent.objects.filter(action=StaffEvent.NO_RESPONSE, actor=None).count() == 1
    assert run(DUE + dt.timedelta(days=2), capture)["no_response"] == 0


def test_a_missed_halfway_point_still_gets_its_reminder_on_the_reply_date(
        offered, django_capture_on_commit_callbacks):
    assert run(DUE, django_capture_on_commit_callbacks)["offer_reminder"] == 1
    assert len(mail.outbox) == 1


def test_a_record_not_signed_by_its_date_is_kept_as_not_confirmed(
        staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, State.AWAITING_CONFIRMATION)
    record = case.record
    record.confirmation_due = dt.date(2027, 3, 10)
    record.save()
    links.issue(case=case, purpose=LinkPurpose.REVIEW, actor=None)
    capture = django_capture_on_commit_callbacks
    assert run(dt.date(2027, 3, 10), capture)["not_confirmed"] == 0
    assert run(dt.date(2027, 3, 11), capture)["not_confirmed"] == 1
    case.refresh_from_db()
    record.refresh_from_db()
    assert case.state == State.NOT_CONFIRMED
    assert record.confirmation == Confirmation.NOT_CONFIRMED
    assert not LeaverLink.objects.filter(interview=case, ended_at__isnull=True,
                                         used_at__isnull=True).exists()
    assert run(dt.date(2027, 3, 12), capture)["not_confirmed"] == 0


def test_cases_in_other_states_are_left_alone(staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, State.SCHEDULED)
    assert run(dt.date(2099, 1, 1), django_capture_on_commit_callbacks) == {
        "offer_reminder": 0, "no_response": 0, "not_confirmed": 0}
    case.refresh_from_db()
    assert case.state == State.SCHEDULED
