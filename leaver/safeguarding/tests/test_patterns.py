"""Patterns: young people at the same place with a concern within the organisation's period
(default 2 in 12 months). Reaching the count tells the safeguarding leads and the CSMs once;
the cases are listed for the leads on the pattern's page, never in the email."""

from __future__ import annotations

import datetime as dt
import html
import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.working_days import UK
from leaver.pathways.young_person.states import State
from leaver.safeguarding import patterns, raising
from leaver.safeguarding.models import Pattern, SafeguardingSettings, Source
from leaver.safeguarding.patterns import months_before
from leaver.safeguarding.tests.helpers import UNSAFE, raise_one, recording_case, save_section
from leaver.testing import PEOPLE, make_case

JAN = dt.datetime(2027, 1, 10, 10, 0, tzinfo=UK)


def young_person(cast, name: str, home=None):
    case = make_case(cast, State.SCHEDULED, leaver_name=name)
    if home is not None:  # moved by the CSM; the cast's Unit Manager runs Oak House only
        Interview.objects.filter(pk=case.pk).update(setting=home)
        case.refresh_from_db()
    return case


def test_the_second_young_person_at_a_home_makes_a_pattern(
        cast, django_capture_on_commit_callbacks):
    raise_one(cast, young_person(cast, "Alex One"), at=JAN)
    assert not Pattern.objects.exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = raise_one(cast, young_person(cast, "Bo Two"), at=JAN + dt.timedelta(days=200))
    pattern = Pattern.objects.get()
    assert (pattern.setting, pattern.count, pattern.months, pattern.crossing) == (
        cast.home, 2, 12, second)
    told = sorted(m.to[0] for m in mail.outbox if "have reached 2 in 12 months" in m.subject)
    assert told == sorted([cast.safeguarding_lead.email, cast.csm.email])
    for message in mail.outbox:
        for private in ("Alex", "Bo Two", "Oak House"):
            assert private not in f"{message.subject} {message.body}"
    assert AuditEvent.objects.filter(action="safeguarding.pattern_noticed").count() == 1


def test_more_concerns_past_the_count_tell_nobody_again(cast):
    for number, name in enumerate(["Alex One", "Bo Two", "Cy Three"]):
        raise_one(cast, young_person(cast, name), at=JAN + dt.timedelta(days=number))
    assert Pattern.objects.count() == 1


def test_two_concerns_about_one_young_person_are_not_a_pattern(cast):
    case = young_person(cast, "Alex One")
    raise_one(cast, case, at=JAN)
    raise_one(cast, case, at=JAN + dt.timedelta(days=1))
    assert not Pattern.objects.exists()


def test_other_homes_and_old_concerns_do_not_count(cast):
    raise_one(cast, young_person(cast, "Alex One", cast.other_home), at=JAN)
    raise_one(cast, young_person(cast, "Old One"), at=JAN - dt.timedelta(days=400))
    raise_one(cast, young_person(cast, "Bo Two"), at=JAN)
    assert not Pattern.objects.exists()


def test_the_organisations_count_and_period_apply(cast):
    SafeguardingSettings.objects.create(organisation=cast.org, pattern_count=3,
                                        pattern_months=1)
    raise_one(cast, young_person(cast, "Alex One"), at=JAN)
    raise_one(cast, young_person(cast, "Bo Two"), at=JAN + dt.timedelta(days=1))
    assert not Pattern.objects.exists()
    # A month on, Alex's and Bo's are out of the period: counting starts again.
    for days, name in ((36, "Cy Three"), (37, "Di Four")):
        raise_one(cast, young_person(cast, name), at=JAN + dt.timedelta(days=days))
        assert not Pattern.objects.exists()
    last = raise_one(cast, young_person(cast, "Ed Five"), at=JAN + dt.timedelta(days=38))
    pattern = Pattern.objects.get()
    assert (pattern.count, pattern.months, pattern.crossing) == (3, 1, last)


def test_trigger_answers_count_too(cast):
    raise_one(cast, young_person(cast, "Alex One"))
    save_section(cast, recording_case(cast, leaver_name="Bo Two"), **UNSAFE)
    assert Pattern.objects.get().count == 2


@pytest.mark.parametrize("person", PEOPLE)
def test_the_pattern_page(cast, client, person):
    raise_one(cast, young_person(cast, "Alex One"))
    raise_one(cast, young_person(cast, "Bo Two"))
    pattern = Pattern.objects.get()
    client.force_login(getattr(cast, person))
    response = client.get(f"/safeguarding/patterns/{pattern.public_id}/")
    if person not in ("safeguarding_lead", "csm"):
        assert response.status_code == 404
        return
    page = html.unescape(response.content.decode())
    assert "2 young people at Oak House" in page
    # The cases only for the leads.
    assert ("Alex One" in page and "Bo Two" in page) == (person == "safeguarding_lead")
    assert AuditEvent.objects.filter(action="safeguarding.pattern_viewed").count() == 1


def test_another_organisations_lead_cannot_see_a_pattern(cast, other_cast, client):
    raise_one(cast, young_person(cast, "Alex One"))
    raise_one(cast, young_person(cast, "Bo Two"))
    client.force_login(other_cast.safeguarding_lead)
    pattern = Pattern.objects.get()
    assert client.get(f"/safeguarding/patterns/{pattern.public_id}/").status_code == 404


def test_the_leads_list_shows_the_pattern(cast, client):
    raise_one(cast, young_person(cast, "Alex One"))
    raise_one(cast, young_person(cast, "Bo Two"))
    client.force_login(cast.safeguarding_lead)
    page = html.unescape(client.get("/safeguarding/").content.decode())
    assert "Oak House: 2 young people with a concern within 12 months" in page


@pytest.mark.parametrize(("moment", "months", "expected"), [
    (dt.datetime(2027, 3, 31, 9, tzinfo=UK), 1, dt.datetime(2027, 2, 28, 9, tzinfo=UK)),
    (dt.datetime(2027, 1, 15, 9, tzinfo=UK), 12, dt.datetime(2026, 1, 15, 9, tzinfo=UK)),
    (dt.datetime(2028, 2, 29, 9, tzinfo=UK), 12, dt.datetime(2027, 2, 28, 9, tzinfo=UK)),
])
def test_months_before(moment, months, expected):
    assert months_before(moment, months) == expected


@pytest.mark.django_db(transaction=True)
def test_two_concerns_raised_at_once_at_one_place_make_the_pattern(cast):
    """Two interviews at one home saved at the same moment, each raising a concern: counted
    one after the other (the place's row lock), so the crossing is noticed. On PostgreSQL
    only, as threads: SQLite lets one writer in at a time, so it runs them in turn."""
    cases = [young_person(cast, "Alex One"), young_person(cast, "Bo Two")]
    if connection.vendor != "postgresql":
        # SQLite lets one writer in at a time, so the two raisings cannot overlap there: the
        # same two, one after the other, must still make the pattern (nothing is skipped).
        for case in cases:
            with transaction.atomic():
                patterns.notice(raising._new_concern(case=case, source=Source.ANSWER,
                                                     actor=cast.interviewer, at=timezone.now()))
        assert Pattern.objects.count() == 1
        return
    both_raised = threading.Barrier(2)
    errors: list[BaseException] = []

    def raise_at_once(case) -> None:
        try:
            with transaction.atomic():
                concern = raising._new_concern(case=case, source=Source.ANSWER,
                                               actor=cast.interviewer, at=timezone.now())
                both_raised.wait(timeout=10)
                patterns.notice(concern)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=raise_at_once, args=(case,)) for case in cases]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert Pattern.objects.count() == 1
