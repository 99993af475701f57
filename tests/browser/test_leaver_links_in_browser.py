"""The leaver's own link pages on a 360 by 740 phone, clicked through in Chromium with axe-core
on every page and nothing wider than the screen: a staff leaver accepts the offer, answers
online section by section, checks, sends and signs (the record locked under its hash); a staff
leaver asks for a correction, the interviewer corrects it and re-sends, and the leaver signs
the new version; a young person answers in easy read."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from leaver.administration.organisation import statements
from leaver.cases import answers as case_answers
from leaver.cases import links, records, versions
from leaver.cases.models import (
    Answer,
    Confirmation,
    CorrectionRequest,
    Interview,
    InterviewRecord,
    LeaverLink,
    LinkPurpose,
    SignOff,
)
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests import interview_cast
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.pathways.young_person import self_completion
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State as YoungPersonState
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import ItemType
from leaver.testing import PASSWORD, Cast, make_case
from tests.browser.conftest import fits_the_screen
from tests.browser.steps import Check

pytestmark = pytest.mark.browser

LINK_PAGE = r"/you/[0-9a-f-]{36}/"
STATEMENT = "Only the HR lead and your interviewer read what you say, unless you agree."
RATINGS = ("Workload", "Leadership", "Support from colleagues", "Professional development",
           "Pay and conditions", "Wellbeing", "Pupil behaviour")


def looked_at(page: Page, axe_check: Check) -> None:
    """The page passes axe and fits the phone's screen."""
    axe_check(page)
    fits_the_screen(page)


def emailed_token(address: str) -> str:
    """The token in the newest email to `address` (the leaver's link)."""
    message = next(m for m in reversed(mail.outbox) if m.to == [address])
    found = re.search(r"/you/([^/\s]+)/", str(message.body))
    assert found, message.body
    return found.group(1)


def heading(page: Page) -> Any:
    return page.get_by_role("heading", level=1)


def sign_the_record(page: Page, axe_check: Check, name: str) -> None:
    """On the review page: choose to sign, type the full name, send; the thank-you page."""
    page.get_by_label("Sign that this is accurate").check()
    page.get_by_label("Type your full name to sign").fill(name)
    page.get_by_role("button", name="Send").click()
    expect(heading(page)).to_have_text("Thank you")
    expect(page.get_by_text("You have signed your record as accurate.")).to_be_visible()
    looked_at(page, axe_check)


def assert_signed_and_locked(case: Interview, version_number: int, name: str) -> None:
    case.refresh_from_db()
    assert case.state == State.CONFIRMED
    record = InterviewRecord.objects.get(interview=case)
    assert record.confirmation == Confirmation.CONFIRMED
    signed = SignOff.objects.get(interview=case)
    current = versions.current(case)
    assert current is not None
    assert current.number == version_number
    assert (signed.version, signed.typed_name) == (current, name)
    # Locked: the record's hash is that of its content now and of the version signed, and
    # its answers can no longer be changed except by an amendment.
    assert record.content_sha256 == records.content_hash(record) == current.content_sha256
    assert signed.content_sha256 == current.content_sha256
    with pytest.raises(ActionRefused, match="This record is locked"):
        case_answers.replace_section(case, case_answers.questionnaire_version(case),
                                     "looking_back", {"anything_else": "Changed later"})
    newest = LeaverLink.objects.filter(interview=case, purpose=LinkPurpose.REVIEW).latest("id")
    assert newest.used_at is not None
    assert newest.ended_at is None


