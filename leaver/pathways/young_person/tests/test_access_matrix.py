"""Who can open which page of a case: every role x every page x (their own case, a case in
their organisation they are not connected to, another organisation's case).

Read the policy from the tables below. 200: the page opens. 403: the person may see the
case but cannot do this. Everything else is 404, so an id tells nobody what exists.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import access
from leaver.cases.models import Answer, Interview, InterviewRecord, RecordShare
from leaver.organisations.models import Membership, Role
from leaver.pathways.young_person.states import State
from leaver.reviews import access as review_access
from leaver.reviews import actions as ra
from leaver.reviews.access import get_recommendation_for_user
from leaver.reviews.models import Letter, Recommendation, Review
from leaver.testing import (
    Cast,
    add_recommendation,
    check_post,
    make_case,
    make_user,
    section_post,
)

ROLES = (
    "unit_manager", "social_worker", "csm", "interviewer", "iro", "rec_owner",
    "safeguarding_lead", "senior_manager", "org_admin", "outsider",
)
PAGES = (
    "case", "record", "consent", "interviewer", "schedule", "record_new", "record_check",
    "restrict",
    "review", "letter", "letter_pdf", "recommendation", "withdraw",
)

# Each page is tried on a case in the state where it means something.
PAGE_STATE = {
    "case": State.SCHEDULED,
    "record": State.RECOMMENDATIONS_ISSUED,
    "consent": State.NOTIFIED,
    "interviewer": State.INTERVIEWER_ASSIGNED,
    "schedule": State.INTERVIEWER_ASSIGNED,
    "record_new": State.SCHEDULED,  # the first section of the questionnaire
    "record_check": State.SCHEDULED,
    "restrict": State.WITH_IRO,
    "review": State.WITH_IRO,
    "letter": State.RECOMMENDATIONS_ISSUED,
    "letter_pdf": State.RECOMMENDATIONS_ISSUED,  # with a saved letter
    "recommendation": State.RECOMMENDATIONS_ISSUED,
    "withdraw": State.SCHEDULED,
}

# On their own case (the home they manage, the young person allocated to them, the case
# assigned to them, the recommendation they own, which the IRO shared the record with),
# the pages each person can open (200)...
OPENS: dict[str, set[str]] = {
    "unit_manager": {"case"},
    "social_worker": {"case", "consent", "letter_pdf", "recommendation", "withdraw"},
    "csm": {"case", "interviewer", "record", "letter_pdf", "recommendation", "withdraw"},
    "interviewer": {"case", "schedule", "record_new", "record_check", "record", "withdraw"},
    "iro": {"case", "record", "restrict", "review", "letter", "letter_pdf", "recommendation",
            "withdraw"},
    "rec_owner": {"recommendation", "record"},
    "safeguarding_lead": set(),
    "senior_manager": set(),
    "org_admin": set(),
    "outsider": set(),
}
# ...and the pages of a case they can see but cannot act on (403). Every other page is 404:
# the Unit Manager never reads answers, and the interviewer is not yet assigned at consent.
SEES_BUT_CANNOT_ACT: dict[str, set[str]] = {
    "unit_manager": {"consent", "interviewer", "schedule", "record_new", "record_check",
                     "restrict", "review", "letter", "letter_pdf", "withdraw"},
    "social_worker": {"interviewer", "schedule", "record_new", "record_check", "restrict",
                      "review", "letter"},
    "csm": {"consent", "schedule", "record_new", "record_check", "restrict", "review",
            "letter"},
    "interviewer": {"interviewer", "restrict", "review", "letter", "letter_pdf"},
    "iro": {"consent", "interviewer", "schedule", "record_new", "record_check"},
    "rec_owner": set(),
    "safeguarding_lead": set(),
    "senior_manager": set(),
    "org_admin": set(),
    "outsider": set(),
}
# Oversight roles see every case of their organisation; everyone else gets 404 on a case of
# their organisation they are not connected to. Another organisation's case: 404 for all.
OVERSIGHT = {"csm", "iro"}


def on_own_case(role: str, page: str) -> int:
    if page in OPENS[role]:
        return 200
    return 403 if page in SEES_BUT_CANNOT_ACT[role] else 404


def on_unconnected_case(role: str, page: str) -> int:
    return on_own_case(role, page) if role in OVERSIGHT else 404


# --- building the cases -------------------------------------------------------------------

def person(cast: Cast, role: str) -> User:
    if role == "rec_owner":
        if "rec_owner" not in cast.extra:
            # A member with no role at all: only owning a recommendation lets them in.
            cast.extra["rec_owner"] = make_user(cast.org, f"{cast.org.slug.title()} Rhea Owner")
        return cast.extra["rec_owner"]
    user: User = getattr(cast, role)
    return user


def unconnected(cast: Cast) -> Cast:
    """The same organisation seen through the other home, social worker and interviewer."""
    return dataclasses.replace(
        cast, home=cast.other_home, unit_manager=cast.other_unit_manager,
        social_worker=cast.other_social_worker, interviewer=cast.other_interviewer)


def build(cast: Cast, page: str, name: str, owner: User | None = None,
          ) -> tuple[Interview, Recommendation | None]:
    """A case in the page's state; with recommendations, also a saved letter and (if `owner`)
    a recommendation for `owner` with the record shared."""
    interview = make_case(cast, PAGE_STATE[page], leaver_name=name)
    rec = None
    if interview.state == State.RECOMMENDATIONS_ISSUED:
        rec = (add_recommendation(cast, interview, owner=owner, share_record=True) if owner
               else interview.recommendations.get())
        ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan, thank you.")
        interview.refresh_from_db()
    return interview, rec


def url(page: str, interview: Interview, rec: Recommendation | None) -> str:
    pid = interview.public_id
    if page == "recommendation":
        assert rec is not None
        return reverse("reviews:recommendation", args=[rec.public_id])
    if page == "withdraw":
        return reverse("young_person:close_early", args=[pid, "withdraw"])
    names = {"case": "young_person:case", "record": "young_person:record",
             "consent": "young_person:consent", "interviewer": "young_person:assign",
             "schedule": "young_person:schedule", "record_new": "young_person:record_new",
             "record_check": "young_person:record_check",
             "restrict": "young_person:restrict", "review": "reviews:review",
             "letter": "reviews:letter", "letter_pdf": "reviews:letter_pdf",
             "letter_sent": "reviews:letter_sent"}
    return reverse(names[page], args=[pid])


def post_data(page: str, cast: Cast) -> dict[str, object]:
    """What the rightful person would post: if access were missing, the write would happen."""
    soon = (timezone.localtime() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    by_page: dict[str, dict[str, object]] = {
        "consent": {"outcome": "consent_given", "may_quote": "on"},
        "interviewer": {"interviewer": cast.other_interviewer.pk},
        "schedule": {"scheduled_for": soon, "location": "Somewhere else"},
        "record_new": section_post("living_here",
                                   happy_living_here_comment="Written by an intruder."),
        "record_check": dict(check_post()),
        "restrict": {"reason": "Intruder."},
        "review": {"form": "no_action", "reason": "Intruder."},
        "letter": {"text": "Intruder's letter."},
        "recommendation": {"kind": "will_act", "text": "Intruder's answer."},
        "withdraw": {"reason": "Intruder."},
    }
    return by_page.get(page, {})


def snapshot(interview: Interview) -> dict[str, object]:
    fresh = Interview.objects.get(pk=interview.pk)
    return {
        "case": (fresh.state, fresh.interviewer_id, fresh.scheduled_for, fresh.location,
                 fresh.closed_at, fresh.consent_recorded_at, fresh.outcome_reason),
        "review": list(Review.objects.values_list("interview_id", "no_action_reason")),
        "letter": list(Letter.objects.values_list("interview_id", "text", "sent_at")),
        "audit": AuditEvent.objects.exclude(action__startswith="account.").count(),
        "records": list(InterviewRecord.objects.values_list("pk", "circulation_restricted")),
        "answers": list(Answer.objects.values_list("pk", "value")),
        "shares": RecordShare.objects.count(),
        "recommendations": list(Recommendation.objects.values_list("pk", "responded_at")),
    }


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- the matrix ---------------------------------------------------------------------------

def test_the_tables_name_every_role_and_page_once():
    assert set(OPENS) == set(SEES_BUT_CANNOT_ACT) == set(ROLES)
    for role in ROLES:
        assert OPENS[role] <= set(PAGES)
        assert SEES_BUT_CANNOT_ACT[role] <= set(PAGES)
        assert not OPENS[role] & SEES_BUT_CANNOT_ACT[role], role


MATRIX = [(role, page) for role in ROLES for page in PAGES]


@pytest.mark.parametrize(("role", "page"), MATRIX)
def test_own_case(cast, role, page):
    user = person(cast, role)
    interview, rec = build(cast, page, "Jordan Ellis", owner=person(cast, "rec_owner"))
    response = as_(user).get(url(page, interview, rec))
    assert response.status_code == on_own_case(role, page)


@pytest.mark.parametrize(("role", "page"), MATRIX)
def test_case_in_own_organisation_not_connected_to_them(cast, role, page):
    user = person(cast, role)
    interview, rec = build(unconnected(cast), page, "Casey Morgan")
    assert interview.young_person.social_worker == cast.other_social_worker
    expected = on_unconnected_case(role, page)
    before = snapshot(interview)
    client = as_(user)
    assert client.get(url(page, interview, rec)).status_code == expected
    if expected == 404:
        # Acting on a case one may not see is just as unknown, and changes nothing.
        response = client.post(url(page, interview, rec), post_data(page, cast))
        assert response.status_code == 404
        assert snapshot(interview) == before


@pytest.mark.parametrize(("role", "page"), [*MATRIX, *((r, "letter_sent") for r in ROLES)])
def test_another_organisations_case_is_404_for_every_role_get_and_post(
        cast, other_cast, role, page):
    user = person(cast, role)
    state_page = "letter" if page == "letter_sent" else page
    interview, rec = build(other_cast, state_page, "Riley Stone",
                           owner=person(other_cast, "rec_owner"))
    before = snapshot(interview)
    client = as_(user)
    if page != "letter_sent":
        assert client.get(url(page, interview, rec)).status_code == 404
    assert client.post(url(page, interview, rec), post_data(page, other_cast)).status_code == 404
    assert snapshot(interview) == before


def test_another_organisations_case_looks_exactly_like_an_id_that_does_not_exist(
        cast, other_cast):
    theirs = make_case(other_cast, State.SCHEDULED)
    client = as_(cast.iro)
    real = client.get(reverse("young_person:case", args=[theirs.public_id]))
    made_up = client.get(reverse("young_person:case", args=[uuid.uuid4()]))
    assert real.status_code == made_up.status_code == 404
    assert real.content == made_up.content


# --- lists --------------------------------------------------------------------------------

def _three_cases(cast: Cast, other_cast: Cast, state: State) -> None:
    make_case(cast, state, leaver_name="Jordan Ellis")
    make_case(unconnected(cast), state, leaver_name="Casey Morgan")
    make_case(other_cast, state, leaver_name="Riley Stone")


SEES_OWN_CASE = {"unit_manager", "social_worker", "csm", "interviewer", "iro"}


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
    assert ("Casey Morgan" in html) == (role in OVERSIGHT and WORK_STATE[role] == state)
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


def test_unit_manager_case_page_has_no_answers_and_no_record_link(cast):
    interview = make_case(cast, State.WITH_IRO)
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
    assert "How to reach them" in html
    assert "10 Example Road" in html


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
    readers = {"csm", "interviewer", "iro", "rec_owner"}
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
