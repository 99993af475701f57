"""The letter to the young person: the postal address and language from the pathway through
the kernel's Definition, the young person's wording and attributed responses, real lists, the
organisation's contacts, Welsh for a Welsh speaker, and when and how it was sent."""

from __future__ import annotations

import datetime as dt
import html
import io

import pytest
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from leaver.cases import engine
from leaver.core.errors import ActionRefused
from leaver.organisations.models import COMMISSIONER_CONTACTS, Commissioner, LetterContacts
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as ra
from leaver.reviews.letter import blocks, draft_letter
from leaver.reviews.models import Letter
from leaver.testing import add_recommendation, make_case, snapshot

ADDRESS = {"address_line_1": "Flat 2", "address_line_2": "10 Example Road",
           "town": "Demo Town", "postcode": "DT1 2AB"}


def page(response: HttpResponse) -> str:
    return html.unescape(response.content.decode())


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def answered_case(cast, **details):
    """A case whose one recommendation (for the home's manager) has been answered."""
    interview = make_case(cast, State.WITH_IRO, **details)
    rec = ra.add_recommendation(
        actor=cast.iro, interview=interview, text="Staff wording: review the bedtime policy.",
        young_person_text="Let you help choose bedtimes.", owner=cast.unit_manager,
        due_date=timezone.localdate() + dt.timedelta(days=7), share_record=False)
    ra.respond(actor=cast.unit_manager, recommendation=rec, kind="will_act",
               text="We will agree bedtimes at house meetings.")
    interview.refresh_from_db()
    return interview


# The pathway tells reviews the address and the language ---------------------------------------

def test_the_address_is_the_filled_lines_of_the_postal_address(cast):
    interview = make_case(cast, State.WITH_IRO, **ADDRESS)
    assert engine.definition_of(interview).postal_address(interview) == [
        "Flat 2", "10 Example Road", "Demo Town", "DT1 2AB"]
    interview.young_person.address_line_2 = ""
    assert engine.definition_of(interview).postal_address(interview) == [
        "Flat 2", "Demo Town", "DT1 2AB"]


@pytest.mark.parametrize(("language", "other", "expected"), [
    ("Welsh", "", "cy"), ("English", "", "en"), ("Other", "Polish", "en"),
])
def test_the_letter_language_follows_the_preferred_language(cast, language, other, expected):
    interview = make_case(cast, State.NOTIFIED, preferred_language=language,
                          other_language=other)
    assert engine.definition_of(interview).letter_language(interview) == expected


# The draft --------------------------------------------------------------------------------------

def test_the_draft_uses_the_young_persons_words_and_quotes_the_owner_by_role(cast):
    interview = answered_case(cast)
    text = draft_letter(interview, "Iris")
    assert "- Let you help choose bedtimes." in text
    assert "Staff wording" not in text
    assert "The manager of Oak House said: “We will agree bedtimes at house meetings.”" in text
    assert cast.unit_manager.full_name not in text


def test_a_withdrawn_recommendation_is_left_out_of_the_draft(cast):
    interview = make_case(cast, State.WITH_IRO)
    rec = add_recommendation(cast, interview, owner=cast.csm)
    from leaver.reviews import recommending
    recommending.withdraw_recommendation(actor=cast.iro, recommendation=rec, reason="Done.")
    assert rec.text not in draft_letter(interview)


def test_lists_are_real_lists():
    parts = blocks("Dear Jo,\n\nWe asked:\n- One thing\n  They said: yes\n- Another\n\nBye")
    assert [(b.lines, b.items) for b in parts] == [
        (["Dear Jo,"], []), (["We asked:"], []),
        ([], [["One thing", "They said: yes"], ["Another"]]), (["Bye"], [])]


def test_the_letter_page_shows_lists_address_and_contacts(client, cast):
    interview = answered_case(cast, **ADDRESS)
    client.force_login(cast.iro)
    url = reverse("reviews:letter", args=[interview.public_id])
    client.post(url, {"text": draft_letter(interview, "Iris")})
    text = page(client.get(url))
    assert '<ul class="govuk-list govuk-list--bullet"><li>Let you help choose bedtimes.<br>' \
           'The manager of Oak House said: “We will agree bedtimes at house meetings.”</li>' \
           in text
    assert "<br>10 Example Road<br>Demo Town<br>DT1 2AB" in text
    assert "North Advocacy: phone 0808 157 0100" in text
    assert "The Children's Commissioner for England" in text


def test_the_pdf_has_the_address_the_contacts_and_the_attribution(client, cast):
    interview = answered_case(cast, **ADDRESS)
    client.force_login(cast.iro)
    client.post(reverse("reviews:letter", args=[interview.public_id]),
                {"text": draft_letter(interview, "Iris")})
    text = pdf_text(client.get(reverse("reviews:letter_pdf", args=[interview.public_id])))
    assert "Jordan Ellis Flat 2 10 Example Road Demo Town DT1 2AB" in text
    assert "The manager of Oak House said: “We will agree bedtimes at house meetings.”" in text
    assert "Let you help choose bedtimes." in text
    assert "- Let you" not in text  # a real list item, not the typed dash
    for contact in ("North Advocacy: phone 0808 157 0100",
                    "North Complaints Team: complaints@north.example",
                    "The Children's Commissioner for England", "0800 528 0731"):
        assert contact in text


