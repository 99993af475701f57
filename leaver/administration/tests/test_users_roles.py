"""Giving and removing roles, and changing a person's name and (before they set a password)
email address. The organisation always keeps an admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from leaver.administration.events import UserAdminEvent
from leaver.administration.tests.users_helpers import invite, link_in
from leaver.administration.users import actions
from leaver.administration.users.models import Closed, Invitation
from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Membership, Role, Setting, SettingKind
from leaver.testing import make_user

pytestmark = pytest.mark.django_db
U = "administration:users:"


def _roles(user):
    return set(Membership.objects.filter(user=user).values_list("role", "setting__name",
                                                                 "is_independent"))


def test_an_admin_gives_a_unit_manager_more_homes_and_another_role(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "give_role", args=[cast.social_worker.public_id])
    assert client.get(url).status_code == 200
    response = client.post(url, {"roles": ["unit_manager", "csm"],
                                 "places": [str(cast.home.public_id),
                                            str(cast.other_home.public_id)]})
    assert response.status_code == 302
    assert _roles(cast.social_worker) == {
        ("social_worker", None, False), ("csm", None, False),
        ("unit_manager", "Oak House", False), ("unit_manager", "Elm House", False)}
    given = AuditEvent.objects.filter(action=UserAdminEvent.ROLE_GIVEN,
                                      object_id=cast.social_worker.public_id)
    assert given.count() == 3
    assert {row.detail["setting"] for row in given} == {
        "", str(cast.home.public_id), str(cast.other_home.public_id)}


def test_a_role_already_held_is_refused_and_the_form_shows_what_was_ticked(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "give_role", args=[cast.unit_manager.public_id])
    before = _roles(cast.unit_manager)
    response = client.post(url, {"roles": ["unit_manager"],
                                 "places": [str(cast.home.public_id)]})
    page = response.content.decode()
    assert response.status_code == 400
    assert "is already Unit Manager for Oak House" in page
    assert f'value="{cast.home.public_id}" checked' in page
    assert _roles(cast.unit_manager) == before


def test_an_interviewer_is_given_the_independent_flag(client, cast):
    client.force_login(cast.org_admin)
    client.post(reverse(U + "give_role", args=[cast.csm.public_id]),
                {"roles": ["interviewer"], "independent": "on"})
    assert ("interviewer", None, True) in _roles(cast.csm)
    page = client.get(reverse(U + "person", args=[cast.csm.public_id])).content.decode()
    assert "Independent interviewer" in page


def test_an_interviewer_is_given_a_description_a_staff_leaver_reads(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "give_role", args=[cast.csm.public_id])
    assert "About this interviewer" in client.get(url).content.decode()
    client.post(url, {"roles": ["interviewer"], "independent": "on",
                      "description": "  Retired deputy head from another county "})
    membership = Membership.objects.get(user=cast.csm, role=Role.INTERVIEWER)
    assert membership.description == "Retired deputy head from another county"
    page = client.get(reverse(U + "person", args=[cast.csm.public_id])).content.decode()
    assert "Retired deputy head from another county" in page
    given = AuditEvent.objects.get(action=UserAdminEvent.ROLE_GIVEN, detail__role="interviewer",
                                   object_id=cast.csm.public_id)
    assert given.detail["described"] is True


@pytest.mark.parametrize(("post", "message"), [
    ({"roles": ["csm"], "description": "Kind"}, "Only an interviewer has a description"),
    ({"roles": ["interviewer"], "description": "x" * 201},
     "About this interviewer must be 200 characters or fewer."),
])
def test_a_description_is_only_for_an_interviewer_and_short(client, cast, post, message):
    client.force_login(cast.org_admin)
    before = _roles(cast.social_worker)
    response = client.post(reverse(U + "give_role", args=[cast.social_worker.public_id]), post)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _roles(cast.social_worker) == before


def test_the_action_refuses_a_description_for_another_role(cast):
    with pytest.raises(ActionRefused):
        actions.give_roles(actor=cast.org_admin, person=cast.social_worker,
                           grants=[actions.Grant(Role.CSM, description="Kind")])
    assert not Membership.objects.filter(user=cast.social_worker, role=Role.CSM).exists()


def test_a_headteacher_is_tied_to_a_school_not_a_home(client, cast):
    school = Setting.objects.create(organisation=cast.org, name="Hill School",
                                    kind=SettingKind.SCHOOL)
    client.force_login(cast.org_admin)
    url = reverse(U + "give_role", args=[cast.csm.public_id])
    # A home is not a school.
    response = client.post(url, {"roles": ["headteacher"], "school": str(cast.home.public_id)})
    assert response.status_code == 400
    assert "Choose a school from the list." in response.content.decode()
    assert client.post(url, {"roles": ["headteacher"],
                             "school": str(school.public_id)}).status_code == 302
    assert ("headteacher", "Hill School", False) in _roles(cast.csm)


def test_removing_a_role_goes_through_a_confirmation_page(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "remove_place_role",
                  args=[cast.unit_manager.public_id, "unit_manager", cast.home.public_id])
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Remove the role Unit Manager (Oak House)" in text
    assert "govuk-button--warning" in text
    assert _roles(cast.unit_manager)  # the page alone changes nothing
    assert client.post(url).status_code == 302
    assert _roles(cast.unit_manager) == set()
    removed = AuditEvent.objects.get(action=UserAdminEvent.ROLE_REMOVED)
    assert removed.detail == {"role": "unit_manager", "setting": str(cast.home.public_id)}
    assert client.get(url).status_code == 404  # gone


def test_the_last_admin_role_cannot_be_removed_not_even_ones_own(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "remove_role", args=[cast.org_admin.public_id, "org_admin"])
    response = client.post(url)
    assert response.status_code == 400
    assert "You cannot remove the last organisation admin" in response.content.decode()
    assert ("org_admin", None, False) in _roles(cast.org_admin)
    assert not AuditEvent.objects.filter(action=UserAdminEvent.ROLE_REMOVED).exists()


def test_with_a_second_admin_one_can_step_down_and_lands_outside_admin(client, cast):
    second = make_user(cast.org, "Bea Admin", Role.ORG_ADMIN)
    client.force_login(cast.org_admin)
    response = client.post(reverse(U + "remove_role",
                                   args=[cast.org_admin.public_id, "org_admin"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert client.get(reverse(U + "list")).status_code == 404
    # Bea is now the last admin: nobody can remove her role.
    with pytest.raises(ActionRefused, match="last organisation admin"):
        actions.remove_role(actor=second, person=second,
                            membership=Membership.objects.get(user=second))


def test_two_admins_removing_each_other_at_once_leave_one(cast):
    """Two admins at once each removing the other: the second, acting on a stale page,
    finds nobody left to run the organisation and is refused."""
    second = make_user(cast.org, "Bea Admin", Role.ORG_ADMIN)
    actions.remove_role(actor=second, person=cast.org_admin,
                        membership=Membership.objects.get(user=cast.org_admin))
    with pytest.raises(ActionRefused, match="last organisation admin"):
        actions.remove_role(actor=cast.org_admin, person=second,
                            membership=Membership.objects.get(user=second))
    assert Membership.objects.filter(user=second, role=Role.ORG_ADMIN).exists()


def test_the_name_is_changed_with_a_change_link_and_bad_input_shown_again(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "change_name", args=[cast.csm.public_id])
    page = client.get(url).content.decode()
    assert f'value="{cast.csm.full_name}"' in page
    response = client.post(url, {"full_name": "x" * 201})
    assert response.status_code == 400
    assert "The name must be 200 characters or fewer." in response.content.decode()
    assert f'value="{"x" * 201}"' in response.content.decode()
    assert client.post(url, {"full_name": "  Cora Evans "}).status_code == 302
    cast.csm.refresh_from_db()
    assert cast.csm.full_name == "Cora Evans"
    assert AuditEvent.objects.filter(action=UserAdminEvent.NAME_CHANGED,
                                     object_id=cast.csm.public_id).exists()


def test_a_working_accounts_email_cannot_be_changed(client, cast):
    client.force_login(cast.org_admin)
    url = reverse(U + "change_email", args=[cast.csm.public_id])
    assert client.get(url).status_code == 403
    assert client.post(url, {"email": "cora@elsewhere.example"}).status_code == 403
    cast.csm.refresh_from_db()
    assert cast.csm.email.startswith("north")


def test_a_mistyped_invitation_address_is_corrected_and_the_link_follows(
        client, cast, mailoutbox, django_capture_on_commit_callbacks):
    person, old_token = invite(cast, django_capture_on_commit_callbacks,
                               email="nia@nrth.example")
    client.force_login(cast.org_admin)
    url = reverse(U + "change_email", args=[person.public_id])
    taken = client.post(url, {"email": cast.iro.email})
    assert taken.status_code == 400
    assert "There is already an account" in taken.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"email": "Nia@North.example"}).status_code == 302
    person.refresh_from_db()
    assert person.email == "nia@north.example"
    assert mailoutbox[-1].to == ["nia@north.example"]
    _link, new_token = link_in(mailoutbox[-1])
    assert new_token != old_token
    old, new = Invitation.objects.filter(user=person).order_by("created_at")
    assert old.closed_because == Closed.REPLACED
    assert new.closed_at is None
