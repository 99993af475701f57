"""Who sees what in lists ("Cases", "Your work", recommendations) and what the access helpers
themselves answer, for every role. The page-by-page matrix is in test_access_matrix.py."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import access
from leaver.organisations.models import Membership, Role
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.pathways.young_person.tests.test_access_matrix import (
    OVERSIGHT,
    ROLES,
    as_,
    build,
    person,
    unconnected,
    url,
)
from leaver.reviews import access as review_access
from leaver.reviews import actions as ra
from leaver.reviews.access import get_recommendation_for_user
from leaver.testing import Cast, held, make_case, record_details

# --- lists --------------------------------------------------------------------------------

def _three_cases(cast: Cast, other_cast: Cast, state: State) -> None:
    make_case(cast, state, leaver_name="Jordan Ellis")
    make_case(unconnected(cast), state, leaver_name="Casey Morgan")
    make_case(other_cast, state, leaver_name="Riley Stone")


SEES_OWN_CASE = {"unit_manager", "social_worker", "csm", "interviewer", "iro", "other_iro"}


@pytest.mark.parametrize("role", ROLES)
def test_case_list_shows_only_the_cases_the_person_may_see(cast, other_cast, role):
    _three_cases(cast, other_cast, State.SCHEDULED)
    html = as_(person(cast, role)).get(reverse("young_person:case_list")).content.decode()
    assert ("Jordan Ellis" in html) == (role in SEES_OWN_CASE)
    assert ("Casey Morgan" in html) == (role in OVERSIGHT)
    assert "Riley Stone" not in html
    assert "South Council" not in html


# A state in which each person has something to do on their own case.
WORK_STATE = {
    "social_worker": State.NOTIFIED, "csm": State.CONSENTED,
    "interviewer": State.INTERVIEWER_ASSIGNED, "iro": State.WITH_IRO,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("state", sorted(set(WORK_STATE.values())))
def test_your_work_lists_only_the_persons_own_work(cast, other_cast, role, state):
    _three_cases(cast, other_cast, state)
    html = as_(person(cast, role)).get(reverse("young_person:your_work")).content.decode()
    assert ("Jordan Ellis" in html) == (WORK_STATE.get(role) == state)
    assert ("Casey Morgan" in html) == (role in OVERSIGHT and WORK_STATE.get(role) == state)
    assert "Riley Stone" not in html
    assert "South Council" not in html


def test_your_work_lists_only_the_owners_own_recommendations(cast, other_cast):
    owner = person(cast, "rec_owner")
    mine = make_case(cast, State.WITH_IRO)
    ra.add_recommendation(actor=cast.iro, interview=mine, text="Mine to answer.", owner=owner,
                          due_date=timezone.localdate(), share_record=False)
    make_case(unconnected(cast), State.RECOMMENDATIONS_ISSUED)  # owned by the CSM
    make_case(other_cast, State.RECOMMENDATIONS_ISSUED)
    for path in (reverse("young_person:your_work"), reverse("reviews:my_recommendations")):
        html = as_(owner).get(path).content.decode()
        assert "Mine to answer." in html
        assert "Help with homework" not in html
        assert "South Council" not in html


def test_unit_manager_of_a_restricted_record_has_no_answers_and_no_record_link(cast):
    interview = held(cast, make_case(cast, State.SCHEDULED))
    recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
        restrict_circulation=True, restriction_reason="Names a member of staff."))
    record_path = reverse("young_person:record", args=[interview.public_id])
    html = as_(cast.unit_manager).get(
        reverse("young_person:case", args=[interview.public_id])).content.decode()
    assert "Jordan Ellis" in html
    assert "You do not have access to the answers." in html
    assert "An answer in my words." not in html
    assert record_path not in html
    iro_html = as_(cast.iro).get(
        reverse("young_person:case", args=[interview.public_id])).content.decode()
    assert record_path in iro_html  # the link exists for those who may follow it


@pytest.mark.parametrize("role", sorted(SEES_OWN_CASE))
def test_how_to_reach_them_is_on_the_case_page_for_those_arranging(cast, role):
    interview = make_case(cast, State.SCHEDULED)
    html = as_(person(cast, role)).get(
        reverse("young_person:case", args=[interview.public_id])).content.decode()
    # Another IRO oversees the case but neither arranges nor writes.
    assert ("Postal address" in html) == (role != "other_iro")
    assert ("10 Example Road" in html) == (role != "other_iro")


# --- the helpers themselves ---------------------------------------------------------------

def test_interviews_visible_to_each_role(cast, other_cast):
    own = make_case(cast, State.SCHEDULED)
    sibling = make_case(unconnected(cast), State.SCHEDULED)
    theirs = make_case(other_cast, State.SCHEDULED)
    for role in ROLES:
        user = person(cast, role)
        expected = ({own} if role in SEES_OWN_CASE else set()) | (
            {sibling} if role in OVERSIGHT else set())
        assert set(access.cases_visible_to(user)) == expected, role
        for interview in {own, sibling, theirs} - expected:
            with pytest.raises(Http404):
                access.get_case_for_user(user, interview.public_id)
        for interview in expected:
            assert access.get_case_for_user(user, interview.public_id) == interview
    assert set(access.cases_visible_to(other_cast.iro)) == {theirs}


def test_get_record_for_user(cast, other_cast):
    interview, _rec = build(cast, "record", "Jordan Ellis", owner=person(cast, "rec_owner"))
    # The home's manager through the default distribution (seed 002 §5); not another IRO.
    readers = {"csm", "interviewer", "iro", "rec_owner", "unit_manager"}
    for role in ROLES:
        user = person(cast, role)
        if role in readers:
            assert access.get_record_for_user(user, interview.public_id) == interview
        else:
            with pytest.raises(Http404):
                access.get_record_for_user(user, interview.public_id)
    for user in other_cast.people().values():
        with pytest.raises(Http404):
            access.get_record_for_user(user, interview.public_id)


def test_contact_details_only_for_those_who_arrange_or_write(cast, other_cast):
    interview = make_case(cast, State.SCHEDULED)
    allowed = {"social_worker", "unit_manager", "csm", "iro", "interviewer"}
    for name, user in {**cast.people(), "rec_owner": person(cast, "rec_owner")}.items():
        assert access.can_see_contact_details(user, interview) == (name in allowed), name
    for name, user in other_cast.people().items():
        assert not access.can_see_contact_details(user, interview), name


def test_a_role_for_another_organisations_home_grants_nothing(cast, other_cast):
    theirs = make_case(other_cast, State.SCHEDULED)
    Membership.objects.create(user=cast.outsider, role=Role.UNIT_MANAGER,
                              setting=other_cast.home)
    assert not access.cases_visible_to(cast.outsider).exists()
    assert not access.can_see_contact_details(cast.outsider, theirs)
    client = as_(cast.outsider)
    assert client.get(reverse("young_person:case", args=[theirs.public_id])).status_code == 404
    # Nor does it make them a Unit Manager at all in their own organisation.
    assert client.get(reverse("young_person:notify_move")).status_code == 403


def test_nobody_signed_out_or_without_an_organisation_sees_anything(cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)
    rec = interview.recommendations.get()
    root = User.objects.create_superuser("root@platform.example", "pw", full_name="Root")
    Membership.objects.create(user=root, role=Role.IRO)  # a role, but no organisation
    anonymous: Any = AnonymousUser()
    for user in (anonymous, root):
        assert not access.cases_visible_to(user).exists()
        for get in (access.get_case_for_user, access.get_record_for_user,
                    get_recommendation_for_user):
            with pytest.raises(Http404):
                get(user, rec.public_id if get is get_recommendation_for_user
                    else interview.public_id)
        assert not access.can_see_contact_details(user, interview)
        assert not access.can_view_record(user, interview)
        assert not review_access.can_see_recommendations(user, interview)
    for path in (url("case", interview, rec), url("record", interview, rec),
                 url("recommendation", interview, rec)):
        assert as_(root).get(path).status_code == 404
