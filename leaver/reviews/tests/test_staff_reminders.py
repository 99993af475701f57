"""The staff action plan is chased like the IRO's review: it is due `action_plan_days`
working days after the leaver confirmed the record (or the record was kept as not confirmed);
on the due date the headteacher and HR lead are reminded, and after it told it is overdue.
An action is chased to its owner on its due date, then escalated to whoever issued it. No
email names the leaver."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from leaver.cases.reminders import scan
from leaver.pathways.staff.states import State
from leaver.reviews import actions as ra
from leaver.reviews.deadlines import review_deadlines_of
from leaver.reviews.models import Recommendation
from leaver.reviews.tests.staff_cast import StaffCast, make_staff_case, make_staff_cast

pytestmark = pytest.mark.django_db

D = dt.date
MONDAY = D(2026, 3, 2)  # confirmed: the action plan (15 working days) is due Monday 23 March


@pytest.fixture
def staff() -> StaffCast:
    return make_staff_cast()


def at(day: dt.date, hour: int = 7) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def sent(day: dt.date) -> list[tuple[str, str, str]]:
    return sorted((c.deadline.step, c.kind.value, c.to.full_name) for c in scan(at(day)))


def test_the_action_plan_is_due_fifteen_working_days_after_the_record_was_confirmed(staff):
    case = make_staff_case(staff, reached_on=MONDAY)
    [deadline] = review_deadlines_of([case], D(2026, 3, 20))[case.pk]
    assert (deadline.step, deadline.since, deadline.due) == ("review", MONDAY, D(2026, 3, 23))
    assert deadline.url == f"/cases/{case.public_id}/review/"
    assert "young person" not in deadline.action


@pytest.mark.parametrize("state", [State.CONFIRMED, State.NOT_CONFIRMED])
def test_the_headteacher_and_hr_lead_are_reminded_then_told_it_is_overdue(
        staff, state, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, state, reached_on=MONDAY)
    assert scan(at(D(2026, 3, 20))) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert sent(D(2026, 3, 23)) == sorted(
            ("review", "reminder", u.full_name) for u in (staff.headteacher, staff.hr_lead))
    assert sent(D(2026, 3, 24)) == sorted(
        ("review", "overdue", u.full_name) for u in (staff.headteacher, staff.hr_lead))
    assert mail.outbox
    for email in mail.outbox:
        assert f"/cases/{case.public_id}/review/" in email.body
        assert "Morgan" not in f"{email.subject} {email.body}"
        assert "young person" not in f"{email.subject} {email.body}"


def test_an_anonymous_leavers_action_plan_is_chased_to_the_hr_lead_only(staff):
    make_staff_case(staff, anonymous=True, reached_on=MONDAY)
    assert sent(D(2026, 3, 24)) == [("review", "overdue", staff.hr_lead.full_name)]


def test_a_recorded_review_is_no_longer_chased(staff):
    case = make_staff_case(staff, reached_on=MONDAY)
    ra.record_no_action(actor=staff.hr_lead, interview=case, reason="Nothing to change.")
    assert scan(at(D(2026, 3, 24))) == []


def test_an_overdue_action_goes_to_its_owner_then_to_whoever_issued_it(
        staff, django_capture_on_commit_callbacks):
    case = make_staff_case(staff, reached_on=D(2026, 2, 2))
    rec = ra.add_recommendation(
        actor=staff.headteacher, interview=case, text="Talk to the team.", owner=staff.owner,
        due_date=timezone.localdate() + dt.timedelta(days=28), share_record=False)
    Recommendation.objects.filter(pk=rec.pk).update(due_date=MONDAY)
    # The action plan is agreed: only the action is due.
    assert sent(MONDAY) == [("recommendation", "reminder", staff.owner.full_name)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert sent(D(2026, 3, 3)) == sorted([
            ("recommendation", "overdue", staff.owner.full_name),
            ("recommendation", "escalation", staff.headteacher.full_name)])
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == ["Leaver: Overdue on a case: Respond to an action",
                        "Leaver: Overdue: Respond to an action"]
    ra.respond(actor=staff.owner, recommendation=rec, kind="will_act", text="Done.")
    assert scan(at(D(2026, 3, 5))) == []


def test_a_scan_run_again_queues_the_same_keys_only(staff):
    make_staff_case(staff, reached_on=MONDAY)
    first = {c.dedupe_key for c in scan(at(D(2026, 3, 24)))}
    assert len(first) == 2
    assert {c.dedupe_key for c in scan(at(D(2026, 3, 24), hour=15))} == first