def test_a_staff_leaver_answers_online_and_signs_the_record(
        phone: Page, transactional_db: None, axe_check: Check, visits: Any) -> None:
    staff = make_staff_cast()
    draft = statements.save_draft(actor=staff.yp.org_admin, organisation=staff.yp.org,
                                  pathway=Pathway.STAFF, text=STATEMENT, text_cy="")
    statements.publish(actor=staff.yp.org_admin, statement=draft)
    case = make_staff_case(staff, State.OFFERED)
    token = links.issue(case=case, purpose=LinkPurpose.OFFER, actor=staff.hr_lead)

    # --- The offer: the statement, then yes, named, answering online; a check page. --------
    phone.goto(f"/you/{token}/")
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}offer/$"))
    assert token.split(".")[0] not in phone.url
    expect(heading(phone)).to_have_text("Would you like an exit interview?")
    expect(phone.get_by_text(STATEMENT)).to_be_visible()
    looked_at(phone, axe_check)
    phone.get_by_role("button", name="Continue").click()  # nothing chosen: an error
    expect(phone.locator(".govuk-error-summary")).to_contain_text("Choose yes or no")
    looked_at(phone, axe_check)
    phone.get_by_label("Yes, I would like to take part").check()
    phone.get_by_role("group", name="Should your name be shown with what you say?").get_by_label(
        re.compile(r"^Named")).check()
    phone.get_by_label("Answer the questions online, on my own").check()
    phone.get_by_role("button", name="Continue").click()
    expect(heading(phone)).to_have_text("Check your reply")
    expect(phone.locator(".govuk-summary-list")).to_contain_text(
        "Answer the questions online, on my own")
    looked_at(phone, axe_check)
    assert Interview.objects.get(pk=case.pk).state == State.OFFERED
    phone.get_by_role("button", name="Send my reply").click()

    # --- One section a page, with its progress. --------------------------------------------
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}answers/leaving/$"))
    case.refresh_from_db()
    assert case.state == State.ACCEPTED
    assert case.staff_leaver.taking_part == "self"
    expect(phone.locator(".govuk-caption-l")).to_have_text("Section 1 of 3")
    expect(heading(phone)).to_have_text("Why you are leaving")
    looked_at(phone, axe_check)
    phone.get_by_role("button", name="Save and continue").click()  # nothing chosen: an error
    expect(phone.locator(".govuk-error-summary")).to_be_visible()
    looked_at(phone, axe_check)
    phone.get_by_label("Relocation").check()
    phone.get_by_role("button", name="Save and continue").click()

    expect(phone.locator(".govuk-caption-l")).to_have_text("Section 2 of 3")
    expect(heading(phone)).to_have_text("Working here")
    looked_at(phone, axe_check)
    for rating in RATINGS:
        phone.get_by_role("group", name=rating, exact=True).get_by_label("4 – Good").check()
    phone.get_by_role("group", name="Workload", exact=True).get_by_label("2 – Poor").check()
    phone.get_by_role("button", name="Save and continue").click()

    expect(phone.locator(".govuk-caption-l")).to_have_text("Section 3 of 3")
    expect(heading(phone)).to_have_text("Looking back")
    looked_at(phone, axe_check)
    phone.get_by_label("What would have made you stay?").fill("A shorter commute.")
    phone.get_by_label("What does the school do well?").fill("Kind, patient colleagues.")
    phone.get_by_role("group", name="Would you recommend working here?").get_by_label(
        "Yes", exact=True).check()
    phone.get_by_role("button", name="Save and continue").click()

    # --- Check the answers (change one), then send them: the record, version 1. -----------
    expect(heading(phone)).to_have_text("Check your answers")
    answers = phone.locator(".govuk-summary-list")
    expect(answers.first).to_contain_text("Relocation")
    expect(phone.locator("main")).to_contain_text("Kind, patient colleagues.")
    looked_at(phone, axe_check)
    phone.get_by_role("link", name="Change your answer to What does the school do well?").click()
    expect(phone.locator(".govuk-back-link")).to_have_text("Back to your answers")
    looked_at(phone, axe_check)
    phone.get_by_label("What does the school do well?").fill("Kind colleagues and good CPD.")
    phone.get_by_role("button", name="Save and continue").click()
    expect(heading(phone)).to_have_text("Check your answers")
    expect(phone.locator("main")).to_contain_text("Kind colleagues and good CPD.")
    assert not InterviewRecord.objects.filter(interview=case).exists()
    phone.get_by_role("button", name="Send my answers").click()

    # --- Straight on to checking the record, then signing it by typing the full name. -----
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}review/(#.*)?$"))
    expect(heading(phone)).to_have_text("Check your record")
    expect(phone.get_by_text("This is version 1 of your exit interview record.")).to_be_visible()
    expect(phone.locator("main")).to_contain_text("Kind colleagues and good CPD.")
    looked_at(phone, axe_check)
    review = phone.url.split("#")[0]
    assert Interview.objects.get(pk=case.pk).state == State.AWAITING_CONFIRMATION
    phone.get_by_label("Sign that this is accurate").check()
    phone.get_by_role("button", name="Send").click()  # no name typed: refused
    expect(phone.locator(".govuk-error-summary")).to_contain_text("Type your full name to sign")
    looked_at(phone, axe_check)
    assert not SignOff.objects.exists()
    sign_the_record(phone, axe_check, "Morgan Price")

    assert_signed_and_locked(case, 1, "Morgan Price")
    saved = dict(Answer.objects.filter(interview=case).values_list("item_key", "value"))
    assert (saved["reason_for_leaving"], saved["rating_workload"],
            saved["rating_wellbeing"], saved["school_does_well"]) == (
        "relocation", "2", "4", "Kind colleagues and good CPD.")
    # The link has done its job: opening the review page again says so.
    phone.goto(review)
    expect(heading(phone)).to_have_text("This link has already been used")
    looked_at(phone, axe_check)
    assert visits.unchecked() == [], "pages shown but never checked with axe"


def test_a_staff_leaver_asks_for_a_correction_then_signs_the_corrected_record(
        phone: Page, page: Page, transactional_db: None, axe_check: Check,
        visits: Any) -> None:
    staff = interview_cast.make_interview_cast()
    case = interview_cast.make_staff_case(staff, State.AWAITING_CONFIRMATION)
    first = links.issue(case=case, purpose=LinkPurpose.REVIEW, actor=staff.interviewer)

    # --- The leaver reads version 1 and asks for a correction. -----------------------------
    phone.goto(f"/you/{first}/")
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}review/$"))
    expect(heading(phone)).to_have_text("Check your record")
    expect(phone.get_by_text("This is version 1 of your exit interview record.")).to_be_visible()
    reason = phone.locator(".govuk-summary-list__row").filter(
        has_text="What is the main reason you are leaving?")
    expect(reason.locator("dd")).to_have_text("Retirement")
    expect(phone.get_by_label("What needs to be corrected?")).to_be_hidden()
    looked_at(phone, axe_check)
    phone.get_by_label("Ask for a correction").check()
    expect(phone.get_by_label("What needs to be corrected?")).to_be_visible()
    phone.get_by_role("button", name="Send").click()  # nothing said: refused
    expect(phone.locator(".govuk-error-summary")).to_contain_text(
        "Say what needs to be corrected")
    looked_at(phone, axe_check)
    phone.get_by_label("What needs to be corrected?").fill(
        "I am leaving because of pay, not to retire.")
    phone.get_by_role("button", name="Send").click()
    expect(heading(phone)).to_have_text("Thank you")
    expect(phone.get_by_text("Your interviewer has been asked to correct the record.")
           ).to_be_visible()
    looked_at(phone, axe_check)
    case.refresh_from_db()
    assert case.state == State.CORRECTIONS_REQUESTED
    asked = CorrectionRequest.objects.get(interview=case)
    assert (asked.comment, asked.version.number) == (
        "I am leaving because of pay, not to retire.", 1)

    # --- The interviewer signs in, corrects the reason, says why and re-sends. -------------
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/accounts/login/")
    looked_at(page, axe_check)
    page.get_by_label("Email address").fill(staff.interviewer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/work/$"))
    looked_at(page, axe_check)
    page.goto(f"/staff/cases/{case.public_id}/")
    looked_at(page, axe_check)
    page.get_by_role("link", name="Correct the record").first.click()
    expect(heading(page)).to_have_text("Correct the record")
    expect(page.locator(".govuk-inset-text")).to_contain_text(
        "I am leaving because of pay, not to retire.")
    looked_at(page, axe_check)
    page.get_by_role("link", name="Change What is the main reason you are leaving?").click()
    looked_at(page, axe_check)
    page.get_by_label("Pay", exact=True).check()
    page.get_by_role("button", name="Keep these changes").click()
    expect(heading(page)).to_have_text("Correct the record")
    expect(page.get_by_role("heading", name="What you have changed")).to_be_visible()
    looked_at(page, axe_check)
    assert case.record_versions.count() == 1  # not a version until the reason is given
    page.get_by_label("Why was the record changed?").fill(
        "The leaver said the reason was pay.")
    page.get_by_role("button", name="Save and send to the leaver").click()
    expect(page.get_by_role("alert")).to_contain_text("sent to the leaver to check")
    looked_at(page, axe_check)
    case.refresh_from_db()
    assert case.state == State.AWAITING_CONFIRMATION

    # --- The leaver's first link is spent; the emailed one shows version 2, and they sign. -
    phone.goto(f"/you/{first}/")
    expect(heading(phone)).to_have_text("This link has already been used")
    looked_at(phone, axe_check)
    phone.goto(f"/you/{emailed_token(interview_cast.LEAVER_EMAIL)}/")
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}review/$"))
    expect(phone.get_by_text("This is version 2 of your exit interview record.")).to_be_visible()
    expect(phone.locator(".govuk-inset-text")).to_contain_text(
        "You asked for a correction to version 1")
    expect(reason.locator("dd")).to_have_text("Pay")
    looked_at(phone, axe_check)
    sign_the_record(phone, axe_check, "Sam Taylor")

    # --- Both versions are kept; the sign-off names version 2 and its hash. ----------------
    assert_signed_and_locked(case, 2, "Sam Taylor")
    one, two = case.record_versions.order_by("number")
    assert dict(one.content["answers"])["reason_for_leaving"] == "retirement"
    assert dict(two.content["answers"])["reason_for_leaving"] == "pay"
    assert (two.made_by, two.reason) == (staff.interviewer,
                                         "The leaver said the reason was pay.")
    assert one.content_sha256 != two.content_sha256
    asked.refresh_from_db()
    assert asked.answered_by == two
    assert visits.unchecked() == [], "pages shown but never checked with axe"


