"""Escalation with time travel: a concern not acknowledged within the organisation's working
hours (default 4, 09:00–17:00 on working days) goes to the deputies and the CSMs, and again
every further period until acknowledged. The scan is safe to run twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from leaver.audit.models import AuditEvent
from leaver.core.working_days import UK, Nation
from leaver.organisations.models import Role
from leaver.pathways.young_person.states import State
from leaver.safeguarding import actions, config
from leaver.safeguarding.escalation import scan
from leaver.safeguarding.models import Concern, SafeguardingSettings
from leaver.safeguarding.tests.helpers import raise_one
from leaver.testing import make_case, make_user

FRIDAY_4PM = dt.datetime(2027, 3, 5, 16, 0, tzinfo=UK)
MONDAY_NOON = dt.datetime(2027, 3, 8, 12, 0, tzinfo=UK)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2027, 3, day, hour, minute, tzinfo=UK)


@pytest.fixture
def concern(cast) -> Concern:
    return raise_one(cast, make_case(cast, State.SCHEDULED), at=FRIDAY_4PM)


def scanned(now: dt.datetime, capture) -> tuple[int, list[tuple[str, str]]]:
    mail.outbox.clear()
    with capture(execute=True):
        count = scan(now)
    return count, sorted((m.to[0], str(m.subject)) for m in mail.outbox)


def test_due_after_four_working_hours_over_the_weekend(concern):
    assert concern.acknowledge_by == MONDAY_NOON
    assert concern.next_escalation_at == MONDAY_NOON


def test_a_bank_holiday_in_wales_moves_it_on(cast):
    cast.org.nation = Nation.WALES
    cast.org.save()
    # Good Friday 2027 is 26 March; Easter Monday 29 March (both England and Wales).
    concern = raise_one(cast, make_case(cast, State.SCHEDULED), at=at(25, 15))
    assert concern.acknowledge_by == dt.datetime(2027, 3, 30, 11, 0, tzinfo=UK)


def test_escalates_to_the_deputies_and_the_csm_and_repeats(
        cast, concern, django_capture_on_commit_callbacks):
    capture = django_capture_on_commit_callbacks
    deputy = make_user(cast.org, "North Dee Deputy", Role.SAFEGUARDING_LEAD)
    settings = SafeguardingSettings.objects.create(organisation=cast.org)
    settings.deputies.set([deputy])
    assert scanned(at(8, 11, 59), capture) == (0, [])
    count, sent = scanned(MONDAY_NOON, capture)
    assert count == 1
    assert [to for to, _subject in sent] == sorted([deputy.email, cast.csm.email])
    assert all("not acknowledged by 12:00 on Monday 8 March 2027" in s for _to, s in sent)
    concern.refresh_from_db()
    assert (concern.escalations, concern.next_escalation_at) == (1, at(8, 16))
    # Run again at the same moment (or by a second worker): nothing more.
    assert scanned(MONDAY_NOON, capture) == (0, [])
    assert scanned(at(8, 15, 59), capture) == (0, [])
    # Every further four working hours until acknowledged.
    assert scanned(at(8, 16), capture)[0] == 1
    concern.refresh_from_db()
    assert (concern.escalations, concern.next_escalation_at) == (2, at(9, 12))
    actions.acknowledge(actor=cast.safeguarding_lead, concern=concern, at=at(9, 10))
    assert scanned(at(9, 12), capture) == (0, [])
    assert scanned(at(20, 12), capture) == (0, [])
    rounds = AuditEvent.objects.filter(action="safeguarding.escalated").order_by("id")
    assert list(rounds.values_list("detail__round", flat=True)) == [1, 2]


def test_the_csm_link_is_the_case_and_the_deputy_link_the_concern(
        cast, concern, django_capture_on_commit_callbacks):
    _count, _sent = scanned(MONDAY_NOON, django_capture_on_commit_callbacks)
    bodies = {m.to[0]: str(m.body) for m in mail.outbox}
    # No deputy ticked: every lead is a deputy.
    assert f"/safeguarding/concerns/{concern.public_id}/" in bodies[cast.safeguarding_lead.email]
    assert f"/cases/{concern.interview.public_id}/" in bodies[cast.csm.email]
    assert "Jordan" not in " ".join(bodies.values())


def test_a_late_scan_escalates_once_and_looks_ahead(cast, concern,
                                                    django_capture_on_commit_callbacks):
    """The worker was down all Monday: Tuesday's scan sends one round, not three."""
    count, _sent = scanned(at(9, 10), django_capture_on_commit_callbacks)
    assert count == 1
    concern.refresh_from_db()
    assert (concern.escalations, concern.next_escalation_at) == (1, at(9, 12))


def test_a_concern_acknowledged_in_time_never_escalates(
        cast, concern, django_capture_on_commit_callbacks):
    actions.acknowledge(actor=cast.safeguarding_lead, concern=concern, at=at(8, 9, 30))
    assert scanned(at(31, 12), django_capture_on_commit_callbacks) == (0, [])
    assert not AuditEvent.objects.filter(action="safeguarding.escalated").exists()
    assert AuditEvent.objects.get(action="safeguarding.acknowledged").detail["late"] is False


def test_the_organisations_hours_set_the_time(cast):
    SafeguardingSettings.objects.create(organisation=cast.org, acknowledge_hours=1)
    concern = raise_one(cast, make_case(cast, State.SCHEDULED), at=FRIDAY_4PM)
    assert concern.acknowledge_by == FRIDAY_4PM + dt.timedelta(hours=1)
    assert config.deputies(cast.org.pk) == [cast.safeguarding_lead]
