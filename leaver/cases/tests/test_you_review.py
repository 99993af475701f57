"""A staff leaver checks their record (review link): signs it as accurate by typing their
full name (empty refused) or asks for a correction; either uses the link, and coming back
after signing is the "already used" page, with nothing changed."""

from __future__ import annotations

import pytest

from leaver.cases.models import (
    Confirmation,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    SignOff,
)
from leaver.cases.tests.you_cast import answer_all, answering, make_school, refusals, rows
from leaver.notifications.models import Message
from leaver.pathways.staff.states import State

pytestmark = pytest.mark.django_db


def reviewing(school):
    case, client, base = answering(school)
    answer_all(client, base)
    client.post(f"{base}check/")
    link = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.REVIEW)
    return Interview.objects.get(pk=case.pk), client, f"/you/{link.public_id}/review/"


def test_the_review_shows_the_current_version_and_signing_needs_a_name():
    school = make_school()
    case, client, page = reviewing(school)
    text = client.get(page).content.decode()
    assert "version 1" in text
    assert "A new job nearer home." in text
    before = rows(case)
    response = client.post(page, {"choice": "sign", "full_name": "   ", "version": "1"})
    assert response.status_code == 400
    assert "Type your full name to sign" in response.content.decode()
    assert rows(case) == before


def test_signing_stores_the_hash_of_the_version_and_uses_the_link():
    school = make_school()
    case, client, page = reviewing(school)
    response = client.post(page, {"choice": "sign", "full_name": " Sam  Teacher ",
                                  "version": "1"})
    assert response["Location"].endswith("/done/")
    assert "You have signed" in client.get(response["Location"]).content.decode()
    signed = SignOff.objects.get(interview=case)
    version = case.record_versions.get()
    assert signed.typed_name == "Sam Teacher"
    assert signed.version == version
    assert signed.content_sha256 == version.content_sha256
    assert signed.recorded_by is None
    case.refresh_from_db()
    assert case.state == State.CONFIRMED
    assert InterviewRecord.objects.get(interview=case).confirmation == Confirmation.CONFIRMED
    # Reused after sign-off: the "already used" page, and nothing changes.
    before = rows(case)
    again = client.post(page, {"choice": "sign", "full_name": "Sam Teacher", "version": "1"})
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert rows(case) == before
    assert refusals(case) == ["used"]


def test_asking_for_a_correction_records_it_and_tells_the_leads():
    school = make_school()
    case, client, page = reviewing(school)
    empty = client.post(page, {"choice": "correct", "comment": "", "version": "1"})
    assert empty.status_code == 400
    assert "Say what needs to be corrected" in empty.content.decode()
    Message.objects.all().delete()
    response = client.post(page, {"choice": "correct", "comment": "I left for a new job.",
                                  "version": "1"})
    assert response.status_code == 302
    asked = CorrectionRequest.objects.get(interview=case)
    assert asked.comment == "I left for a new job."
    assert asked.version.number == 1
    case.refresh_from_db()
    assert case.state == State.CORRECTIONS_REQUESTED
    assert case.record.confirmation == Confirmation.CORRECTIONS_REQUESTED
    assert LeaverLink.objects.get(purpose=LinkPurpose.REVIEW).used_at is not None
    # No interviewer yet (they answered online): the HR lead is told.
    assert school.hr_lead.email in set(Message.objects.values_list("to", flat=True))
    assert client.get(page).status_code == 410


def test_a_stale_version_is_refused():
    school = make_school()
    _, client, page = reviewing(school)
    response = client.post(page, {"choice": "sign", "full_name": "Sam", "version": "2"})
    assert response.status_code == 400
    assert "changed while you were reading it" in response.content.decode()
    assert not SignOff.objects.exists()
