"""Distribution rules: who gets a copy of each record besides those who always do. A rule
names a role (its holders for that young person) or a named person; each is added and removed
on a check page, shown in plain English, audited, and used for records submitted after."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.administration.events import OrganisationEvent as E
from leaver.administration.organisation import distribution
from leaver.administration.tests.organisation_helpers import (
    BASE,
    admin_events,
    state_of,
    text_of,
)
from leaver.cases.models import RecordShare
from leaver.core.errors import ActionRefused
from leaver.organisations.models import DistributionRecipient, Pathway, Role
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case, make_user

pytestmark = pytest.mark.django_db

ADD = f"{BASE}distribution/young_person/add/"
CHECK = f"{BASE}distribution/young_person/check/"


@pytest.fixture
def admin(client: Client, cast: Cast) -> Client:
    client.force_login(cast.org_admin)
    return client


def _rules(cast: Cast) -> list[tuple[str, int | None]]:
    return list(DistributionRecipient.objects.filter(organisation=cast.org).order_by("pk")
                .values_list("role", "user_id"))


def test_the_list_says_who_gets_a_copy_in_plain_english(admin, cast):
    distribution.add_rule(actor=cast.org_admin, organisation=cast.org,
                          pathway=Pathway.YOUNG_PERSON,
                          rule=distribution.Rule(user=cast.safeguarding_lead))
    page = text_of(admin.get(f"{BASE}distribution/"))
    assert "The young person's Independent Reviewing Officer (IRO)" in page  # always
    assert "Every Children's Services Manager" in page  # the cast's rule
    assert f"{cast.safeguarding_lead.full_name} (Safeguarding lead)" in page


def test_a_role_rule_is_checked_then_added_and_audited(admin, cast):
    response = admin.post(ADD, {"who": Role.SOCIAL_WORKER})
    assert response["Location"] == CHECK
    assert _rules(cast) == [(Role.CSM, None)]  # nothing saved before the check page
    page = text_of(admin.get(CHECK))
    assert "The young person's social worker" in page
    assert admin.post(CHECK)["Location"] == f"{BASE}distribution/"
    assert _rules(cast) == [(Role.CSM, None), (Role.SOCIAL_WORKER, None)]
    [event] = admin_events(cast.org, E.DISTRIBUTION_RULE_ADDED)
    assert event.detail == {"pathway": "young_person", "role": "social_worker", "user": None}
    # The pending rule is gone: the check page sends the admin back to the form.
    assert admin.get(CHECK)["Location"] == ADD


def test_the_rule_means_the_social_worker_of_each_young_person(admin, cast):
    admin.post(ADD, {"who": Role.SOCIAL_WORKER})
    admin.post(CHECK)
    interview = make_case(cast, State.WITH_IRO)
    shared = set(RecordShare.objects.filter(interview=interview).values_list("user", flat=True))
    assert cast.social_worker.pk in shared
    assert cast.other_social_worker.pk not in shared


def test_a_named_person_is_shown_by_name_and_role_and_gets_a_copy(admin, cast):
    alex = make_user(cast.org, "Alex Jones", Role.CSM)
    admin.post(ADD, {"who": "person", "person": str(alex.pk)})
    assert "Alex Jones (Children's Services Manager)" in text_of(admin.get(CHECK))
    admin.post(CHECK)
    assert (("", alex.pk)) in _rules(cast)
    [event] = admin_events(cast.org, E.DISTRIBUTION_RULE_ADDED)
    assert event.detail["user"] == str(alex.public_id)
    interview = make_case(cast, State.WITH_IRO)
    assert RecordShare.objects.filter(interview=interview, user=alex).exists()


def test_what_was_chosen_is_kept_for_change_from_the_check_page(admin, cast):
    admin.post(ADD, {"who": "person", "person": str(cast.iro.pk)})
    page = text_of(admin.get(ADD))
    assert f'value="{cast.iro.pk}" selected' in page


@pytest.mark.parametrize(("data", "message"), [
    ({}, "Choose who should get a copy."),
    ({"who": "person"}, "Choose the person who should get a copy."),
    ({"who": Role.SENIOR_MANAGER}, "Select a valid choice"),
    ({"who": "nobody"}, "Select a valid choice"),
])
def test_bad_choices_are_refused_and_nothing_changes(admin, cast, data, message):
    before = state_of(cast.org)
    response = admin.post(ADD, data)
    assert response.status_code == 400
    assert message in text_of(response)
    assert state_of(cast.org) == before
    assert admin.get(CHECK).status_code == 302  # nothing pending


def test_people_who_never_read_records_and_other_organisations_are_not_offered(
        admin, cast, other_cast):
    offered = text_of(admin.get(ADD)).split("<select", 1)[1].split("</select>", 1)[0]
    assert cast.iro.full_name in offered
    for person in (cast.senior_manager, cast.org_admin, cast.outsider, other_cast.csm):
        assert person.full_name not in offered
    before = state_of(cast.org)
    for person in (cast.senior_manager, other_cast.csm):
        response = admin.post(ADD, {"who": "person", "person": str(person.pk)})
        assert response.status_code == 400
        assert "Choose a person from the list." in text_of(response)
    assert state_of(cast.org) == before
    with pytest.raises(ActionRefused, match="Choose a person from the list"):
        distribution.add_rule(actor=cast.org_admin, organisation=cast.org,
                              pathway=Pathway.YOUNG_PERSON,
                              rule=distribution.Rule(user=other_cast.csm))


def test_a_rule_already_there_is_refused_on_the_check_page(admin, cast):
    before = state_of(cast.org)
    admin.post(ADD, {"who": Role.CSM})
    response = admin.post(CHECK)
    assert response.status_code == 400
    assert "That rule is already there: “Every Children's Services Manager”." in text_of(
        response)
    assert state_of(cast.org) == before


def test_a_rule_is_removed_on_a_check_page_and_audited(admin, cast):
    rule = DistributionRecipient.objects.get(organisation=cast.org, role=Role.CSM)
    url = f"{BASE}distribution/{rule.public_id}/remove/"
    page = text_of(admin.get(url))
    assert "Every Children's Services Manager" in page
    assert _rules(cast) == [(Role.CSM, None)]
    assert admin.post(url).status_code == 302
    assert _rules(cast) == []
    [event] = admin_events(cast.org, E.DISTRIBUTION_RULE_REMOVED)
    assert event.object_id == rule.public_id
    assert event.detail == {"pathway": "young_person", "role": "csm", "user": None}
    # From now on the CSM is not sent records (the home's manager still is).
    interview = make_case(cast, State.WITH_IRO)
    shared = set(RecordShare.objects.filter(interview=interview).values_list("user", flat=True))
    assert shared == {cast.unit_manager.pk}


def test_removing_keeps_the_copies_already_sent(admin, cast):
    interview = make_case(cast, State.WITH_IRO)
    rule = DistributionRecipient.objects.get(organisation=cast.org, role=Role.CSM)
    admin.post(f"{BASE}distribution/{rule.public_id}/remove/")
    assert RecordShare.objects.filter(interview=interview, user=cast.csm).exists()


def test_only_an_admin_of_the_organisation_can_change_its_rules(cast, other_cast):
    before = state_of(cast.org)
    rule = DistributionRecipient.objects.get(organisation=cast.org, role=Role.CSM)
    for actor in (cast.csm, other_cast.org_admin):
        with pytest.raises(ActionRefused):
            distribution.remove_rule(actor=actor, rule=rule)
        with pytest.raises(ActionRefused):
            distribution.add_rule(actor=actor, organisation=cast.org,
                                  pathway=Pathway.YOUNG_PERSON,
                                  rule=distribution.Rule(role=Role.SOCIAL_WORKER))
    assert state_of(cast.org) == before


def test_a_switched_off_person_is_described_as_getting_nothing(cast):
    rule = distribution.add_rule(actor=cast.org_admin, organisation=cast.org,
                                 pathway=Pathway.YOUNG_PERSON,
                                 rule=distribution.Rule(user=cast.iro))
    cast.iro.is_active = False
    cast.iro.save()
    rule.refresh_from_db()
    assert distribution.describe(rule).endswith("account switched off, so gets nothing")
