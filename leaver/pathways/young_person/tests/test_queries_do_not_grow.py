"""Issue 12: an action's query count is constant in the size of the organisation. Submitting
a record shares it along the distribution list, whose rules name roles; with 2,000 social
workers it once asked each one's roles separately (about 2,000 queries)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from leaver.accounts.models import User
from leaver.cases.models import RecordShare
from leaver.organisations.models import DistributionRecipient, Membership, Pathway, Role
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.testing import PASSWORD, Cast, held, make_case, make_cast, record_details


def grow(cast: Cast, people: int) -> None:
    """`people` more social workers and home managers in the organisation."""
    users = User.objects.bulk_create([
        User(email=f"extra{i}@{cast.org.slug}.example", full_name=f"Extra Person {i}",
             organisation=cast.org, password=PASSWORD) for i in range(people)])
    Membership.objects.bulk_create([
        Membership(user=u, role=Role.SOCIAL_WORKER if i % 2 else Role.UNIT_MANAGER,
                   setting=None if i % 2 else cast.other_home)
        for i, u in enumerate(users)])


def queries_to_submit(cast: Cast) -> int:
    case = held(cast, make_case(cast, State.SCHEDULED))
    with CaptureQueriesContext(connection) as captured:
        recording.submit_record(actor=cast.interviewer, interview=case,
                                details=record_details())
    assert RecordShare.objects.filter(interview=case, user=cast.social_worker).exists()
    return len(captured)


def test_submitting_a_record_costs_the_same_queries_in_a_bigger_organisation(db):
    small = make_cast("small")
    big = make_cast("big")
    for cast in (small, big):
        for role in (Role.SOCIAL_WORKER, Role.UNIT_MANAGER, Role.CSM):
            DistributionRecipient.objects.get_or_create(
                organisation=cast.org, pathway=Pathway.YOUNG_PERSON, role=role)
    grow(big, 300)
    assert queries_to_submit(big) == queries_to_submit(small)
