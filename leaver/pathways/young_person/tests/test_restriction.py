"""Who receives the record (seed 002 §3, §5): the distribution list and, by default, the
home's managers; restricting circulation at submission or later withdraws their copies."""

from __future__ import annotations

import pytest

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview, InterviewRecord, RecordShare
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import actions as ia
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State as S
from leaver.testing import (
    add_recommendation,
    answer_sections,
    held,
    make_case,
    record_details,
    snapshot,
)

# Restricting circulation (seed 002 §5) ---------------------------------------------------

def shares_of(interview: Interview) -> set[tuple[int, str]]:
    return set(RecordShare.objects.filter(interview=interview).values_list("user", "reason"))


def test_an_unrestricted_record_goes_to_the_distribution_list_and_the_homes_manager(cast):
    interview = make_case(cast, S.WITH_IRO)
    assert shares_of(interview) == {(cast.csm.pk, "distribution"),
                                    (cast.unit_manager.pk, "distribution")}


def test_an_interviewer_who_restricts_circulation_sends_no_copies(cast):
    interview = make_case(cast, S.SCHEDULED)
    held(cast, interview)
    recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
        restrict_circulation=True, restriction_reason="Names a member of staff."))
    record = InterviewRecord.objects.get(interview=interview)
    assert record.circulation_restricted
    assert record.restriction_reason == "Names a member of staff."
    assert shares_of(interview) == set()


@pytest.mark.parametrize("reason", ["", "   "])
def test_restricting_at_submission_needs_a_reason(cast, reason):
    interview = make_case(cast, S.SCHEDULED)
    held(cast, interview)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Give the reason for restricting circulation"):
        recording.submit_record(actor=cast.interviewer, interview=interview, details=record_details(
            restrict_circulation=True, restriction_reason=reason))
    assert snapshot(interview) == before


def test_the_check_page_needs_a_reason_to_restrict(client, cast):
    interview = make_case(cast, S.SCHEDULED)
    held(cast, interview)
    client.force_login(cast.interviewer)
    answer_sections(client, interview)
    before = snapshot(interview)
    response = client.post(f"/cases/{interview.public_id}/record/circulation/",
                           {"restrict_circulation": "yes", "restriction_reason": ""})
    assert response.status_code == 400
    assert "Give the reason for restricting circulation." in response.content.decode()
    assert snapshot(interview) == before


def test_the_iro_restricting_later_withdraws_the_distribution_copies(client, cast):
    interview = make_case(cast, S.WITH_IRO)
    add_recommendation(cast, interview, owner=cast.other_social_worker, share_record=True)
    record_url = f"/cases/{interview.public_id}/record/"
    client.force_login(cast.csm)
    assert client.get(record_url).status_code == 200
    ia.restrict_circulation(actor=cast.iro, interview=interview, reason="Names a carer.")
    # The copy the IRO gave the owner of a recommendation stays; the list's copies go,
    # the home's manager's with them.
    assert shares_of(interview) == {(cast.other_social_worker.pk, "shared_by_iro")}
    assert client.get(record_url).status_code == 404
    event = AuditEvent.objects.get(action="interview.restrict_circulation")
    assert event.detail["copies_withdrawn"] == 2
    record = InterviewRecord.objects.get(interview=interview)
    assert (record.circulation_restricted, record.restriction_reason) == (True, "Names a carer.")


def test_a_copy_the_iro_gave_an_owner_survives_restriction_even_from_the_list(cast):
    interview = make_case(cast, S.WITH_IRO)
    add_recommendation(cast, interview, owner=cast.csm, share_record=True)
    ia.restrict_circulation(actor=cast.iro, interview=interview, reason="Names a carer.")
    assert shares_of(interview) == {(cast.csm.pk, "shared_by_iro")}


def test_the_iro_must_give_a_reason_to_restrict(client, cast):
    interview = make_case(cast, S.WITH_IRO)
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="Give the reason for restricting circulation"):
        ia.restrict_circulation(actor=cast.iro, interview=interview, reason="  ")
    client.force_login(cast.iro)
    response = client.post(f"/cases/{interview.public_id}/restrict/", {"reason": "  "})
    assert response.status_code == 400
    assert "Give the reason for restricting circulation." in response.content.decode()
    assert snapshot(interview) == before
