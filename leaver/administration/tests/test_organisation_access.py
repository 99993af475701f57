"""The organisation settings area exists only for the organisation's own admins: everyone
else gets 404 on every page, by GET and by POST, and nothing changes; an admin of another
organisation gets 404 for every object of this one."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.tests.organisation_helpers import (
    BASE,
    addresses,
    read_only,
    state_of,
)
from leaver.testing import PEOPLE, Cast

pytestmark = pytest.mark.django_db

NOT_ADMINS = [p for p in PEOPLE if p != "org_admin"]
# Pages that take an id of one object (or a pathway's pending rule): another organisation's
# admin reaches the area but never these objects.
OWN_OBJECTS = ("/places/", "/statements/", "/distribution/")


def test_the_admin_reaches_every_page(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    for address in addresses(cast):
        if address.endswith("/check/"):
            continue  # nothing to check yet: it sends the admin back to the form
        response = client.get(address)
        assert response.status_code == 200, address
    assert client.get(f"{BASE}distribution/young_person/check/").status_code == 302


def test_the_hub_links_to_the_area(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    assert BASE in client.get("/admin/").content.decode()


@pytest.mark.parametrize("person", NOT_ADMINS)
def test_everyone_else_gets_not_found_and_changes_nothing(client: Client, cast: Cast,
                                                          person: str) -> None:
    client.force_login(getattr(cast, person))
    pages = addresses(cast)
    before = state_of(cast.org)
    for address in pages:
        assert client.get(address).status_code == 404, address
        posted = client.post(address, {"name": "Birch House", "kind": "childrens_home",
                                       "text": "x", "who": "csm"})
        assert posted.status_code == (405 if read_only(address) else 404), address
    assert state_of(cast.org) == before


def test_another_organisations_admin_gets_not_found_for_these_objects(
        client: Client, cast: Cast, other_cast: Cast) -> None:
    client.force_login(other_cast.org_admin)
    pages = addresses(cast)
    before = state_of(cast.org)
    for address in pages:
        if not any(part in address for part in OWN_OBJECTS) or address.endswith(
                ("/places/", "/statements/", "/distribution/", "/add/", "/new/", "/check/")):
            continue  # the area's own pages: they show the other admin's organisation
        assert client.get(address).status_code == 404, address
        posted = client.post(address, {"name": "Taken", "text": "x"})
        assert posted.status_code == (405 if read_only(address) else 404), address
    assert state_of(cast.org) == before


def test_another_organisations_admin_sees_only_their_own(client: Client, cast: Cast,
                                                          other_cast: Cast) -> None:
    client.force_login(other_cast.org_admin)
    page = client.get(f"{BASE}places/").content.decode()
    assert str(other_cast.home.public_id) in page
    assert str(cast.home.public_id) not in page


def test_signed_out_people_are_sent_to_sign_in(client: Client, cast: Cast) -> None:
    pages = addresses(cast)
    before = state_of(cast.org)
    for address in pages:
        assert "/accounts/login/" in client.get(address)["Location"], address
        posted = client.post(address, {"name": "Birch House"})
        if read_only(address):
            assert posted.status_code == 405, address
        else:
            assert "/accounts/login/" in posted["Location"], address
    assert state_of(cast.org) == before


def test_an_unknown_pathway_is_not_found(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    for address in (f"{BASE}statements/martians/new/", f"{BASE}distribution/martians/add/",
                    f"{BASE}distribution/staff/add/"):
        assert client.get(address).status_code == 404, address


def test_read_only_pages_refuse_other_methods(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    for address in (BASE, f"{BASE}places/", f"{BASE}statements/", f"{BASE}distribution/",
                    f"{BASE}letters/", f"{BASE}deadlines/",
                    f"{BASE}statements/{cast.statement.public_id}/"):
        assert client.post(address).status_code == 405, address
        assert client.put(address).status_code == 405, address
