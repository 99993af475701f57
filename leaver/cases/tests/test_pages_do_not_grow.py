"""Issue 12: every page costs the same number of queries whatever the size of the data. Two
organisations with the same kinds of cases, one with 3 and one with over a hundred (more
than two pages of the case list): each page, for each person, runs as many queries in both.
The extra cases are copies of the real ones (the same states, young people and records), so
that both organisations have the same groups and stages and only the number of rows differs.
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from leaver.accounts.models import User
from leaver.cases.models import Interview, InterviewRecord
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import StaffCast, make_staff_case, make_staff_cast
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case, make_cast

pytestmark = pytest.mark.django_db

COPIES = 40  # of each case in the big organisation: 3 + 120 cases, three pages of 50


def copy_case(case: Interview, times: int) -> None:
    """`times` more cases like `case`: the case, its leaver's details and its record."""
    young_person = YoungPerson.objects.filter(interview=case).first()
    staff_leaver = StaffLeaver.objects.filter(interview=case).first()
    record = InterviewRecord.objects.filter(interview=case).first()
    for number in range(times):
        twin = Interview.objects.get(pk=case.pk)
        twin.pk = None
        twin.public_id = uuid.uuid4()
        twin.leaver_name = f"Copy {number} of {case.leaver_name}"
        twin.save()
        # A minute older per copy: the copies of each case interleave, so every page of the
        # list has cases in each state, as the small organisation's one page has.
        Interview.objects.filter(pk=twin.pk).update(
            created_at=case.created_at - dt.timedelta(minutes=number + 1))
        for part in (young_person, staff_leaver, record):
            if part is not None:
                part.pk = None
                part.interview = twin
                part.save()


def newest(cast: Cast) -> uuid.UUID:
    found = Interview.objects.filter(organisation=cast.org).order_by("-created_at", "-pk")
    return found.values_list("public_id", flat=True)[0]


def queries(client: Client, person: User, address: str) -> int:
    client.force_login(person)
    assert client.get(address).status_code == 200  # warm: the session's idle clock
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def young_people(cast: Cast, copies: int) -> dict[str, Interview]:
    cases = {"notified": make_case(cast, State.NOTIFIED),
             "consented": make_case(cast, State.CONSENTED),
             "with_iro": make_case(cast, State.WITH_IRO)}
    for case in cases.values():
        copy_case(case, copies)
    return cases


def test_the_young_persons_pages_cost_the_same_for_3_or_123_cases(client):
    small, big = make_cast("small"), make_cast("big")
    cases = {"small": young_people(small, 0), "big": young_people(big, COPIES)}
    assert Interview.objects.filter(organisation=big.org).count() == 3 + 3 * COPIES
    casts = {"small": small, "big": big}

    def pages(name: str) -> list[tuple[str, User, str]]:
        cast, found = casts[name], cases[name]
        with_iro = found["with_iro"].public_id
        return [
            ("Your work, social worker", cast.social_worker, "/work/"),
            ("Your work, CSM", cast.csm, "/work/"),
            ("Your work, IRO", cast.iro, "/work/"),
            ("Your work, Unit Manager", cast.unit_manager, "/work/"),
            ("Your work, senior manager", cast.senior_manager, "/work/"),
            ("case list, first page", cast.csm, "/cases/"),
            ("case list, oldest page", cast.csm, "/cases/?last=yes"),
            ("case list, older page", cast.csm, f"/cases/?after={newest(cast)}"),
            ("case list, overdue", cast.iro, "/cases/?overdue=yes"),
            ("case list, waiting for you", cast.social_worker, "/cases/?waiting=consent_given"),
            ("case list, by name and state", cast.csm, "/cases/?name=ellis&state=notified"),
            ("case page", cast.iro, f"/cases/{with_iro}/"),
            ("record page", cast.iro, f"/cases/{with_iro}/record/"),
        ]

    for (label, small_person, small_address), (_label, big_person, big_address) in zip(
            pages("small"), pages("big"), strict=True):
        assert queries(client, big_person, big_address) == queries(
            client, small_person, small_address), label


def staff_cases(cast: StaffCast, copies: int) -> dict[str, Interview]:
    cases: dict[str, Interview] = {
        str(state): make_staff_case(cast, state, name=f"Leaver {state}",
                                    email=f"{state}@school.example")
        for state in (StaffState.RECORDED, StaffState.OFFERED, StaffState.CONFIRMED)}
    for case in cases.values():
        copy_case(case, copies)
    return cases


def test_the_staff_pages_cost_the_same_for_3_or_123_cases(client):
    small, big = make_staff_cast("small"), make_staff_cast("big")
    cases = {"small": staff_cases(small, 0), "big": staff_cases(big, COPIES)}
    casts = {"small": small, "big": big}

    def pages(name: str) -> list[tuple[str, User, str]]:
        cast, found = casts[name], cases[name]
        confirmed = found[str(StaffState.CONFIRMED)].public_id
        return [
            ("staff leavers, headteacher", cast.headteacher, "/staff/cases/"),
            ("staff leavers, oldest page", cast.hr_lead, "/staff/cases/?last=yes"),
            ("staff leavers, overdue", cast.hr_lead, "/staff/cases/?overdue=yes"),
            ("staff leavers, by name and state", cast.hr_lead,
             "/staff/cases/?name=leaver&state=offered"),
            ("Your work, HR lead", cast.hr_lead, "/work/"),
            ("staff case page", cast.hr_lead, f"/staff/cases/{confirmed}/"),
            ("staff record page", cast.hr_lead, f"/staff/cases/{confirmed}/record/"),
        ]

    for (label, small_person, small_address), (_label, big_person, big_address) in zip(
            pages("small"), pages("big"), strict=True):
        assert queries(client, big_person, big_address) == queries(
            client, small_person, small_address), label
