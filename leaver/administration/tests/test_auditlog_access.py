"""The audit log is for organisation admins only, and only ever shows their own
organisation's rows: on the page, in the export, and whatever the filters name."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.tests.auditlog_rows import EXPORT, LIST, exported, listed
from leaver.audit.models import AuditEvent
from leaver.pathways.young_person.states import State
from leaver.testing import PEOPLE, Cast, make_case

pytestmark = pytest.mark.django_db


def test_the_hub_links_to_the_audit_log(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    assert f'href="{LIST}"' in client.get("/admin/").content.decode()


def test_an_org_admin_reads_the_log(client: Client, cast: Cast) -> None:
    make_case(cast, State.CONSENTED)
    client.force_login(cast.org_admin)
    response = client.get(LIST)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert "Audit log" in page
    assert "Move notified" in page
    assert "Jordan Ellis" in page


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "org_admin"])
@pytest.mark.parametrize("address", [LIST, EXPORT])
def test_everyone_else_gets_not_found(client: Client, cast: Cast, person: str,
                                      address: str) -> None:
    client.force_login(getattr(cast, person))
    before = AuditEvent.objects.count()
    assert client.get(address).status_code == 404
    assert AuditEvent.objects.count() == before  # a refused reading is no reading


@pytest.mark.parametrize("address", [LIST, EXPORT])
def test_signed_out_people_are_sent_to_sign_in(client: Client, address: str) -> None:
    response = client.get(address)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("address", [LIST, EXPORT])
def test_the_log_is_read_only_and_a_refused_method_reads_nothing(
        client: Client, cast: Cast, address: str) -> None:
    client.force_login(cast.org_admin)
    before = AuditEvent.objects.count()
    for method in ("post", "put", "patch", "delete", "options", "trace"):
        assert getattr(client, method)(address).status_code == 405, method
    assert AuditEvent.objects.count() == before
    assert client.head(address).status_code == 200


def test_an_admin_of_another_organisation_sees_none_of_its_rows(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    make_case(cast, State.CONSENTED)  # North's case: Jordan Ellis
    make_case(other_cast, State.NOTIFIED, leaver_name="Sky Other")
    client.force_login(other_cast.org_admin)
    page = " ".join(listed(client))
    assert "Sky Other" in page
    assert "Jordan Ellis" not in page
    assert "North" not in page
    rows = exported(client)
    assert rows
    assert all("North" not in " ".join(row.values()) for row in rows)
    assert all(row["Young person"] != "Jordan Ellis" for row in rows)


def test_filters_naming_another_organisations_case_or_person_bring_nothing(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    north_case = make_case(cast, State.CONSENTED)
    client.force_login(other_cast.org_admin)
    # Another organisation's case reference reads as unknown: an error, no rows.
    response = client.get(LIST, {"case": str(north_case.public_id)})
    assert response.status_code == 400
    assert "No case of your organisation has this reference" in response.content.decode()
    assert "<tbody" not in response.content.decode()
    assert client.get(EXPORT, {"case": str(north_case.public_id)}).status_code == 400
    # Another organisation's person is not a choice.
    response = client.get(LIST, {"user": str(cast.csm.public_id)})
    assert response.status_code == 400
    assert "Choose a person from the list" in response.content.decode()
    assert client.get(EXPORT, {"user": str(cast.csm.public_id)}).status_code == 400
    # A name only matches this organisation's young people.
    assert listed(client, person="Jordan") == []
    assert exported(client, person="Jordan") == []


def test_the_people_to_choose_from_are_of_this_organisation_only(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    client.force_login(cast.org_admin)
    page = client.get(LIST).content.decode()
    assert cast.csm.full_name in page
    assert other_cast.csm.full_name not in page