def test_after_closing_only_the_social_workers_copy_of_the_pdf_has_the_address(client, cast):
    interview = answered_case(cast, **ADDRESS)
    ra.save_letter(actor=cast.iro, interview=interview, text=draft_letter(interview, "Iris"))
    ra.mark_letter_sent(actor=cast.iro, interview=interview)
    interview.refresh_from_db()
    assert interview.state == State.CLOSED
    url = reverse("reviews:letter_pdf", args=[interview.public_id])
    for who, shows in (("social_worker", True), ("iro", False), ("csm", False)):
        client.force_login(getattr(cast, who))
        text = pdf_text(client.get(url))
        assert "Let you help choose bedtimes." in text, who
        assert ("10 Example Road" in text) is shows, who


def test_a_welsh_speaker_gets_a_welsh_letter_flagged_for_checking(client, cast):
    LetterContacts.objects.filter(organisation=cast.org).update(
        commissioner=Commissioner.WALES,
        commissioner_contact=COMMISSIONER_CONTACTS[Commissioner.WALES])
    interview = answered_case(cast, preferred_language="Welsh")
    client.force_login(cast.iro)
    url = reverse("reviews:letter", args=[interview.public_id])
    first = page(client.get(url))
    assert "Annwyl Jordan," in first
    assert "Dywedodd Rheolwr Oak House: “We will agree bedtimes at house meetings.”" in first
    assert "ask a Welsh speaker to check the whole letter" in first
    client.post(url, {"text": draft_letter(interview, "Iris")})
    assert Letter.objects.get(interview=interview).language == "cy"
    response = client.get(reverse("reviews:letter_pdf", args=[interview.public_id]))
    text = pdf_text(response)
    assert "Annwyl Jordan," in text
    assert "Comisiynydd Plant Cymru" in text
    assert "0808 801 1000" in text
    assert "Pobl sy'n gallu dy helpu di" in text


def test_the_response_page_warns_the_owner_when_the_letter_is_welsh(client, cast):
    interview = make_case(cast, State.WITH_IRO, preferred_language="Welsh")
    rec = add_recommendation(cast, interview, owner=cast.social_worker)
    client.force_login(cast.social_worker)
    text = page(client.get(reverse("reviews:recommendation", args=[rec.public_id])))
    assert "“Your social worker said: …”" in text
    assert "their letter is in Welsh" in text


# Sent: the date and how ------------------------------------------------------------------------

def sent_post(day: dt.date, how: str = "post") -> dict[str, object]:
    return {"sent_on-day": day.day, "sent_on-month": day.month, "sent_on-year": day.year,
            "how": how}


def test_sent_records_the_date_and_how(client, cast):
    interview = make_case(cast, State.RECOMMENDATIONS_ISSUED)  # stays open: a response waits
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan.")
    client.force_login(cast.iro)
    today = timezone.localdate()
    response = client.post(reverse("reviews:letter_sent", args=[interview.public_id]),
                           sent_post(today, "by_hand"))
    assert response.status_code == 302
    letter = Letter.objects.get(interview=interview)
    assert (letter.sent_on, letter.sent_how) == (today, "by_hand")
    shown = page(client.get(reverse("reviews:letter", args=[interview.public_id])))
    assert f"It was sent by hand on {today:%-d %B %Y}" in shown


@pytest.mark.parametrize(("data", "message"), [
    (sent_post(timezone.localdate() + dt.timedelta(days=1)),
     "The date the letter was sent must be today or in the past."),
    ({**sent_post(timezone.localdate()), "how": ""}, "Choose how the letter was sent."),
    ({**sent_post(timezone.localdate()), "sent_on-year": ""},
     "The date the letter was sent must include a year"),
])
def test_sent_with_bad_input_is_refused_and_changes_nothing(client, cast, data, message):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan.")
    before = snapshot(interview)
    client.force_login(cast.iro)
    response = client.post(reverse("reviews:letter_sent", args=[interview.public_id]), data)
    assert response.status_code == 400
    assert message in page(response)
    assert snapshot(interview) == before


def test_the_sent_action_refuses_a_date_in_the_future_and_an_unknown_way(cast):
    interview = make_case(cast, State.NO_ACTION_NEEDED)
    ra.save_letter(actor=cast.iro, interview=interview, text="Dear Jordan.")
    before = snapshot(interview)
    with pytest.raises(ActionRefused, match="today or in the past"):
        ra.mark_letter_sent(actor=cast.iro, interview=interview,
                            sent_on=timezone.localdate() + dt.timedelta(days=1))
    with pytest.raises(ActionRefused, match="Choose how the letter was sent"):
        ra.mark_letter_sent(actor=cast.iro, interview=interview, how="pigeon")
    assert snapshot(interview) == before
