"""A concern's steps: a safeguarding lead acknowledges it, writes the outcome (a referral made,
with who to, its reference and date; or no further action with a reason), checks it and
closes it. Each step is one audit row; steps out of order, or by anyone else, are refused."""

from __future__ import annotations

import datetime as dt
import html

import pytest
from django.utils import timezone

from leaver.audit.models import AuditEvent
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person.states import State
from leaver.safeguarding import actions, workflow
from leaver.safeguarding.models import Concern, Outcome, ReferredTo, Status
from leaver.safeguarding.tests.helpers import raise_one
from leaver.testing import date_parts, make_case

TODAY = timezone.localdate()


@pytest.fixture
def concern(cast) -> Concern:
    return raise_one(cast, make_case(cast, State.SCHEDULED))


def events(concern: Concern) -> list[str]:
    return list(AuditEvent.objects.filter(object_id=concern.public_id).exclude(
        action__endswith="viewed").order_by("id").values_list("action", flat=True))


def page(client, url: str, data: dict[str, str] | None = None):
    response = client.post(url, data or {}) if data is not None else client.get(url)
    return response, html.unescape(response.content.decode())


def test_acknowledge_then_a_referral_through_the_pages(cast, client, concern):
    base = f"/safeguarding/concerns/{concern.public_id}"
    client.force_login(cast.safeguarding_lead)
    _, text = page(client, f"{base}/")
    assert "Acknowledge the concern" in text
    assert "A referral was made" not in text
    response, _ = page(client, f"{base}/acknowledge/", {})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.acknowledged_by, concern.next_escalation_at) == (
        Status.ACKNOWLEDGED, cast.safeguarding_lead, None)
    _, text = page(client, f"{base}/")
    assert "You have acknowledged the concern" in text
    assert "A referral was made" in text
    # A referral: who to, the reference, the date; then checked, then closed.
    response, text = page(client, f"{base}/outcome/referral/", {
        "referred_to": "", "reference": "", **date_parts("referred_on", TODAY)})
    assert response.status_code == 400
    assert "Choose who the referral was made to." in text
    assert "Enter the referral's reference." in text
    response, _ = page(client, f"{base}/outcome/referral/", {
        "referred_to": ReferredTo.SOCIAL_CARE, "reference": "MASH-2027-0042",
        **date_parts("referred_on", TODAY)})
    assert response["Location"] == f"{base}/outcome/check/"
    concern.refresh_from_db()
    assert (concern.status, concern.outcome) == (Status.ACKNOWLEDGED, Outcome.REFERRAL)
    _, text = page(client, f"{base}/outcome/check/")
    assert "MASH-2027-0042" in text
    assert "Children's social care or the MASH" in text
    assert "A closed concern cannot be reopened." in text
    response, _ = page(client, f"{base}/outcome/check/", {})
    assert response.status_code == 302
    concern.refresh_from_db()
    assert (concern.status, concern.reference, concern.referred_on, concern.closed_by) == (
        Status.CLOSED, "MASH-2027-0042", TODAY, cast.safeguarding_lead)
    assert events(concern) == [
        "safeguarding.raised_by_hand", "safeguarding.acknowledged",
        "safeguarding.outcome_drafted", "safeguarding.referral_made"]
    # Nothing in any audit row is what anyone said or wrote.
    for detail in AuditEvent.objects.filter(object_id=concern.public_id).values_list(
            "detail", flat=True):
        assert "bruise" not in str(detail)
        assert "MASH-2027" not in str(detail)


def test_no_further_action_needs_a_reason(cast, client, concern):
    actions.acknowledge(actor=cast.safeguarding_lead, concern=concern)
    base = f"/safeguarding/concerns/{concern.public_id}"
    client.force_login(cast.safeguarding_lead)
    response, text = page(client, f"{base}/outcome/no-further-action/", {"reason": "  "})
    assert response.status_code == 400
    assert "Give the reason no further action is needed." in text
    response, text = page(client, f"{base}/outcome/no-further-action/",
                          {"reason": "r" * 2001})
    assert response.status_code == 400
    assert "The reason must be 2,000 characters or fewer." in text
    assert "r" * 2001 in text
    page(client, f"{base}/outcome/no-further-action/", {"reason": "Known; a plan is in place."})
    page(client, f"{base}/outcome/check/", {})
    concern.refresh_from_db()
    assert (concern.status, concern.outcome, concern.no_action_reason) == (
        Status.CLOSED, Outcome.NO_FURTHER_ACTION, "Known; a plan is in place.")


