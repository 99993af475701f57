"""The young person's own links (self_completion.py with leaver.cases.you): the interviewer
sends the questions (refused clearly without an email address); the young person answers in
easy read with faces, or in Welsh; a trigger answer raises a concern and tells them about
Childline; their answers become the interviewer's draft and the interviewer is told; after
the record is submitted the interviewer sends it to check, and the young person signs it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import (
    Answer,
    Confirmation,
    Interview,
    LeaverLink,
    RecordDraft,
    SignOff,
)
from leaver.cases.tests.you_cast import publish
from leaver.notifications.models import Message
from leaver.organisations.models import Pathway
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.safeguarding.models import Concern
from leaver.testing import make_case

pytestmark = pytest.mark.django_db


def as_(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def emailed_link(address: str) -> str:
    body = Message.objects.filter(to=address).latest("id").body
    found = re.search(r"/you/([^/\s]+)/", body)
    assert found is not None
    return found.group(1)


def ready(cast, state: State = State.INTERVIEWER_ASSIGNED, **details) -> Interview:
    """A case with an interviewer, recorded against the test questionnaire (scale, trigger,
    Welsh and easy-read wording), the young person with an email address."""
    case = make_case(cast, state, **details)
    case.questionnaire_version = publish(cast, Pathway.YOUNG_PERSON)
    case.save()
    YoungPerson.objects.filter(interview=case).update(email="jordan@example.com")
    return case


def sent_questions(cast, state: State = State.INTERVIEWER_ASSIGNED, **details
                   ) -> tuple[Interview, Client, str]:
    case = ready(cast, state, **details)
    page = f"/cases/{case.public_id}/send/questions/"
    assert "Send the questions to the young person" in as_(cast.interviewer).get(
        f"/cases/{case.public_id}/").content.decode()
    response = as_(cast.interviewer).post(page)
    assert response.status_code == 302
    young_person = Client()
    where = young_person.get(f"/you/{emailed_link('jordan@example.com')}/")["Location"]
    return case, young_person, f"{where}answers/"


def test_the_interviewer_sends_the_questions_by_email(cast):
    case = ready(cast)
    page = f"/cases/{case.public_id}/send/questions/"
    confirm = as_(cast.interviewer).get(page)
    assert "jordan@example.com" in confirm.content.decode()
    as_(cast.interviewer).post(page)
    message = Message.objects.get(to="jordan@example.com")
    assert message.secret
    assert "/you/" in message.body
    assert AuditEvent.objects.filter(object_id=case.public_id,
                                     action=YoungPersonEvent.SELF_COMPLETION_SENT).exists()
    # Only the assigned interviewer sends it.
    assert as_(cast.social_worker).post(page).status_code in (403, 404)


def test_without_an_email_address_the_interviewer_is_told_clearly(cast):
    case = ready(cast)
    YoungPerson.objects.filter(interview=case).update(email="")
    response = as_(cast.interviewer).post(f"/cases/{case.public_id}/send/questions/")
    assert response.status_code == 403
    assert "no email address for Jordan Ellis" in response.content.decode()
    assert not LeaverLink.objects.filter(interview=case).exists()
    assert not Message.objects.filter(subject__contains="questions").exists()


def test_easy_read_questions_with_faces_and_words(cast):
    _, client, base = sent_questions(cast, communication_needs="Easy read, please")
    page = client.get(f"{base}feelings/").content.decode()
    assert "Was it good or bad?" in page
    assert "Part 1 of 3" in page
    assert "😀 Very good" in page
    assert 'type="radio"' in page


def test_welsh_questions(cast):
    _, client, base = sent_questions(cast, preferred_language="Welsh")
    page = client.get(f"{base}feelings/").content.decode()
    assert "Sut oedd hi ar y cyfan?" in page
    assert "Gwael iawn" in page


def test_a_trigger_answer_tells_the_young_person_about_childline(cast):
    case, client, base = sent_questions(cast)
    response = client.post(f"{base}feelings/", {"rating": "1", "felt_safe": "no",
                                                "continue": ""})
    assert Concern.objects.filter(interview=case).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Childline" in page
    assert "0800 1111" in page


def test_the_answers_become_the_interviewers_draft(cast):
    case, client, base = sent_questions(cast, State.SCHEDULED)
    client.post(f"{base}feelings/", {"rating": "5", "felt_safe": "yes", "continue": ""})
    client.post(f"{base}why/", {"why_leaving": "Going to live with my aunt.", "continue": ""})
    client.post(f"{base}else/", {"anything_else": "", "continue": ""})
    Message.objects.all().delete()
    response = client.post(f"{base}check/")
    assert response["Location"].endswith("/done/")
    case.refresh_from_db()
    assert case.state == State.SCHEDULED
    assert not hasattr(case, "record")
    assert Answer.objects.get(interview=case, item_key="why_leaving").value == (
        "Going to live with my aunt.")
    assert RecordDraft.objects.get(interview=case).sections_done == ["feelings", "why", "else"]
    assert set(Message.objects.values_list("to", flat=True)) == {cast.interviewer.email}
    assert "Your answers have gone to your interviewer" in client.get(
        response["Location"]).content.decode()
    # The interviewer goes on recording from their draft.
    assert "Continue recording the interview" in as_(cast.interviewer).get(
        f"/cases/{case.public_id}/").content.decode()


def test_the_young_person_checks_and_signs_the_submitted_record(cast):
    case = make_case(cast, State.WITH_IRO)
    YoungPerson.objects.filter(interview=case).update(email="jordan@example.com")
    assert as_(cast.interviewer).post(
        f"/cases/{case.public_id}/send/record/").status_code == 302
    case.refresh_from_db()
    assert case.record.confirmation == Confirmation.AWAITING
    client = Client()
    where = client.get(f"/you/{emailed_link('jordan@example.com')}/")["Location"]
    page = client.get(f"{where}review/")
    assert page.status_code == 200
    assert "sign it" in page.content.decode()
    empty = client.post(f"{where}review/", {"choice": "sign", "full_name": "",
                                            "version": "1"})
    assert empty.status_code == 400
    client.post(f"{where}review/", {"choice": "sign", "full_name": "Jordan Ellis",
                                    "version": "1"})
    case.refresh_from_db()
    assert case.state == State.WITH_IRO
    assert case.record.confirmation == Confirmation.CONFIRMED
    assert SignOff.objects.get(interview=case).content_sha256 == case.record.content_sha256
    assert client.get(f"{where}review/").status_code == 410


def test_the_young_person_asks_for_a_correction(cast):
    case = make_case(cast, State.WITH_IRO)
    YoungPerson.objects.filter(interview=case).update(email="jordan@example.com")
    as_(cast.interviewer).post(f"/cases/{case.public_id}/send/record/")
    client = Client()
    where = client.get(f"/you/{emailed_link('jordan@example.com')}/")["Location"]
    Message.objects.all().delete()
    client.post(f"{where}review/", {"choice": "correct", "comment": "I said my aunt.",
                                    "version": "1"})
    case.refresh_from_db()
    assert case.record.confirmation == Confirmation.CORRECTIONS_REQUESTED
    assert case.correction_requests.get().comment == "I said my aunt."
    assert set(Message.objects.values_list("to", flat=True)) == {cast.interviewer.email}
