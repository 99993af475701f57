"""Who reads a record because it was shared (the IRO's tick, the distribution rule) and who
loses it when the IRO restricts circulation; who may see a recommendation."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import Client
from django.urls import reverse

from leaver.accounts.models import User
from leaver.cases.models import Interview, RecordShare, ShareReason
from leaver.organisations.models import DistributionRecipient, Pathway, Role
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.reviews.access import get_recommendation_for_user, recommendations_owned_by
from leaver.reviews.models import Recommendation
from leaver.testing import add_recommendation, held, make_case, record_details

ANSWER = "An answer in my words."  # every open answer in leaver.testing.full_answers()


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def record_path(interview: Interview) -> str:
    return reverse("young_person:record", args=[interview.public_id])


def recommend_through_the_page(cast, interview: Interview, owner: User,
                               share: bool) -> Recommendation:
    data = {"text": "Talk to the home about bedtimes.", "young_person_text": "Bedtimes.",
            "owner": owner.pk, "due_date-day": "1", "due_date-month": "1",
            "due_date-year": "2099"}
    if share:
        data["share_record"] = "on"
    iro = as_(cast.iro)
    response = iro.post(reverse("reviews:draft_new", args=[interview.public_id]), data)
    assert response.status_code == 302
    response = iro.post(reverse("reviews:check", args=[interview.public_id]))
    assert response.status_code == 302
    return Recommendation.objects.get(interview=interview, owner=owner)


# --- the IRO's tick -----------------------------------------------------------------------

@pytest.mark.parametrize("share", [True, False])
def test_an_owner_reads_the_record_only_if_the_iro_shared_it(cast, share):
    interview = make_case(cast, State.WITH_IRO)
    owner = cast.senior_manager  # a role that never sees a case on its own
    rec = recommend_through_the_page(cast, interview, owner, share)
    assert rec.record_shared_with_owner is share
    client = as_(owner)
    rec_page = client.get(reverse("reviews:recommendation", args=[rec.public_id]))
    assert rec_page.status_code == 200
    assert (record_path(interview) in rec_page.content.decode()) is share
    record = client.get(record_path(interview))
    assert record.status_code == (200 if share else 404)
    assert (ANSWER in record.content.decode()) is share
    # Either way the owner is not given the case itself.
    assert client.get(reverse("young_person:case", args=[interview.public_id])).status_code == 404


def test_sharing_with_one_owner_shares_with_nobody_else(cast):
    interview = make_case(cast, State.WITH_IRO)
    recommend_through_the_page(cast, interview, cast.senior_manager, share=True)
    recommend_through_the_page(cast, interview, cast.org_admin, share=False)
    assert as_(cast.senior_manager).get(record_path(interview)).status_code == 200
    assert as_(cast.org_admin).get(record_path(interview)).status_code == 404
    assert as_(cast.safeguarding_lead).get(record_path(interview)).status_code == 404


# --- the distribution rule and restricting circulation ------------------------------------

def test_the_csm_reads_the_record_through_the_distribution_rule(cast):
    interview = make_case(cast, State.WITH_IRO)
    assert RecordShare.objects.filter(interview=interview, user=cast.csm,
                                      reason=ShareReason.DISTRIBUTION).exists()
    response = as_(cast.csm).get(record_path(interview))
    assert response.status_code == 200
    assert ANSWER in response.content.decode()


def test_restricting_circulation_takes_the_record_away_from_the_csm(cast):
    interview = make_case(cast, State.WITH_IRO)
    response = as_(cast.iro).post(reverse("young_person:restrict", args=[interview.public_id]),
                                  {"reason": "It names a member of staff."})
    assert response.status_code == 302
    csm = as_(cast.csm)
    assert csm.get(record_path(interview)).status_code == 404
    case_page = csm.get(reverse("young_person:case", args=[interview.public_id]))
    assert case_page.status_code == 200  # still oversees the case...
    assert record_path(interview) not in case_page.content.decode()  # ...not the answers
    assert not RecordShare.objects.filter(interview=interview, user=cast.csm).exists()
    assert as_(cast.iro).get(record_path(interview)).status_code == 200
    assert as_(cast.interviewer).get(record_path(interview)).status_code == 200


def test_a_record_restricted_when_submitted_is_copied_to_nobody(cast):
    interview = make_case(cast, State.SCHEDULED)
    held(cast, interview)
    recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
        restrict_circulation=True, restriction_reason="Names a member of staff."))
    assert not RecordShare.objects.filter(interview=interview).exists()
    assert as_(cast.csm).get(record_path(interview)).status_code == 404
    assert as_(cast.iro).get(record_path(interview)).status_code == 200


def test_a_rule_naming_unit_managers_means_this_homes_managers_not_every_home(cast):
    DistributionRecipient.objects.create(organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                                         role=Role.UNIT_MANAGER)
    interview = make_case(cast, State.WITH_IRO)
    assert as_(cast.unit_manager).get(record_path(interview)).status_code == 200
    assert as_(cast.other_unit_manager).get(record_path(interview)).status_code == 404


def test_a_rule_by_role_means_that_role_for_this_young_person(cast):
    DistributionRecipient.objects.create(organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                                         role=Role.SOCIAL_WORKER)
    interview = make_case(cast, State.WITH_IRO)
    assert as_(cast.social_worker).get(record_path(interview)).status_code == 200
    assert as_(cast.other_social_worker).get(record_path(interview)).status_code == 404


def test_a_rule_naming_someone_in_another_organisation_gives_them_nothing(cast, other_cast):
    DistributionRecipient.objects.create(organisation=cast.org, pathway=Pathway.YOUNG_PERSON,
                                         user=other_cast.csm)
    interview = make_case(cast, State.WITH_IRO)
    assert not RecordShare.objects.filter(user=other_cast.csm).exists()
    assert as_(other_cast.csm).get(record_path(interview)).status_code == 404


def test_a_share_left_over_for_someone_now_in_another_organisation_counts_for_nothing(
        cast, other_cast):
    interview = make_case(cast, State.WITH_IRO)
    RecordShare.objects.create(interview=interview, user=other_cast.iro,
                               reason=ShareReason.SHARED_BY_IRO)
    assert as_(other_cast.iro).get(record_path(interview)).status_code == 404


# --- recommendations ----------------------------------------------------------------------

def test_get_recommendation_for_user(cast, other_cast):
    interview = make_case(cast, State.WITH_IRO)
    for_manager = add_recommendation(cast, interview, owner=cast.senior_manager)
    for_admin = add_recommendation(cast, interview, owner=cast.org_admin)
    case_readers = {cast.iro, cast.csm, cast.social_worker}
    for rec, owner in ((for_manager, cast.senior_manager), (for_admin, cast.org_admin)):
        for user in cast.people().values():
            if user in case_readers or user == owner:
                assert get_recommendation_for_user(user, rec.public_id) == rec
            else:
                with pytest.raises(Http404):
                    get_recommendation_for_user(user, rec.public_id)
        for user in other_cast.people().values():
            with pytest.raises(Http404):
                get_recommendation_for_user(user, rec.public_id)


def test_owners_list_only_their_own_recommendations(cast, other_cast):
    mine = add_recommendation(cast, make_case(cast, State.WITH_IRO), owner=cast.senior_manager)
    others = [
        add_recommendation(cast, make_case(cast, State.WITH_IRO)),  # the CSM's
        add_recommendation(other_cast, make_case(other_cast, State.WITH_IRO),
                           owner=other_cast.senior_manager),
    ]
    assert list(recommendations_owned_by(cast.senior_manager)) == [mine]
    html = as_(cast.senior_manager).get(reverse("reviews:my_recommendations")).content.decode()
    assert reverse("reviews:recommendation", args=[mine.public_id]) in html
    for rec in others:
        assert str(rec.public_id) not in html


def test_someone_who_can_see_a_recommendation_cannot_answer_it_for_the_owner(cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.senior_manager)
    response = as_(cast.csm).post(reverse("reviews:recommendation", args=[rec.public_id]),
                                  {"kind": "will_act", "text": "Answered by someone else."})
    assert response.status_code == 403
    rec.refresh_from_db()
    assert rec.responded_at is None
    assert rec.response_text == ""
