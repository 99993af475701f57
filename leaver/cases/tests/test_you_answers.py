"""A staff leaver answers the questions themselves (self-completion link): one section a
page with progress, saved as a draft ("Save and come back later"), in Welsh for a Welsh
speaker; an answer that meets a safeguarding trigger raises a concern as in an interview and
the next page says who is told and how to get help; the check page, then the record made
(version 1, waiting for their check) and straight on to the review page."""

from __future__ import annotations

import pytest
from django.test import Client

from leaver.cases.models import Answer, Confirmation, Interview, LeaverLink, LinkPurpose
from leaver.cases.tests.you_cast import answer_all, answering, make_school
from leaver.pathways.staff.states import State
from leaver.safeguarding.models import Concern, Trigger

pytestmark = pytest.mark.django_db


def test_sections_show_progress_and_save_to_come_back_later():
    school = make_school()
    case, client, base = answering(school)
    page = client.get(f"{base}feelings/").content.decode()
    assert "Section 1 of 3" in page
    assert "How was it overall?" in page
    # Saved without checking: the required question may wait.
    response = client.post(f"{base}feelings/", {"rating": "2", "later": ""})
    assert response["Location"].endswith("/answers/saved/")
    assert "Your answers are saved" in client.get(response["Location"]).content.decode()
    assert dict(Answer.objects.filter(interview=case).values_list("item_key", "value")) == {
        "rating": "2"}
    assert LeaverLink.objects.get(interview=case).used_at is None
    # Coming back with the same link later: the answer is there.
    page = client.get(f"{base}feelings/").content.decode()
    assert 'value="2" checked' in page


def test_save_and_continue_asks_for_the_required_answers():
    school = make_school()
    case, client, base = answering(school)
    response = client.post(f"{base}feelings/", {"rating": "3", "continue": ""})
    assert response.status_code == 400
    text = response.content.decode()
    # In the leaver's words: they are the one asked, so no "Not asked".
    assert "Answer “Did you feel safe?”, or choose “Did not want to answer”" in text
    assert "Not asked" not in text
    assert "if they did not answer" not in text
    assert not Answer.objects.filter(interview=case).exists()
    ok = client.post(f"{base}feelings/", {"rating": "3", "felt_safe": "yes", "continue": ""})
    assert ok["Location"].endswith("/answers/why/")
    assert "Section 2 of 3" in client.get(ok["Location"]).content.decode()


def test_a_welsh_speaker_reads_the_questions_in_welsh():
    school = make_school()
    _, client, base = answering(school, language="cy")
    page = client.get(f"{base}feelings/").content.decode()
    assert "Sut oedd hi ar y cyfan?" in page
    assert 'lang="cy"' in page
    assert "How was it overall?" not in page


def test_a_trigger_answer_raises_a_concern_and_says_who_is_told():
    school = make_school()
    case, client, base = answering(school)
    response = client.post(f"{base}feelings/", {"rating": "1", "felt_safe": "no",
                                                "continue": ""})
    assert response.status_code == 302
    concern = Concern.objects.get(interview=case)
    assert concern.raised_by is None
    assert Trigger.objects.get(concern=concern).item_key == "felt_safe"
    page = client.get(response["Location"]).content.decode()
    assert "safeguarding lead at North Council will be told" in page
    assert "01234 567890" in page
    assert "999" in page
    # The next section's page without a trigger says nothing of it.
    later = client.post(f"{base}why/", {"why_leaving": "Moving away.", "continue": ""})
    assert "safeguarding lead" not in client.get(later["Location"]).content.decode()


def test_sending_the_answers_makes_the_record_and_goes_straight_to_the_check():
    school = make_school()
    case, client, base = answering(school)
    last = answer_all(client, base)
    assert last["Location"].endswith("/answers/check/")
    check = client.get(last["Location"]).content.decode()
    assert "A new job nearer home." in check
    assert "Change" in check
    response = client.post(last["Location"])
    case = Interview.objects.get(pk=case.pk)
    assert case.state == State.AWAITING_CONFIRMATION
    record = case.record
    assert record.confirmation == Confirmation.AWAITING
    assert record.confirmation_due
    version = case.record_versions.get()
    assert version.number == 1
    assert version.made_by is None
    # No user submitted it: the HR lead who recorded the leaver is not named as interviewer.
    assert record.submitted_by is None
    lead = Client()
    lead.force_login(school.hr_lead)
    shown = lead.get(f"/staff/cases/{case.public_id}/record/").content.decode()
    assert "the leaver answered the questions themselves" in shown
    assert school.hr_lead.full_name not in shown.split("Recorded")[0].split("Interviewer")[-1]
    assert record.content_sha256 == version.content_sha256
    assert LeaverLink.objects.get(purpose=LinkPurpose.SELF_COMPLETION).used_at is not None
    review = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.REVIEW)
    assert response["Location"] == f"/you/{review.public_id}/"
    page = client.get(client.get(response["Location"])["Location"])
    assert page.status_code == 200
    assert "A new job nearer home." in page.content.decode()


def test_sending_with_a_required_answer_missing_is_refused_and_changes_nothing():
    school = make_school()
    case, client, base = answering(school)
    client.post(f"{base}feelings/", {"rating": "4", "later": ""})
    response = client.post(f"{base}check/")
    assert response.status_code == 400
    assert "Did you feel safe?" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.ACCEPTED
    assert not hasattr(case, "record")
    assert LeaverLink.objects.get(interview=case).used_at is None
