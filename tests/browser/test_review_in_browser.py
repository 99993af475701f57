"""The IRO's review and the letter, clicked through in Chromium with axe-core on every page:
the question, drafts (a connected owner and one found by search), the check page with Change
links, issuing together; changing and withdrawing; the owner told they may be quoted; the
letter page, its PDF (address, contacts, attribution), the sent page; a Welsh letter."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.organisations.models import COMMISSIONER_CONTACTS, Commissioner, LetterContacts
from leaver.pathways.young_person.states import State
from leaver.reviews.models import Letter, Recommendation
from leaver.testing import Cast, make_case
from tests.browser.steps import (
    Check,
    sign_in,
    sign_out,
    submit,
)

pytestmark = pytest.mark.browser

ADDRESS = {"address_line_1": "Flat 2", "address_line_2": "10 Example Road",
           "town": "Demo Town", "postcode": "DT1 2AB"}


def fill_recommendation(page: Page, text: str, for_young_person: str, due: dt.date) -> None:
    page.get_by_label("Recommendation", exact=True).fill(text)
    page.get_by_label("The same recommendation, for the young person").fill(for_young_person)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))


def pdf_text(page: Page) -> str:
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the letter (PDF)").click()
    reader = PdfReader(download_info.value.path())
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_review_journey_and_letter(page: Page, browser_cast: Cast, axe_check: Check,
                                   visits: Any) -> None:
    cast = browser_cast
    due = timezone.localdate() + dt.timedelta(days=21)
    case = make_case(cast, State.WITH_IRO, **ADDRESS)
    case_url = f"/cases/{case.public_id}/"

    # --- The IRO: "Does anything need to happen?" → two drafts → check → issue. ------------
    sign_in(page, axe_check, cast.iro)
    page.goto(case_url)
    page.get_by_role("link", name="Review the record").click()
    axe_check(page)
    page.get_by_role("button", name="Continue").click()  # nothing chosen: an error
    expect(page.get_by_role("link", name="Say whether anything needs to happen.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a recommendation")
    expect(page.get_by_text("A Unit Manager of the young person's home")).to_be_visible()
    axe_check(page)
    page.get_by_label(cast.unit_manager.full_name).check()
    fill_recommendation(page, "Review how bedtimes are agreed at Oak House.",
                        "Let you help choose bedtimes.", due)
    submit(page, axe_check, "Save as a draft", "The draft is saved")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the recommendations before you issue them")

    page.get_by_role("link", name="Add another recommendation").click()
    page.get_by_label("Search for someone else in your organisation").fill("Sen Man")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 more person found below.")).to_be_visible()
    axe_check(page)
    page.get_by_label(cast.senior_manager.full_name).check()
    fill_recommendation(page, "Fund a homework club.", "Start a homework club.", due)
    submit(page, axe_check, "Save as a draft", "The draft is saved")

    page.get_by_role("link", name="Change the words of recommendation 1").click()
    axe_check(page)
    page.get_by_label("Recommendation", exact=True).fill(
        "Review how bedtimes are agreed with young people at Oak House.")
    submit(page, axe_check, "Save the draft", "The draft is saved")
    expect(page.get_by_text("Review how bedtimes are agreed with young people")).to_be_visible()
    assert not Recommendation.objects.exists()
    submit(page, axe_check, "Issue all the recommendations", "2 recommendations are issued")
    expect(page).to_have_url(re.compile(rf"{case_url}$"))
    bedtimes, club = Recommendation.objects.order_by("id")
    assert (bedtimes.owner, club.owner) == (cast.unit_manager, cast.senior_manager)

    # --- Withdraw the club, change the bedtimes' due date. ---------------------------------
    page.goto(f"/recommendations/{club.public_id}/")
    axe_check(page)
    page.get_by_role("link", name="Withdraw it").click()
    expect(page.locator(".govuk-button--warning")).to_be_visible()
    axe_check(page)
    page.get_by_label("Why is it withdrawn?").fill("The school runs one already.")
    submit(page, axe_check, "Withdraw the recommendation", "withdrawn and its owner")
    page.goto(f"/recommendations/{bedtimes.public_id}/")
    page.get_by_role("link", name="Change the recommendation").click()
    axe_check(page)
    page.get_by_label("Day").fill(str((due + dt.timedelta(days=7)).day))
    page.get_by_label("Month").fill(str((due + dt.timedelta(days=7)).month))
    page.get_by_label("Year").fill(str((due + dt.timedelta(days=7)).year))
    submit(page, axe_check, "Save the change", "The recommendation is changed")
    assert list(AuditEvent.objects.filter(
        action__in=["interview.recommendation_withdrawn", "interview.recommendation_changed"]
    ).order_by("id").values_list("action", flat=True)) == [
        "interview.recommendation_withdrawn", "interview.recommendation_changed"]
    sign_out(page)

    # --- The home's manager responds, told they may be quoted by role. --------------------
    sign_in(page, axe_check, cast.unit_manager)
    page.get_by_role("link", name="Your recommendations").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Review how bedtimes")).click()
    expect(page.locator("#quoted-notice")).to_contain_text(
        "“The manager of Oak House said: …”")
    axe_check(page)
    page.get_by_label("Action will be taken", exact=True).check()
    page.get_by_label("What will be done").fill("Bedtimes are agreed at house meetings.")
    submit(page, axe_check, "Send the response", "Your response has been sent to the IRO")
    sign_out(page)

    # --- The IRO writes the letter, checks its PDF, records it as sent. ---------------------
    sign_in(page, axe_check, cast.iro)
    page.goto(case_url)
    page.get_by_role("link", name="Write to the young person").click()
    letter = page.get_by_label("Letter to the young person")
    expect(letter).to_have_value(re.compile("- Let you help choose bedtimes."))
    expect(letter).not_to_have_value(re.compile("homework club"))
    axe_check(page)
    submit(page, axe_check, "Save the letter", "The letter is saved")
    expect(page.locator(".leaver-letter-preview ul.govuk-list--bullet li").first).to_contain_text(
        "The manager of Oak House said: “Bedtimes are agreed at house meetings.”")
    text = pdf_text(page)
    assert "Jordan Ellis Flat 2 10 Example Road Demo Town DT1 2AB" in text
    assert "Let you help choose bedtimes." in text
    assert "The manager of Oak House said: “Bedtimes are agreed at house meetings.”" in text
    assert cast.unit_manager.full_name not in text
    for contact in ("North Advocacy: phone 0808 157 0100",
                    "North Complaints Team: complaints@north.example",
                    "The Children's Commissioner for England"):
        assert contact in text
    page.get_by_role("link", name="Record the letter as sent").click()
    axe_check(page)
    page.get_by_label("By hand").check()
    submit(page, axe_check, "Record the letter as sent", "The letter is recorded as sent")
    assert Interview.objects.get(pk=case.pk).state == State.CLOSED
    sent = Letter.objects.get(interview=case)
    assert (sent.sent_on, sent.sent_how) == (timezone.localdate(), "by_hand")

    # --- A Welsh speaker in an organisation in Wales gets a Welsh letter. -------------------
    LetterContacts.objects.filter(organisation=cast.org).update(
        commissioner=Commissioner.WALES,
        commissioner_contact=COMMISSIONER_CONTACTS[Commissioner.WALES])
    welsh = make_case(cast, State.RESPONSES_COMPLETE, leaver_name="Elis Jones",
                      preferred_language="Welsh", address_line_1="1 Heol y Bont", town="Caerdydd")
    page.goto(f"/cases/{welsh.public_id}/letter/")
    expect(page.locator("#welsh-notice")).to_contain_text("ask a Welsh speaker")
    expect(page.get_by_label("Letter to the young person")).to_have_value(
        re.compile(r"^Annwyl Elis,"))
    axe_check(page)
    submit(page, axe_check, "Save the letter", "The letter is saved")
    text = pdf_text(page)
    assert "Elis Jones 1 Heol y Bont Caerdydd" in text
    assert "Annwyl Elis," in text
    assert "Dywedodd Rheolwr y gwasanaethau plant: “We will.”" in text
    assert "Comisiynydd Plant Cymru" in text
    assert "0808 801 1000" in text

    assert visits.unchecked() == [], "pages shown but never checked with axe"