def fill_in_easy_read(phone: Page, axe_check: Check, said: dict[str, str]) -> None:
    """Every section of the young person's questions, one a page, by their easy-read
    wording: "Yes" to each yes/no question unless `said` gives the choice's label; an open
    question answered only when `said` has it."""
    sections = seed("yp-appendix-1").sections
    for number, section in enumerate(sections, start=1):
        expect(phone.locator(".govuk-caption-l")).to_have_text(
            f"Part {number} of {len(sections)}")
        expect(heading(phone)).to_have_text(section.title["en"])
        looked_at(phone, axe_check)
        for item in section.items:
            label = item.easy_read["en"]
            if item.relevant:
                expect(phone.locator(f"[name='{item.key}']").first).to_be_hidden()
            elif item.type == ItemType.YES_NO_NOT_SURE:
                phone.get_by_role("group", name=label, exact=True).get_by_label(
                    said.get(item.key, "Yes"), exact=True).check()
            elif item.key in said:
                phone.get_by_label(label, exact=True).fill(said[item.key])
        phone.get_by_role("button", name="Save and continue").click()


def test_a_young_person_answers_in_easy_read(
        phone: Page, browser_cast: Cast, axe_check: Check, visits: Any) -> None:
    cast = browser_cast
    case = make_case(cast, YoungPersonState.INTERVIEWER_ASSIGNED,
                     communication_needs="Easy read, please")
    YoungPerson.objects.filter(interview=case).update(email="jordan@example.com")
    self_completion.send(actor=cast.interviewer, interview=case, what="questions")
    questions = seed("yp-appendix-1")
    first = questions.sections[0].items[0]
    assert first.easy_read["en"] != first.label["en"]

    phone.goto(f"/you/{emailed_token('jordan@example.com')}/")
    expect(phone).to_have_url(re.compile(rf"{LINK_PAGE}answers/{questions.sections[0].key}/$"))
    # Easy read: its own words for the questions and the page, never the usual wording.
    expect(phone.get_by_role("group", name=first.easy_read["en"], exact=True)).to_be_visible()
    expect(phone.get_by_text(first.label["en"], exact=True)).to_have_count(0)
    expect(phone.get_by_text("You can skip a question by choosing “Did not want to answer”.")
           ).to_be_visible()
    said = {"experienced_bullying": "No", "say_in_home": "No",
            "good_things": "Cooking tea with the staff on Fridays."}
    fill_in_easy_read(phone, axe_check, said)

    expect(heading(phone)).to_have_text("Check your answers")
    main = phone.locator("main")
    expect(main).to_contain_text(first.easy_read["en"])
    expect(main).to_contain_text("Cooking tea with the staff on Fridays.")
    expect(phone.get_by_role("heading", name="Send your answers")).to_be_visible()
    looked_at(phone, axe_check)
    assert Answer.objects.get(interview=case, item_key="good_things").value == (
        "Cooking tea with the staff on Fridays.")
    phone.get_by_role("button", name="Send my answers").click()
    expect(heading(phone)).to_have_text("Thank you")
    expect(phone.get_by_text("Your answers have gone to your interviewer.")).to_be_visible()
    looked_at(phone, axe_check)

    saved = dict(Answer.objects.filter(interview=case).values_list("item_key", "value"))
    asked = [i for i in questions.items() if i.type == ItemType.YES_NO_NOT_SURE]
    assert {i.key for i in asked} <= set(saved)
    assert (saved["happy_living_here"], saved["experienced_bullying"], saved["say_in_home"],
            saved["good_things"]) == ("yes", "no", "no", "Cooking tea with the staff on Fridays.")
    assert "bullying_dealt_with" not in saved
    case.refresh_from_db()
    assert case.state == YoungPersonState.INTERVIEWER_ASSIGNED  # the interviewer finishes it
    assert case.record_draft.sections_done == [s.key for s in questions.sections]
    assert not InterviewRecord.objects.filter(interview=case).exists()
    assert visits.unchecked() == [], "pages shown but never checked with axe"
