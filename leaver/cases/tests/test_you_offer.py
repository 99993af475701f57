"""The staff leaver's reply to the offer through their link: voluntary, the school's
statement (in Welsh for a Welsh speaker), accept with a confidentiality choice and a way to
take part, or decline with an optional reason; a check page; the version of the statement
shown stored with the reply; the HR lead and headteacher told (never the headteacher of an
anonymous leaver); the link used; answering online goes straight to the questions."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from leaver.cases.models import Interview, LeaverLink, LinkPurpose
from leaver.cases.tests.you_cast import make_school, open_link, send, staff_case
from leaver.notifications.models import Message
from leaver.organisations.models import ConfidentialityStatement, Pathway, StatementStatus
from leaver.pathways.staff.models import Confidentiality, StaffLeaver, TakingPart
from leaver.pathways.staff.states import State

pytestmark = pytest.mark.django_db


def offer_page(school, **case_options):
    case = staff_case(school, **case_options)
    client = Client()
    where = open_link(client, send(case, LinkPurpose.OFFER))
    return case, client, f"{where}offer/"


def reply(school, **overrides):
    data = {"reply": "accept", "confidentiality": "named", "taking_part": "interview",
            "interviewer": str(school.cast.interviewer.public_id),
            "statement": str(school.statement.public_id)}
    data.update(overrides)
    return data


def test_the_offer_says_it_is_voluntary_shows_the_statement_and_the_interviewers():
    school = make_school()
    _, client, page = offer_page(school)
    text = client.get(page).content.decode()
    assert "voluntary" in text
    assert school.statement.text in text
    assert "A retired head who listens." in text
    assert "independent: not connected to the school" in text
    # Never the leaver's own line manager.
    assert school.line_manager.full_name not in text
    assert str(school.line_manager.public_id) not in text
    assert "No preference" in text


def test_a_welsh_speaker_reads_the_statement_in_welsh():
    school = make_school()
    _, client, page = offer_page(school, language="cy")
    text = client.get(page).content.decode()
    assert "Mae eich cyfwelydd" in text
    assert 'lang="cy"' in text


def test_accepting_a_named_interview_is_checked_then_stored_with_the_statement_shown():
    school = make_school()
    case, client, page = offer_page(school)
    response = client.post(page, reply(school))
    assert response.status_code == 302
    assert response["Location"].endswith("/offer/check/")
    check = client.get(response["Location"])
    assert "Check your reply" in check.content.decode()
    assert Interview.objects.get(pk=case.pk).state == State.OFFERED  # nothing yet
    done = client.post(response["Location"])
    assert done.status_code == 302
    assert done["Location"].endswith("/done/")
    case.refresh_from_db()
    leaver = StaffLeaver.objects.get(interview=case)
    assert case.state == State.ACCEPTED
    assert case.confidentiality_statement == school.statement
    assert case.consent_recorded_at is not None
    assert leaver.confidentiality == Confidentiality.NAMED
    assert leaver.taking_part == TakingPart.INTERVIEW
    assert leaver.preferred_interviewer == school.cast.interviewer
    assert leaver.replied_at is not None
    assert LeaverLink.objects.get(interview=case).used_at is not None
    told = set(Message.objects.values_list("to", flat=True))
    assert {school.hr_lead.email, school.headteacher.email} <= told
    assert "will contact you" in client.get(done["Location"]).content.decode()
    # The link did its job: going back to it is the "already used" page.
    again = client.get(page)
    assert again.status_code == 410


def test_choosing_anonymous_keeps_the_headteacher_out():
    school = make_school()
    case, client, page = offer_page(school)
    client.post(page, reply(school, confidentiality="anonymous", interviewer="none"))
    client.post(f"{page}check/")
    leaver = StaffLeaver.objects.get(interview=case)
    assert leaver.confidentiality == Confidentiality.ANONYMOUS
    assert leaver.preferred_interviewer is None
    told = set(Message.objects.values_list("to", flat=True))
    assert school.hr_lead.email in told
    assert school.headteacher.email not in told


def test_declining_needs_no_reason_and_ends_the_case():
    school = make_school()
    case, client, page = offer_page(school)
    client.post(page, {"reply": "decline", "reason": "",
                       "statement": str(school.statement.public_id)})
    response = client.post(f"{page}check/")
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.DECLINED
    assert case.confidentiality_statement == school.statement
    assert StaffLeaver.objects.get(interview=case).confidentiality == ""
    assert "do not want an exit interview" in client.get(response["Location"]).content.decode()


def test_accepting_needs_the_choices_and_keeps_what_was_typed():
    school = make_school()
    case, client, page = offer_page(school)
    response = client.post(page, {"reply": "accept",
                                  "statement": str(school.statement.public_id)})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Choose whether your name is shown" in text
    assert "Choose how you would like to take part" in text
    assert client.post(page, {}).status_code == 400
    assert Interview.objects.get(pk=case.pk).state == State.OFFERED


def test_a_statement_published_while_reading_is_refused_on_the_check_page():
    school = make_school()
    case, client, page = offer_page(school)
    client.post(page, reply(school))
    ConfidentialityStatement.objects.create(
        organisation=school.cast.org, pathway=Pathway.STAFF, version=4, text="New words.",
        status=StatementStatus.PUBLISHED, published_at=timezone.now())
    response = client.post(f"{page}check/")
    assert response.status_code == 400
    assert "was changed while you were reading it" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.OFFERED
    assert case.confidentiality_statement is None


def test_answering_online_goes_straight_to_the_questions():
    school = make_school()
    case, client, page = offer_page(school)
    client.post(page, reply(school, taking_part="self", interviewer=""))
    response = client.post(f"{page}check/")
    online = LeaverLink.objects.get(interview=case, purpose=LinkPurpose.SELF_COMPLETION)
    assert response["Location"] == f"/you/{online.public_id}/"
    first = client.get(client.get(response["Location"])["Location"])
    assert first["Location"].endswith("/answers/feelings/")
    section = client.get(first["Location"])
    assert "Section 1 of 3" in section.content.decode()
    assert StaffLeaver.objects.get(interview=case).taking_part == TakingPart.SELF
