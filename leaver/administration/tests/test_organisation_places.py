"""Places: an admin adds, renames, closes and reopens homes, agency placements (with their
provider) and schools. A closed place is not offered for a new case, but its cases stay as
they are. Bad input is refused with the typed words shown again, and nothing changes."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.events import OrganisationEvent as E
from leaver.administration.organisation import places
from leaver.administration.tests.organisation_helpers import (
    BASE,
    admin_events,
    closed_home,
    state_of,
    text_of,
)
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Setting, SettingKind
from leaver.organisations.queries import open_settings
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person.forms import MoveForm
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case, move_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def test_an_admin_adds_a_home_a_placement_with_its_provider_and_a_school(admin, cast):
    for data in ({"kind": "childrens_home", "name": "Ash House"},
                 {"kind": "agency_placement", "name": "Horizon Care",
                  "provider_name": "Horizon Care Ltd"},
                 {"kind": "school", "name": "Hill School", "provider_name": "not kept"}):
        response = admin.post(f"{BASE}places/add/", data)
        assert response.status_code == 302, text_of(response)
    placement = Setting.objects.get(organisation=cast.org, name="Horizon Care")
    assert placement.kind == SettingKind.AGENCY_PLACEMENT
    assert placement.provider_name == "Horizon Care Ltd"
    # The provider box belongs to the placement choice only: for a school it is not kept.
    assert Setting.objects.get(organisation=cast.org, name="Hill School").provider_name == ""
    page = text_of(admin.get(f"{BASE}places/"))
    assert "Horizon Care Ltd" in page
    assert "Hill School" in page
    added = admin_events(cast.org, E.SETTING_ADDED)
    assert [e.detail["name"] for e in added] == ["Ash House", "Horizon Care", "Hill School"]
    assert added[0].actor == cast.org_admin
    assert added[1].object_id == placement.public_id


@pytest.mark.parametrize(("data", "message"), [
    ({"kind": "childrens_home", "name": "  "}, "Enter the name of the place."),
    ({"name": "Ash House"}, "Choose what kind of place it is."),
    ({"kind": "castle", "name": "Ash House"}, "Select a valid choice"),
    ({"kind": "childrens_home", "name": "oak house"},
     "There is already a place called “oak house”."),
    ({"kind": "agency_placement", "name": "Ash House"},
     "Enter the name of the provider that runs the placement."),
    ({"kind": "school", "name": "A" * 201}, "The name must be 200 characters or fewer."),
])
def test_bad_input_is_refused_and_shown_again(admin, cast, data, message):
    before = state_of(cast.org)
    response = admin.post(f"{BASE}places/add/", data)
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page
    assert message in page
    if data.get("name", "").strip():
        assert f'value="{data["name"]}"' in page
    assert state_of(cast.org) == before


def test_the_action_refuses_what_the_form_would_not_send(cast):
    with pytest.raises(ActionRefused, match="Only an external agency placement"):
        places.add_setting(actor=cast.org_admin, organisation=cast.org,
                           kind=SettingKind.SCHOOL, name="Hill", provider_name="Someone")
    with pytest.raises(ActionRefused, match="Only an organisation admin"):
        places.add_setting(actor=cast.csm, organisation=cast.org,
                           kind=SettingKind.SCHOOL, name="Hill")


def test_an_admin_of_another_organisation_cannot_act_on_this_one(cast, other_cast):
    before = state_of(cast.org)
    with pytest.raises(ActionRefused):
        places.add_setting(actor=other_cast.org_admin, organisation=cast.org,
                           kind=SettingKind.SCHOOL, name="Hill")
    with pytest.raises(ActionRefused):
        places.close_setting(actor=other_cast.org_admin, setting=cast.home)
    assert state_of(cast.org) == before


def test_a_name_may_be_used_by_another_organisation(admin, cast, other_cast):
    response = admin.post(f"{BASE}places/add/", {"kind": "childrens_home",
                                                 "name": other_cast.other_home.name + " II"})
    assert response.status_code == 302
    assert admin.post(f"{BASE}places/add/", {"kind": "childrens_home",
                                             "name": "Elm House"}).status_code == 400


def test_renaming_keeps_the_cases_and_is_audited(admin, cast):
    interview = make_case(cast, State.CONSENTED)
    url = f"{BASE}places/{cast.home.public_id}/change/"
    assert 'value="Oak House"' in text_of(admin.get(url))
    assert admin.post(url, {"name": "Oak House Annexe"}).status_code == 302
    interview.refresh_from_db()
    assert interview.setting.name == "Oak House Annexe"
    [event] = admin_events(cast.org, E.SETTING_CHANGED)
    assert event.detail == {"changes": {"name": ["Oak House", "Oak House Annexe"]}}
    # The same name again: nothing to save, no second row.
    assert admin.post(url, {"name": "Oak House Annexe"}).status_code == 302
    assert len(admin_events(cast.org, E.SETTING_CHANGED)) == 1


def test_a_bad_rename_is_shown_again_and_changes_nothing(admin, cast):
    before = state_of(cast.org)
    response = admin.post(f"{BASE}places/{cast.home.public_id}/change/",
                          {"name": "Elm House"})
    assert response.status_code == 400
    assert "There is already a place called “Elm House”" in text_of(response)
    assert 'value="Elm House"' in text_of(response)
    assert state_of(cast.org) == before


def test_a_placements_provider_is_changed_and_required(admin, cast):
    placement = places.add_setting(actor=cast.org_admin, organisation=cast.org,
                                   kind=SettingKind.AGENCY_PLACEMENT, name="Horizon Care",
                                   provider_name="Horizon Ltd")
    url = f"{BASE}places/{placement.public_id}/change/"
    response = admin.post(url, {"name": "Horizon Care", "provider_name": ""})
    assert response.status_code == 400
    assert "Enter the name of the provider" in text_of(response)
    assert admin.post(url, {"name": "Horizon Care",
                            "provider_name": "Horizon Group"}).status_code == 302
    placement.refresh_from_db()
    assert placement.provider_name == "Horizon Group"


def test_closing_is_confirmed_first_and_keeps_every_case(admin, cast):
    old = make_case(cast, State.WITH_IRO)
    url = f"{BASE}places/{cast.home.public_id}/close/"
    page = text_of(admin.get(url))
    assert "Close Oak House" in page
    assert "1 case stays as it is: the 1 still open carries on" in page
    assert Setting.objects.get(pk=cast.home.pk).is_open  # looking changes nothing
    assert admin.post(url).status_code == 302
    cast.home.refresh_from_db()
    assert not cast.home.is_open
    old.refresh_from_db()
    assert old.setting_id == cast.home.pk
    assert old.state == State.WITH_IRO
    # The case page still names it, for those who could see it before.
    admin.force_login(cast.iro)
    assert "Oak House" in text_of(admin.get(f"/cases/{old.public_id}/"))
    [event] = admin_events(cast.org, E.SETTING_CLOSED)
    assert event.object_id == cast.home.public_id


def test_a_closed_home_is_not_offered_for_a_new_case(cast):
    places.close_setting(actor=cast.org_admin, setting=cast.home)
    offered = MoveForm(user=cast.csm).fields["setting"].queryset  # type: ignore[attr-defined]
    assert cast.home not in offered
    assert cast.other_home in offered
    # Its own Unit Manager cannot start one there either, through the action.
    with pytest.raises(ActionRefused, match="Oak House is closed"):
        ia.notify_move(actor=cast.unit_manager, details=move_details(cast))
    assert cast.home not in open_settings(cast.org.pk)


def test_a_new_case_at_a_closed_home_is_refused_through_the_page(client, cast):
    places.close_setting(actor=cast.org_admin, setting=cast.home)
    client.force_login(cast.csm)
    page = text_of(client.get("/cases/new/"))
    assert "Elm House" in page
    assert "Oak House" not in page


def test_a_case_at_a_closed_home_keeps_it_when_another_detail_is_corrected(client, cast):
    interview = make_case(cast, State.NOTIFIED)
    places.close_setting(actor=cast.org_admin, setting=cast.home)
    closed_home(cast)  # Ash House, closed
    client.force_login(cast.csm)
    page = text_of(client.get(f"/cases/{interview.public_id}/change/setting/"))
    # The case's own (closed) home is still a valid answer; other closed places are not.
    assert "Oak House" in page
    assert "Ash House" not in page


def test_reopening_offers_the_home_again(admin, cast):
    places.close_setting(actor=cast.org_admin, setting=cast.home)
    url = f"{BASE}places/{cast.home.public_id}/reopen/"
    assert "Reopen Oak House" in text_of(admin.get(url))
    assert admin.post(url).status_code == 302
    cast.home.refresh_from_db()
    assert cast.home.is_open
    assert cast.home in MoveForm(user=cast.csm).fields["setting"].queryset  # type: ignore[attr-defined]
    [event] = admin_events(cast.org, E.SETTING_REOPENED)
    assert event.detail["name"] == "Oak House"


def test_closing_twice_or_reopening_an_open_place_is_refused(admin, cast):
    assert admin.get(f"{BASE}places/{cast.home.public_id}/reopen/").status_code == 403
    places.close_setting(actor=cast.org_admin, setting=cast.home)
    before = state_of(cast.org)
    assert admin.post(f"{BASE}places/{cast.home.public_id}/close/").status_code == 403
    with pytest.raises(ActionRefused, match="already closed"):
        places.close_setting(actor=cast.org_admin, setting=cast.home)
    assert state_of(cast.org) == before
