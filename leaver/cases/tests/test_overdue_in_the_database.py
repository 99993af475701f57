"""Issue 12: the lists filter and count "overdue" in the database (leaver.cases.deadlines.
late_before and each pathway's `overdue`), and must say exactly what the deadlines worked out
in Python say, day after day: across weekends, the Christmas bank holidays, a reopened
consent and recommendations due on their own dates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.deadlines import late_before
from leaver.cases.models import Interview
from leaver.core.working_days import add_working_days
from leaver.organisations.queries import deadlines_for
from leaver.pathways.staff import deadlines as staff_deadlines
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.pathways.young_person import actions
from leaver.pathways.young_person import deadlines as yp_deadlines
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.states import State
from leaver.testing import happened_on, make_case

pytestmark = pytest.mark.django_db

# A Monday ten days before Christmas 2025: the days after it cross two bank holidays on
# working days (25 and 26 December) and New Year's Day.
START = dt.date(2025, 12, 15)


def late_in_python(cases: list[Interview], today: dt.date, deadlines_of, keep) -> set[int]:
    found = deadlines_of(cases, today)
    return {pk for pk, due in found.items() if any(d.is_overdue for d in keep(due))}


def late_in_the_database(cases: list[Interview], where) -> set[int]:
    return set(Interview.objects.filter(pk__in=[c.pk for c in cases]).filter(
        where).values_list("pk", flat=True))


def test_late_before_is_the_last_start_that_is_overdue():
    for offset in range(60):
        today = START + dt.timedelta(days=offset)
        for days in (0, 1, 5, 10):
            cut = timezone.localdate(late_before(today, days, "england"))
            # Started the day before the cut-off: overdue; on it: not.
            last_late = cut - dt.timedelta(days=1)
            assert add_working_days(last_late, days, "england") < today
            assert add_working_days(cut, days, "england") >= today


def test_young_persons_overdue_filter_says_what_the_deadlines_say(cast):
    cases = [happened_on(make_case(cast, state, leaver_name=f"Case {n}"), START)
             for n, state in enumerate((State.NOTIFIED, State.CONSENTED, State.SCHEDULED,
                                        State.WITH_IRO, State.RECOMMENDATIONS_ISSUED))]
    # Declined, then reopened eight days later: the consent's clock starts again then.
    declined = make_case(cast, State.DECLINED, leaver_name="Reopened")
    reopened = actions.reopen(actor=cast.social_worker, interview=declined, reason="Changed")
    reopened = happened_on(reopened, START)
    AuditEvent.objects.filter(object_id=reopened.public_id,
                              action=YoungPersonEvent.REOPEN.value).update(
        at=timezone.now().replace(year=2025, month=12, day=23))
    cases.append(reopened)
    settings = deadlines_for([cast.org.pk])[cast.org.pk]
    seen: set[int] = set()
    for offset in range(45):
        today = START + dt.timedelta(days=offset)
        expected = late_in_python(cases, today, yp_deadlines.deadlines_of,
                                  yp_deadlines.on_case_lists)
        assert late_in_the_database(cases, yp_deadlines.overdue(
            settings, cast.org.nation, today)) == expected, today
        seen |= expected
    assert seen == {c.pk for c in cases}  # each became overdue at some point


def test_staff_overdue_filter_says_what_the_deadlines_say(db):
    staff = make_staff_cast("north")
    cases = [make_staff_case(staff, state, name=f"Leaver {n}", email=f"l{n}@school.example")
             for n, state in enumerate((StaffState.OFFERED, StaffState.AWAITING_CONFIRMATION,
                                        StaffState.CONFIRMED, StaffState.RECORDED))]
    # Signed by the leaver (the factory sets the state): the action plan's clock starts.
    signed = next(t for t in engine.definition_of(cases[2]).transitions.values()
                  if t.target == StaffState.CONFIRMED)
    engine.record_event(None, cases[2], signed.event)
    org = staff.yp.org
    settings = deadlines_for([org.pk])[org.pk]
    seen: set[int] = set()
    for offset in range(-2, 50):
        today = timezone.localdate() + dt.timedelta(days=offset)
        expected = late_in_python(cases, today, staff_deadlines.deadlines_of, lambda d: d)
        assert late_in_the_database(cases, staff_deadlines.overdue(
            settings, org.nation, today)) == expected, today
        seen |= expected
    # The reply, the check and the action plan; "recorded" never.
    assert seen == {c.pk for c in cases[:3]}
