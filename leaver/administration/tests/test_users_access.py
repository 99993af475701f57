"""The users pages exist only for organisation admins, and only for their own organisation's
people: everyone else gets 404 on every address, whatever the method, and nothing changes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leaver.accounts.models import User
from leaver.administration.events import UserAdminEvent
from leaver.audit.models import AuditEvent
from leaver.organisations.models import Membership
from leaver.testing import PEOPLE

pytestmark = pytest.mark.django_db


def person_urls(cast) -> list[str]:
    """Every address about one person of `cast`: the CSM, and the Unit Manager's home role."""
    csm, um = cast.csm.public_id, cast.unit_manager.public_id
    name = "administration:users:"
    return [
        reverse(name + "person", args=[csm]),
        reverse(name + "change_name", args=[csm]),
        reverse(name + "change_email", args=[csm]),
        reverse(name + "give_role", args=[csm]),
        reverse(name + "remove_role", args=[csm, "csm"]),
        reverse(name + "remove_place_role", args=[um, "unit_manager", cast.home.public_id]),
        reverse(name + "switch_off", args=[csm]),
        reverse(name + "switch_on", args=[csm]),
        reverse(name + "reset_two_factor", args=[csm]),
        reverse(name + "resend", args=[csm]),
        reverse(name + "cancel", args=[csm]),
    ]


def all_urls(cast) -> list[str]:
    return [reverse("administration:users:list"), reverse("administration:users:invite"),
            *person_urls(cast)]


def _state():
    return (list(User.objects.order_by("pk").values()),
            list(Membership.objects.order_by("pk").values()),
            AuditEvent.objects.filter(action__startswith="admin.").count())


@pytest.mark.parametrize("person", [p for p in PEOPLE if p != "org_admin"])
def test_everyone_but_the_admin_gets_not_found_everywhere(client, cast, person):
    client.force_login(getattr(cast, person))
    before = _state()
    data = {"full_name": "Mallory", "email": "mallory@north.example", "roles": ["org_admin"]}
    for url in all_urls(cast):
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url
    assert _state() == before


def test_another_organisations_admin_gets_not_found_for_our_people(client, cast, other_cast):
    client.force_login(other_cast.org_admin)
    before = _state()
    for url in person_urls(cast):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"full_name": "Mallory"}).status_code == 404, url
    assert _state() == before
    # Their own list shows their own people only.
    page = client.get(reverse("administration:users:list")).content.decode()
    assert other_cast.csm.full_name in page
    assert cast.csm.full_name not in page
    assert cast.csm.email not in page


def test_a_role_at_another_organisations_home_is_not_found(client, cast, other_cast):
    client.force_login(cast.org_admin)
    url = reverse("administration:users:remove_place_role",
                  args=[cast.unit_manager.public_id, "unit_manager", other_cast.home.public_id])
    assert client.get(url).status_code == 404
    bogus = reverse("administration:users:remove_role", args=[cast.csm.public_id, "wizard"])
    assert client.get(bogus).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, cast):
    for url in all_urls(cast):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("accounts:login")), url


def test_the_admin_sees_the_list_and_a_persons_page_and_the_read_is_audited(client, cast):
    client.force_login(cast.org_admin)
    page = client.get(reverse("administration:users:list")).content.decode()
    for user in cast.people().values():
        assert user.full_name in page
    assert "Unit Manager (Oak House)" in page
    assert "Independent interviewer" in page
    response = client.get(reverse("administration:users:person",
                                  args=[cast.unit_manager.public_id]))
    text = response.content.decode()
    assert response.status_code == 200
    assert cast.unit_manager.email in text
    assert "Unit Manager (Oak House)" in text
    assert "Switch off the account" in text
    viewed = AuditEvent.objects.get(action=UserAdminEvent.USER_VIEWED)
    assert (viewed.actor, viewed.object_id) == (cast.org_admin, cast.unit_manager.public_id)


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options", "trace"])
def test_read_only_pages_answer_get_and_head_only(client, cast, method):
    client.force_login(cast.org_admin)
    for url in (reverse("administration:users:list"),
                reverse("administration:users:person", args=[cast.csm.public_id])):
        assert client.head(url).status_code == 200
        before = AuditEvent.objects.count()
        assert getattr(client, method)(url).status_code == 405, url
        assert AuditEvent.objects.count() == before


def test_state_changes_are_posts_only(client, cast):
    client.force_login(cast.org_admin)
    resend = reverse("administration:users:resend", args=[cast.csm.public_id])
    assert client.get(resend).status_code == 405
