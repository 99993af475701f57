"""Each filter of the audit log narrows the list (and the export) to what it names; a filter
that cannot be read is a GOV.UK error and lists nothing, never a list filtered wrongly."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from leaver.administration.tests.auditlog_rows import LIST, exported, listed, write_row
from leaver.audit.events import AccountEvent
from leaver.cases.events import CaseEvent
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, date_parts, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def test_rows_come_newest_first_with_who_what_about_and_where(admin: Client,
                                                              cast: Cast) -> None:
    case = make_case(cast, State.NOTIFIED)
    at = timezone.make_aware(dt.datetime(2026, 7, 1, 9, 30))  # 08:30 UTC, summer time
    write_row(cast.org, cast.csm, CaseEvent.VIEWED, at=at, object_type="interview",
              object_id=case.public_id)
    rows = listed(admin)
    assert "Move notified" in rows[0]  # today's row before July's
    assert rows[-1] == (f"1 Jul 2026, 09:30:00 {cast.csm.full_name} Case viewed Jordan Ellis "
                        f"Case {case.public_id} Not known")


def test_the_case_links_to_its_page_only_for_an_admin_who_may_open_it(
        admin: Client, cast: Cast) -> None:
    from leaver.organisations.models import Membership, Role

    case = make_case(cast, State.NOTIFIED)
    href = f'href="/cases/{case.public_id}/"'
    assert href not in admin.get(LIST).content.decode()
    Membership.objects.create(user=cast.org_admin, role=Role.CSM)  # oversight of every case
    assert href in admin.get(LIST).content.decode()


def test_filter_by_young_persons_name(admin: Client, cast: Cast) -> None:
    make_case(cast, State.NOTIFIED)
    make_case(cast, State.NOTIFIED, leaver_name="Alex Brown")
    rows = listed(admin, person="  ellis ")
    assert rows
    assert all("Jordan Ellis" in row for row in rows)
    assert not any("Alex Brown" in row for row in rows)
    assert {row["Young person"] for row in exported(admin, person="ellis")} == {"Jordan Ellis"}
    assert listed(admin, person="Nobody Called This") == []


def test_filter_by_case_reference_or_the_case_pages_address(admin: Client,
                                                            cast: Cast) -> None:
    jordan = make_case(cast, State.NOTIFIED)
    make_case(cast, State.NOTIFIED, leaver_name="Alex Brown")
    for typed in (str(jordan.public_id), f"http://testserver/cases/{jordan.public_id}/",
                  str(jordan.public_id).upper()):
        rows = listed(admin, case=typed)
        assert rows, typed
        assert all(str(jordan.public_id) in row for row in rows), typed


def test_filter_by_who_did_it_includes_what_happened_to_their_account(
        admin: Client, cast: Cast) -> None:
    make_case(cast, State.NOTIFIED)  # by the Unit Manager
    write_row(cast.org, None, AccountEvent.SIGN_IN_FAILED, object_id=cast.csm.public_id,
              detail={"email": cast.csm.email})
    write_row(cast.org, cast.csm, AccountEvent.SIGNED_IN)
    rows = listed(admin, user=str(cast.csm.public_id))
    assert len(rows) == 2
    assert cast.csm.full_name in rows[0]
    assert "Signed in" in rows[0]
    assert "Not signed in Sign-in failed" in rows[1]
    assert cast.csm.email in rows[1]
    assert [row["What happened"] for row in exported(admin, user=str(cast.csm.public_id))] == [
        "Signed in", "Sign-in failed"]


def test_filter_by_what_happened(admin: Client, cast: Cast) -> None:
    make_case(cast, State.CONSENTED)
    rows = listed(admin, action=YoungPersonEvent.CONSENT_GIVEN.value)
    assert len(rows) == 1
    assert "Consent recorded: the young person agreed" in rows[0]


def test_filter_by_dates_in_uk_time(admin: Client, cast: Cast) -> None:
    london = timezone.get_current_timezone()
    times = {  # the edges of 10 and 11 March 2026, UK time (GMT)
        "before": dt.datetime(2026, 3, 9, 23, 59, 59, tzinfo=london),
        "first": dt.datetime(2026, 3, 10, 0, 0, tzinfo=london),
        "last": dt.datetime(2026, 3, 11, 23, 59, 59, tzinfo=london),
        "after": dt.datetime(2026, 3, 12, 0, 0, tzinfo=london),
    }
    for name, at in times.items():
        write_row(cast.org, cast.csm, AccountEvent.SIGNED_IN, at=at, detail={"n": name})
    query = {**date_parts("date_from", dt.date(2026, 3, 10)),
             **date_parts("date_to", dt.date(2026, 3, 11))}
    rows = listed(admin, **query)
    assert [row.split(",")[0] for row in rows] == ["11 Mar 2026", "10 Mar 2026"]
    assert len(listed(admin, **date_parts("date_from", dt.date(2026, 3, 11)))) >= 2
    assert len(exported(admin, **query)) == 2


def test_filters_combine_and_pages_keep_them(admin: Client, cast: Cast) -> None:
    for _ in range(120):
        write_row(cast.org, cast.csm, AccountEvent.SIGNED_IN)
    write_row(cast.org, cast.iro, AccountEvent.SIGNED_IN)
    query = {"user": str(cast.csm.public_id), "action": AccountEvent.SIGNED_IN.value}
    first = admin.get(LIST, query).content.decode()
    assert "Showing 1 to 50 of 120 entries" in first
    assert f"user={cast.csm.public_id}" in first
    assert "page=3" in first
    third = listed(admin, **query, page="3")
    assert len(third) == 20
    assert all(cast.csm.full_name in row for row in third)
    assert len(exported(admin, **query)) == 120


@pytest.mark.parametrize(("query", "message"), [
    ({"date_from-day": "31", "date_from-month": "2", "date_from-year": "2026"},
     "The start date must be a real date"),
    ({"date_to-day": "1", "date_to-month": "", "date_to-year": "2026"},
     "The end date must include a month"),
    ({**date_parts("date_from", dt.date(2026, 3, 2)), **date_parts("date_to", dt.date(2026, 3, 1))},
     "The end date must be the same as or after the start date"),
    ({"case": "not a reference"}, "Enter the case reference as it appears"),
    ({"case": "0f8fad5b-d9cb-469f-a165-70867728950e"},
     "No case of your organisation has this reference"),
    ({"action": "interview.made_up"}, "Choose what happened from the list"),
    ({"user": "0f8fad5b-d9cb-469f-a165-70867728950e"}, "Choose a person from the list"),
    ({"user": "not-a-uuid"}, "Choose a person from the list"),
])
def test_a_filter_that_cannot_be_read_is_an_error_and_lists_nothing(
        admin: Client, cast: Cast, query: dict[str, str], message: str) -> None:
    make_case(cast, State.NOTIFIED)
    response = admin.get(LIST, query)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert "<tbody" not in page
    for name, value in query.items():  # what was typed is shown again
        if value and name != "user" and name != "action":
            assert f'value="{value}"' in page


def test_an_empty_result_says_so(admin: Client, cast: Cast) -> None:
    page = admin.get(LIST, {"person": "Nobody"}).content.decode()
    assert "No entries match these filters" in page
    assert "Clear the filters" in page
