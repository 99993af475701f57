"""The organisation's deadlines and nation: an admin sees the defaults, changes them (one
audit row with the old and new numbers), and bad input is refused with what was typed kept.
Who else may reach the pages is proved with every other page of the area
(test_organisation_access, through organisation_helpers.addresses)."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.events import OrganisationEvent as E
from leaver.administration.organisation import deadlines
from leaver.administration.tests.organisation_helpers import (
    BASE,
    admin_events,
    state_of,
    text_of,
)
from leaver.core.errors import ActionRefused
from leaver.core.working_days import Nation
from leaver.organisations.models import Deadlines, Organisation
from leaver.organisations.queries import deadlines_of
from leaver.testing import Cast

pytestmark = pytest.mark.django_db

PAGE = f"{BASE}deadlines/"
CHANGE = f"{BASE}deadlines/change/"


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def _post(**overrides: str) -> dict[str, str]:
    data = {"nation": "wales", "consent_days": "3", "interviewer_days": "4",
            "interview_days": "15", "review_days": "8", "referral_days": "2",
            "offer_days": "10", "confirmation_days": "10", "action_plan_days": "15",
            "repeat_days": "1", "link_days": "14"}
    data.update(overrides)
    return data


def test_an_organisation_starts_with_the_default_deadlines(admin, cast):
    assert not Deadlines.objects.filter(organisation=cast.org).exists()
    page = text_of(admin.get(PAGE))
    for words in ("Bank holidays of", "England", "Consent decision", "5 working days",
                  "Interview held and recorded", "20 working days", "IRO's review",
                  "10 working days", "Reminders repeat every", "2 working days"):
        assert words in page
    assert "Deadlines" in text_of(admin.get(BASE))  # a card on the area's first page
    # Reading wrote nothing.
    assert not Deadlines.objects.filter(organisation=cast.org).exists()


def test_an_admin_changes_the_deadlines_and_nation(admin, cast, other_cast):
    response = admin.post(CHANGE, _post())
    assert response.status_code == 302
    assert response["Location"] == PAGE
    saved = deadlines_of(cast.org.pk)
    assert (saved.consent_days, saved.interviewer_days, saved.interview_days,
            saved.review_days, saved.referral_days, saved.repeat_days) == (3, 4, 15, 8, 2, 1)
    assert Organisation.objects.get(pk=cast.org.pk).nation == Nation.WALES
    [event] = admin_events(cast.org, E.DEADLINES_CHANGED)
    assert event.actor == cast.org_admin
    assert event.object_id == cast.org.public_id
    assert event.detail == {"changed": {
        "nation": ["england", "wales"], "consent_days": [5, 3], "interviewer_days": [5, 4],
        "interview_days": [20, 15], "review_days": [10, 8], "referral_days": [5, 2],
        "repeat_days": [2, 1]}}
    page = text_of(admin.get(PAGE))
    for words in ("Wales", "15 working days", "1 working day"):
        assert words in page
    # The form starts from what is saved.
    form = text_of(admin.get(CHANGE))
    assert 'name="interview_days" value="15"' in form
    # Another organisation keeps its own.
    assert deadlines_of(other_cast.org.pk).consent_days == 5
    assert Organisation.objects.get(pk=other_cast.org.pk).nation == Nation.ENGLAND
    # Saving the same again writes nothing.
    admin.post(CHANGE, _post())
    assert len(admin_events(cast.org, E.DEADLINES_CHANGED)) == 1


def test_only_what_changed_is_logged(admin, cast):
    admin.post(CHANGE, _post(nation="england", consent_days="5", interviewer_days="5",
                             interview_days="20", review_days="10", referral_days="5",
                             repeat_days="3"))
    [event] = admin_events(cast.org, E.DEADLINES_CHANGED)
    assert event.detail == {"changed": {"repeat_days": [2, 3]}}


@pytest.mark.parametrize(("field", "typed", "message"), [
    ("consent_days", "", "Enter how many working days for “Consent decision”, for example 5."),
    ("consent_days", "five", "“Consent decision” must be a whole number of working days"),
    ("interview_days", "2.5", "“Interview held and recorded” must be a whole number"),
    ("review_days", "0", "“IRO's review” must be at least 1 working day."),
    ("referral_days", "-3", "“Complaint or advocacy referral” must be at least 1 working"),
    ("interviewer_days", "101", "“Interviewer chosen” must be 100 working days or fewer."),
    ("repeat_days", "21", "“Reminders repeat every” must be 20 working days or fewer."),
    ("offer_days", "0", "“Reply to the offer” must be at least 1 working day."),
    ("confirmation_days", "101", "“Leaver checks the record” must be 100 working days or "
                                 "fewer."),
    ("action_plan_days", "x", "“Action plan” must be a whole number of working days"),
    ("link_days", "91", "“Leaver's links work for” must be 90 days or fewer."),
    ("link_days", "0", "“Leaver's links work for” must be at least 1 day."),
    ("nation", "scotland", "Select a valid choice"),
    ("nation", "", "Choose whether your organisation is in England or Wales."),
])
def test_bad_input_is_refused_with_what_was_typed_kept(admin, cast, field, typed, message):
    before = state_of(cast.org)
    response = admin.post(CHANGE, _post(**{field: typed}))
    assert response.status_code == 400
    page = text_of(response)
    assert "There is a problem" in page
    assert message in page
    assert f'href="#id_{field}' in page  # the summary links to the field
    # Every box shows what was typed, the wrong one included.
    assert 'name="interview_days" value="{}"'.format(
        typed if field == "interview_days" else "15") in page
    if field != "nation" and typed:
        assert f'name="{field}" value="{typed}"' in page
    assert state_of(cast.org) == before


def test_the_action_refuses_what_the_form_would(cast):
    good = deadlines.DeadlineSettings(nation="england", consent_days=5, interviewer_days=5,
                                      interview_days=20, review_days=10, referral_days=5,
                                      offer_days=10, confirmation_days=10,
                                      action_plan_days=15, repeat_days=2, link_days=14)
    for bad in ({"consent_days": 0}, {"review_days": 101}, {"repeat_days": 21},
                {"nation": "scotland"}, {"offer_days": 0}, {"action_plan_days": 101},
                {"link_days": 0}, {"link_days": 91}):
        with pytest.raises(ActionRefused):
            deadlines.change_deadlines(actor=cast.org_admin, organisation=cast.org,
                                       settings=deadlines.DeadlineSettings(
                                           **{**vars(good), **bad}))
    # Only an admin of this organisation.
    for actor in (cast.csm, cast.iro):
        with pytest.raises(ActionRefused):
            deadlines.change_deadlines(actor=actor, organisation=cast.org, settings=good)
    assert not Deadlines.objects.filter(organisation=cast.org).exists()


def test_an_admin_sets_the_staff_deadlines_and_how_long_links_work(admin, cast):
    page = text_of(admin.get(PAGE))
    for words in ("Reply to the offer", "Leaver checks the record", "Action plan",
                  "Leaver's links work for", "14 days"):
        assert words in page
    admin.post(CHANGE, _post(offer_days="7", confirmation_days="12", action_plan_days="20",
                             link_days="30"))
    saved = deadlines_of(cast.org.pk)
    assert (saved.offer_days, saved.confirmation_days, saved.action_plan_days,
            saved.link_days) == (7, 12, 20, 30)
    [event] = admin_events(cast.org, E.DEADLINES_CHANGED)
    for name in ("offer_days", "confirmation_days", "action_plan_days", "link_days"):
        assert name in event.detail["changed"]
    page = text_of(admin.get(PAGE))
    assert "30 days" in page
    assert "7 working days" in page
