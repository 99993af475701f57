"""Retention's pages: only the organisation's own admins reach them (404 to every other role
and to another organisation's admin, by GET and POST, and nothing changes); bad input is
re-displayed with a clear message; holds and erasure by POST; the due list costs the same
number of queries at any size."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.dates import years_before
from leaver.organisations.models import Pathway
from leaver.pathways.young_person.models import YoungPerson
from leaver.retention.events import RetentionEvent
from leaver.retention.models import Basis, Erasure, LegalHold, Schedule
from leaver.retention.tests.conftest import NAME, full_case
from leaver.testing import PEOPLE, Cast, make_case

pytestmark = pytest.mark.django_db
NOT_ADMINS = [p for p in PEOPLE if p != "org_admin"]
SETTINGS = reverse("retention:settings")
DUE = reverse("retention:due")


def case_pages(case: Interview) -> list[str]:
    return [reverse(f"retention:{name}", args=[case.public_id])
            for name in ("case", "hold_place", "hold_lift", "erase", "date_of_death")]


def all_pages(case: Interview) -> list[str]:
    return [SETTINGS, DUE, reverse("retention:schedule_change", args=["young_person"]),
            reverse("retention:schedule_change", args=["staff"]), *case_pages(case)]


def due_soon(cast: Cast, name: str = NAME) -> Interview:
    """A case whose 75th birthday is in 10 days."""
    case = full_case(cast, name=name)
    YoungPerson.objects.filter(interview=case).update(date_of_birth=years_before(
        timezone.localdate() + dt.timedelta(days=10), 75))
    return case


def test_no_other_role_reaches_any_page(client: Client, cast: Cast) -> None:
    case = due_soon(cast)
    for person in NOT_ADMINS:
        client.force_login(getattr(cast, person))
        for page in all_pages(case):
            assert client.get(page).status_code == 404, (person, page)
        for page in all_pages(case)[2:]:
            if page == case_pages(case)[0]:
                continue  # the case's page is only read
            assert client.post(page, {"reason": "x", "understood": "on", "basis": "shorter",
                                      "years": "2", "unused_days": "40"}).status_code == 404
    assert not LegalHold.objects.exists()
    assert not Erasure.objects.exists()
    assert not Schedule.objects.exists()


def test_another_organisations_admin_reaches_none_of_its_cases(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    case = due_soon(cast)
    client.force_login(other_cast.org_admin)
    for page in case_pages(case):
        assert client.get(page).status_code == 404, page
    for page in case_pages(case)[1:]:
        assert client.post(page, {"reason": "x", "understood": "on"}).status_code == 404
    assert NAME not in client.get(DUE).content.decode()
    assert NAME not in client.get(SETTINGS, {"name": "Jamie"}).content.decode()
    assert not LegalHold.objects.exists()
    assert not Erasure.objects.exists()


def test_the_admin_reaches_every_page_from_the_settings_area(client: Client, cast: Cast
                                                             ) -> None:
    case = due_soon(cast)
    client.force_login(cast.org_admin)
    assert SETTINGS in client.get(reverse("administration:organisation:index")).content.decode()
    assert SETTINGS in client.get(reverse("administration:index")).content.decode()
    for page in all_pages(case):
        assert client.get(page).status_code == 200, page
    page = client.get(SETTINGS).content.decode()
    assert "75th birthday" in page
    assert "Limitation Act 1980" in page
    assert "90 days" in page


def test_bad_schedule_input_is_shown_again_with_a_clear_message(client: Client, cast: Cast
                                                                ) -> None:
    client.force_login(cast.org_admin)
    address = reverse("retention:schedule_change", args=["young_person"])
    response = client.post(address, {"basis": "shorter", "years": "", "unused_days": "ninety"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter how many years to keep the records" in page
    assert "must be a whole number" in page
    assert 'value="ninety"' in page
    response = client.post(reverse("retention:schedule_change", args=["staff"]),
                           {"years": "40", "unused_days": "90"})
    assert response.status_code == 400
    assert "The years after the leaving date must be between 1 and 15 years" in (
        response.content.decode())
    assert not Schedule.objects.exists()
    assert client.get(reverse("retention:schedule_change", args=["nobody"])).status_code == 404


def test_the_admin_changes_the_schedule_and_it_is_audited(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    response = client.post(reverse("retention:schedule_change", args=["young_person"]),
                           {"basis": "shorter", "years": "10", "unused_days": "60"})
    assert response.status_code == 302
    saved = Schedule.objects.get(organisation=cast.org, pathway=Pathway.YOUNG_PERSON)
    assert (saved.basis, saved.years, saved.unused_days) == (Basis.SHORTER, 10, 60)
    row = AuditEvent.objects.get(action=RetentionEvent.SCHEDULE_CHANGED)
    assert row.actor == cast.org_admin
    assert row.detail["changed"]["years"] == [6, 10]
    assert "10 years after the move was notified" in client.get(SETTINGS).content.decode()


def test_a_hold_is_placed_and_lifted_by_post_with_a_reason(client: Client, cast: Cast) -> None:
    case = due_soon(cast)
    client.force_login(cast.org_admin)
    place, lift = case_pages(case)[1:3]
    response = client.post(place, {"reason": ""})
    assert response.status_code == 400
    assert "Enter why the case must be kept" in (
        response.content.decode())
    assert client.post(place, {"reason": "A claim was made."}).status_code == 302
    assert LegalHold.objects.get(interview=case).in_place
    assert "On hold" in client.get(DUE).content.decode()
    response = client.post(reverse("retention:erase", args=[case.public_id]),
                           {"reason": "Asked.", "understood": "on"})
    assert response.status_code == 400
    assert "legal hold" in response.content.decode()
    assert not Erasure.objects.exists()
    assert client.post(lift, {"reason": "Settled."}).status_code == 302
    assert not LegalHold.objects.get(interview=case).in_place


def test_erasure_on_request_asks_for_a_reason_and_a_confirmation(client: Client, cast: Cast
                                                                  ) -> None:
    case = due_soon(cast)
    client.force_login(cast.org_admin)
    address = reverse("retention:erase", args=[case.public_id])
    page = client.get(address).content.decode()
    assert "govuk-button--warning" in page
    assert "cannot be undone" in page
    response = client.post(address, {"reason": "  ", "understood": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter why the case is being erased" in page
    assert "Confirm that you understand the erasure cannot be undone" in page
    response = client.post(address, {"reason": "They asked on 1 May.", "understood": ""})
    assert response.status_code == 400
    assert "They asked on 1 May." in response.content.decode()
    assert not Erasure.objects.exists()
    response = client.post(address, {"reason": "They asked on 1 May.", "understood": "on"})
    assert response.status_code == 302
    erasure = Erasure.objects.get(interview=case)
    assert erasure.by == cast.org_admin
    assert erasure.reason == "They asked on 1 May."
    assert "Erased" in client.get(case_pages(case)[0]).content.decode()


def test_the_due_list_shows_cases_due_within_30_days_only(client: Client, cast: Cast) -> None:
    soon = due_soon(cast)
    later = make_case(cast, leaver_name="Later Person")
    YoungPerson.objects.filter(interview=later).update(date_of_birth=years_before(
        timezone.localdate() + dt.timedelta(days=40), 75))
    client.force_login(cast.org_admin)
    page = client.get(DUE).content.decode()
    assert NAME in page
    assert "Later Person" not in page
    assert (timezone.localdate() + dt.timedelta(days=10)).strftime("%B") in page
    assert AuditEvent.objects.filter(action=RetentionEvent.DUE_LIST_VIEWED,
                                     detail__cases=[str(soon.public_id)]).exists()


def test_the_due_list_costs_the_same_queries_at_any_size(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    day = years_before(timezone.localdate() + dt.timedelta(days=5), 75)
    make_case(cast, leaver_name="First Due")
    YoungPerson.objects.update(date_of_birth=day)
    client.get(DUE)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DUE).status_code == 200
    for i in range(30):
        make_case(cast, leaver_name=f"Due {i}")
    YoungPerson.objects.update(date_of_birth=day)
    with CaptureQueriesContext(connection) as many:
        page = client.get(DUE).content.decode()
    assert "31 cases" in page
    assert 'rel="next"' in page
    assert len(many) == len(few)


def test_the_admin_records_a_date_of_death_and_the_record_is_kept_15_years_after(
        client: Client, cast: Cast) -> None:
    case = due_soon(cast)
    client.force_login(cast.org_admin)
    address = reverse("retention:date_of_death", args=[case.public_id])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(address, {"day-day": str(tomorrow.day),
                                     "day-month": str(tomorrow.month),
                                     "day-year": str(tomorrow.year)})
    assert response.status_code == 400
    assert "The date of death must be today or in the past" in response.content.decode()
    response = client.post(address, {"day-day": "3", "day-month": "", "day-year": "2030"})
    assert response.status_code == 400
    assert "must include a month" in response.content.decode()
    assert YoungPerson.objects.get(interview=case).date_of_death is None
    died = timezone.localdate() - dt.timedelta(days=400)
    assert client.post(address, {"day-day": str(died.day), "day-month": str(died.month),
                                 "day-year": str(died.year)}).status_code == 302
    assert YoungPerson.objects.get(interview=case).date_of_death == died
    # No longer due next week: 15 years after the death.
    assert NAME not in client.get(DUE).content.decode()
    assert years_before(died, -15).strftime("%Y") in client.get(
        case_pages(case)[0]).content.decode()
    row = AuditEvent.objects.get(action=RetentionEvent.DEATH_RECORDED)
    assert row.actor == cast.org_admin
    assert row.detail == {}
