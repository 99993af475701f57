"""The reminders: on the due date whoever holds the step is reminded; from the next working
day they are told it is overdue and the CSMs get an escalation; both repeat every two working
days until the step is done. Every message has a dedupe key naming its round, so running the
scan again queues nothing new (the outbox keeps one message per key). Nobody else is told,
and no email names the young person."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail

from leaver.cases.reminders import ChaseKind, scan
from leaver.pathways.young_person import actions
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Recommendation
from leaver.testing import add_recommendation, make_case

pytestmark = pytest.mark.django_db

D = dt.date
# Dates in the past (actions refuse some things dated in the future); no bank holiday in March.
MONDAY = D(2026, 3, 2)  # the consent decision is due five working days later: Monday 9 March


def at(day: dt.date, hour: int = 7) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=dt.UTC)


def sent(day: dt.date) -> list[tuple[str, str]]:
    """(kind, who) of what one scan on `day` queued."""
    return sorted((c.kind.value, c.to.full_name) for c in scan(at(day)))


def keys(day: dt.date, hour: int = 7) -> set[str]:
    return {c.dedupe_key for c in scan(at(day, hour))}


def test_nothing_is_sent_before_the_due_date(cast):
    make_case(cast, State.NOTIFIED, on=MONDAY)
    assert scan(at(D(2026, 3, 6))) == []


def test_the_holder_is_reminded_on_the_due_date_and_nobody_else(
        cast, other_cast, django_capture_on_commit_callbacks):
    case = make_case(cast, State.NOTIFIED, on=MONDAY, leaver_name="Jordan Ellis")
    make_case(other_cast, State.NOTIFIED, on=D(2026, 3, 4))  # due on the 11th
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        chases = scan(at(D(2026, 3, 9)))
    assert [(c.kind, c.to) for c in chases] == [(ChaseKind.REMINDER, cast.social_worker)]
    [email] = mail.outbox
    assert email.to == [cast.social_worker.email]
    assert email.subject == "Leaver: Due today: Record the young person's consent decision"
    assert "What to do: Record the young person's consent decision" in email.body
    assert re.search(r"^By: (Monday )?9 March 2026$", str(email.body), re.MULTILINE)
    assert f"/cases/{case.public_id}/" in email.body
    assert "Jordan" not in f"{email.subject} {email.body}"  # no personal data


def test_an_overdue_step_is_escalated_to_the_csm_and_repeats_every_two_working_days(cast):
    make_case(cast, State.NOTIFIED, on=MONDAY)
    assert sent(D(2026, 3, 10)) == sorted([("escalation", cast.csm.full_name),
                                           ("overdue", cast.social_worker.full_name)])
    # Reminders may wait for a daily digest; an escalation goes at once.
    assert {(c.kind.value, c.digestible) for c in scan(at(D(2026, 3, 10)))} == {
        ("overdue", True), ("escalation", False)}
    assert all(c.digestible for c in scan(at(D(2026, 3, 9))))
    rounds = {day: keys(D(2026, 3, day)) for day in (9, 10, 11, 12, 13, 16)}
    # A round lasts two working days: the 11th repeats the 10th's keys, so nothing new is
    # queued; the 12th is a new round and the 13th repeats it; after the weekend, Monday the
    # 16th is the next.
    assert rounds[11] == rounds[10]
    assert rounds[13] == rounds[12]
    assert len({frozenset(k) for k in rounds.values()}) == 4  # the 9th, 10th, 12th, 16th
    assert not rounds[9] & rounds[10]
    assert not rounds[12] & rounds[16]


def test_a_scan_run_again_queues_the_same_keys_only(cast):
    make_case(cast, State.NOTIFIED, on=MONDAY)
    make_case(cast, State.WITH_IRO, on=D(2026, 2, 16))  # the review was due on 2 March
    first = keys(D(2026, 3, 10), hour=7)
    # The social worker and the IRO, and the CSM about each case.
    assert len(first) == 4
    assert keys(D(2026, 3, 10), hour=15) == first


def test_a_step_done_is_no_longer_chased(cast):
    case = make_case(cast, State.NOTIFIED, on=MONDAY)
    assert scan(at(D(2026, 3, 10)))
    actions.record_consent(actor=cast.social_worker, interview=case, outcome="consent_given",
                           reason="", may_quote=False, statement=cast.statement)
    # Consent is recorded now, months later: choosing the interviewer is not due in March.
    assert scan(at(D(2026, 3, 10))) == []


def test_each_step_is_chased_to_its_own_holder(cast):
    make_case(cast, State.CONSENTED, on=MONDAY)
    make_case(cast, State.SCHEDULED, on=MONDAY)
    make_case(cast, State.WITH_IRO, on=MONDAY)
    # Due: the interviewer chosen 9 March, the record reviewed 16 March, the interview held
    # 30 March.
    on_the_30th = sorted((c.deadline.step, c.kind.value, c.to.full_name)
                         for c in scan(at(D(2026, 3, 30))))
    assert on_the_30th == sorted([
        ("interviewer", "overdue", cast.csm.full_name),  # the CSM holds it: no escalation
        ("interview", "reminder", cast.interviewer.full_name),
        ("review", "overdue", cast.iro.full_name),
        ("review", "escalation", cast.csm.full_name),
    ])


def test_an_overdue_recommendation_goes_to_its_owner_then_the_csm_and_the_iro(cast):
    case = make_case(cast, State.WITH_IRO, on=D(2026, 2, 2))
    rec = add_recommendation(cast, case, owner=cast.unit_manager)
    Recommendation.objects.filter(pk=rec.pk).update(due_date=MONDAY)
    # The review is done (a recommendation was issued): only the recommendation is due.
    assert sent(MONDAY) == [("reminder", cast.unit_manager.full_name)]
    assert sent(D(2026, 3, 3)) == sorted([
        ("overdue", cast.unit_manager.full_name), ("escalation", cast.csm.full_name),
        ("escalation", cast.iro.full_name)])


def test_people_whose_accounts_are_switched_off_are_not_chased(cast):
    make_case(cast, State.NOTIFIED, on=MONDAY)
    cast.social_worker.is_active = False
    cast.social_worker.save()
    assert sent(D(2026, 3, 10)) == [("escalation", cast.csm.full_name)]