def test_steps_out_of_order_are_refused(cast, concern):
    lead = cast.safeguarding_lead
    with pytest.raises(ActionRefused, match="not yet acknowledged"):
        actions.draft_no_further_action(actor=lead, concern=concern, reason="r")
    with pytest.raises(ActionRefused):
        actions.close(actor=lead, concern=concern)
    actions.acknowledge(actor=lead, concern=concern)
    with pytest.raises(ActionRefused, match="Acknowledged"):
        actions.acknowledge(actor=lead, concern=concern)
    with pytest.raises(ActionRefused, match="Record the outcome"):
        actions.close(actor=lead, concern=concern)
    with pytest.raises(ActionRefused, match="on or after the day the concern was raised"):
        actions.draft_referral(actor=lead, concern=concern, referral=actions.Referral(
            ReferredTo.POLICE, "P1", TODAY - dt.timedelta(days=3)))
    with pytest.raises(ActionRefused, match="today or in the past"):
        actions.draft_referral(actor=lead, concern=concern, referral=actions.Referral(
            ReferredTo.POLICE, "P1", TODAY + dt.timedelta(days=1)))
    actions.draft_referral(actor=lead, concern=concern, referral=actions.Referral(
        ReferredTo.LADO, "L-1", TODAY))
    actions.close(actor=lead, concern=concern)
    with pytest.raises(ActionRefused, match="Closed"):
        actions.draft_referral(actor=lead, concern=concern, referral=actions.Referral(
            ReferredTo.LADO, "L-2", TODAY))


@pytest.mark.parametrize("person", ["interviewer", "csm", "iro", "org_admin"])
def test_only_a_lead_acknowledges_or_closes(cast, concern, person):
    with pytest.raises(ActionRefused, match=r"Only a safeguarding lead can do this\."):
        actions.acknowledge(actor=getattr(cast, person), concern=concern)
    assert Concern.objects.get(pk=concern.pk).status == Status.RAISED


def test_the_raiser_cannot_acknowledge_through_the_page(cast, client, concern):
    client.force_login(cast.interviewer)
    response = client.post(f"/safeguarding/concerns/{concern.public_id}/acknowledge/")
    assert response.status_code == 403
    assert "Only a safeguarding lead can do this." in html.unescape(response.content.decode())
    assert "Acknowledge the concern" not in client.get(
        f"/safeguarding/concerns/{concern.public_id}/").content.decode()


def test_the_lead_and_the_raiser_add_notes(cast, client, concern):
    for person in (cast.safeguarding_lead, cast.interviewer):
        client.force_login(person)
        response = client.post(f"/safeguarding/concerns/{concern.public_id}/note/",
                               {"text": f"A note by {person.full_name}."})
        assert response.status_code == 302
    assert list(concern.notes.values_list("text", flat=True)) == [
        f"A note by {cast.safeguarding_lead.full_name}.",
        f"A note by {cast.interviewer.full_name}."]
    response = client.post(f"/safeguarding/concerns/{concern.public_id}/note/", {"text": ""})
    assert response.status_code == 400
    assert "Enter the note." in response.content.decode()
    assert events(concern).count("safeguarding.note_added") == 2


def test_the_table_names_every_step_and_its_event():
    assert set(workflow.STEPS) == {"acknowledge", "draft_outcome", "referral_made",
                                   "no_further_action", "add_note", "add_answer", "escalate"}
    assert workflow.STEPS["acknowledge"].target == Status.ACKNOWLEDGED
    assert workflow.STEPS["referral_made"].sources == {Status.ACKNOWLEDGED}
    assert not workflow.STEPS["escalate"].by  # Leaver's own step
