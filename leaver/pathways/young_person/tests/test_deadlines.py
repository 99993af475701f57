"""What is due on a young person's case: each step's due date in working days (weekends and
the nation's bank holidays skipped), how long it has waited, and how urgent it is; worked
out for a whole list in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from leaver.cases.deadlines import Urgency
from leaver.cases.models import Interview
from leaver.organisations.models import Deadlines
from leaver.pathways.young_person import actions
from leaver.pathways.young_person.deadlines import deadlines_of
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Recommendation
from leaver.testing import add_recommendation, happened_on, make_case

pytestmark = pytest.mark.django_db

D = dt.date
# Easter 2026 in England and Wales: Good Friday 3 April, Easter Monday 6 April. (Dates in the
# past: actions refuse some things dated in the future.)
THURSDAY_BEFORE_EASTER = D(2026, 4, 2)


def only(case, today):
    [deadline] = deadlines_of([case], today)[case.pk]
    return deadline


def test_the_consent_decision_is_due_five_working_days_after_the_move(cast):
    case = make_case(cast, State.NOTIFIED, on=THURSDAY_BEFORE_EASTER)
    deadline = only(case, D(2026, 4, 7))
    assert deadline.step == "consent"
    assert deadline.since == THURSDAY_BEFORE_EASTER
    # Friday and Monday are bank holidays: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    assert deadline.due == D(2026, 4, 13)
    assert deadline.waiting_days == 1
    assert deadline.urgency == Urgency.ON_TRACK
    assert only(case, D(2026, 4, 9)).urgency == Urgency.DUE_SOON
    assert only(case, D(2026, 4, 13)).urgency == Urgency.DUE_SOON  # due today
    late = only(case, D(2026, 4, 15))
    assert late.urgency == Urgency.OVERDUE
    assert late.waiting_days == 7
    assert late.days_overdue == 2


def test_a_weekend_is_not_a_working_day(cast):
    friday = D(2026, 6, 5)
    case = make_case(cast, State.NOTIFIED, on=friday)
    assert only(case, friday).due == D(2026, 6, 12)  # the next Friday
    # Saturday after the due date: overdue, but no working day late yet.
    saturday = only(case, D(2026, 6, 13))
    assert saturday.urgency == Urgency.OVERDUE
    assert saturday.days_overdue == 0


def test_each_step_has_its_own_deadline_and_start(cast):
    monday = D(2026, 6, 8)
    consented = make_case(cast, State.CONSENTED, on=monday)
    assigned = make_case(cast, State.INTERVIEWER_ASSIGNED, on=monday)
    scheduled = make_case(cast, State.SCHEDULED, on=monday)
    with_iro = make_case(cast, State.WITH_IRO, on=monday)
    today = D(2026, 6, 9)
    assert (only(consented, today).step, only(consented, today).due) == (
        "interviewer", D(2026, 6, 15))
    # 20 working days from consent, whoever is arranging it.
    assert (only(assigned, today).step, only(assigned, today).due) == (
        "interview", D(2026, 7, 6))
    assert only(scheduled, today).due == D(2026, 7, 6)
    assert (only(with_iro, today).step, only(with_iro, today).due) == (
        "review", D(2026, 6, 22))
    # Nothing is due on a case that has ended or waits only for the letter.
    for state in (State.DECLINED, State.CLOSED, State.NO_ACTION_NEEDED):
        assert deadlines_of([make_case(cast, state, on=monday)], today).popitem()[1] == []


def test_the_organisations_own_deadlines_are_used(cast, other_cast):
    Deadlines.objects.create(organisation=cast.org, consent_days=2, review_days=3)
    monday = D(2026, 6, 8)
    ours = make_case(cast, State.NOTIFIED, on=monday)
    theirs = make_case(other_cast, State.NOTIFIED, on=monday)
    found = deadlines_of([ours, theirs], monday)
    assert found[ours.pk][0].due == D(2026, 6, 10)
    assert found[theirs.pk][0].due == D(2026, 6, 15)  # the defaults


def test_a_reopened_case_waits_for_consent_from_when_it_was_reopened(cast):
    case = make_case(cast, State.DECLINED)
    case = actions.reopen(actor=cast.social_worker, interview=case,
                          reason="Phoned to say yes after all.")
    case = happened_on(case, D(2026, 6, 8))
    # The move itself was recorded a month earlier; it was reopened on Monday 8 June.
    Interview.objects.filter(pk=case.pk).update(created_at=F("created_at") - dt.timedelta(30))
    case.refresh_from_db()
    deadline = only(case, D(2026, 6, 9))
    assert deadline.since == D(2026, 6, 8)
    assert deadline.due == D(2026, 6, 15)


def test_each_recommendation_is_due_on_its_own_date(cast):
    case = make_case(cast, State.WITH_IRO)
    first = add_recommendation(cast, case)
    second = add_recommendation(cast, case, owner=cast.social_worker)
    Recommendation.objects.filter(pk=first.pk).update(due_date=D(2026, 6, 30))
    Recommendation.objects.filter(pk=second.pk).update(due_date=D(2026, 6, 10))
    case.refresh_from_db()
    found = deadlines_of([case], D(2026, 6, 15))[case.pk]
    assert [(d.step, d.item, d.due) for d in found] == [
        ("recommendation", str(second.public_id), D(2026, 6, 10)),
        ("recommendation", str(first.public_id), D(2026, 6, 30))]
    assert [d.urgency for d in found] == [Urgency.OVERDUE, Urgency.ON_TRACK]
    # Answered: no longer due.
    Recommendation.objects.filter(pk=second.pk).update(responded_at=first.created_at)
    assert [d.item for d in deadlines_of([case], D(2026, 6, 15))[case.pk]] == [
        str(first.public_id)]


def test_a_list_costs_the_same_few_queries_however_long(cast):
    def queries(cases):
        with CaptureQueriesContext(connection) as captured:
            deadlines_of(cases, D(2026, 6, 9), people=True)
        return len(captured)

    few = [make_case(cast, State.NOTIFIED), make_case(cast, State.WITH_IRO)]
    many = few + [make_case(cast, state) for state in (
        State.NOTIFIED, State.CONSENTED, State.SCHEDULED, State.WITH_IRO,
        State.RECOMMENDATIONS_ISSUED, State.RECOMMENDATIONS_ISSUED)]
    assert queries(many) == queries(few)
