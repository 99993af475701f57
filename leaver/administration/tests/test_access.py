"""The administration pages exist only for organisation admins of their own organisation."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from leaver.testing import PEOPLE, Cast

pytestmark = pytest.mark.django_db


def test_an_org_admin_sees_the_hub_of_their_organisation(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    response = client.get(reverse("administration:index"))
    assert response.status_code == 200
    assert "Organisation admin" in response.content.decode()
    assert cast.org.name in response.content.decode()


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "org_admin"])
def test_everyone_else_gets_not_found(client: Client, cast: Cast, person: str) -> None:
    client.force_login(getattr(cast, person))
    assert client.get(reverse("administration:index")).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("administration:index"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_switched_off_admin_gets_nothing(client: Client, cast: Cast) -> None:
    client.force_login(cast.org_admin)
    cast.org_admin.is_active = False
    cast.org_admin.save()
    assert client.get(reverse("administration:index")).status_code in (302, 404)


def test_the_hub_warns_when_nobody_can_acknowledge_a_safeguarding_concern(client, cast):
    client.force_login(cast.org_admin)
    warning = "Nobody is a safeguarding lead"
    assert warning not in client.get(reverse("administration:index")).content.decode()
    cast.safeguarding_lead.is_active = False
    cast.safeguarding_lead.save()
    assert warning in client.get(reverse("administration:index")).content.decode()
