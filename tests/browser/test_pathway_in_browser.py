"""The whole young person's pathway, clicked through in Chromium by each person in turn,
signing in through the real login form, with axe-core checking every page on the way."""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import ItemType
from leaver.testing import PASSWORD, Cast, make_case

pytestmark = pytest.mark.browser

Check = Callable[[Page], None]
CASE_URL = re.compile(r"/cases/[0-9a-f-]{36}/$")
RECOMMENDATION = "Make sure every young person has help with homework every evening."


def sign_in(page: Page, axe_check: Check, user: User) -> None:
    page.goto("/accounts/login/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Leaver")
    axe_check(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/work/$"))
    expect(page.get_by_role("button", name="Sign out")).to_contain_text(user.full_name)
    axe_check(page)


def sign_out(page: Page) -> None:
    """The login page it lands on is checked by the next sign_in."""
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)


def open_case_from_work(page: Page, axe_check: Check, name: str = "Jordan Ellis") -> None:
    page.get_by_role("link", name=name).first.click()
    expect(page).to_have_url(CASE_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    axe_check(page)


def submit(page: Page, axe_check: Check, button: str, success: str) -> None:
    """Press the form's button, expect the success banner on the next page, check it."""
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("alert")).to_contain_text(success)
    axe_check(page)


def fill_consent(page: Page) -> None:
    """Asked today; they agreed, and may be quoted without their name."""
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Yes, they agreed").check()
    page.get_by_role("group", name="Do they agree that their words may be quoted").get_by_label(
        "Yes", exact=True).check()


def state_tag(page: Page) -> Any:
    return page.locator("main .govuk-tag").first


def test_whole_pathway_as_each_person(page: Page, browser_cast: Cast, axe_check: Check,
                                      visits: Any) -> None:
    cast = browser_cast
    started = time.monotonic()
    today = timezone.localdate()

    # --- The Unit Manager records the move; the first try leaves out the name. -------------
    sign_in(page, axe_check, cast.unit_manager)
    page.get_by_role("link", name="Record that a young person is moving").click()
    expect(page).to_have_url(re.compile(r"/cases/new/$"))
    axe_check(page)
    page.get_by_label("Date of birth").fill(dt.date(today.year - 15, 3, 1).isoformat())
    page.get_by_label("Home or placement they are leaving").select_option(label="Oak House")
    page.get_by_label("Planned move date").fill((today + dt.timedelta(days=10)).isoformat())
    page.get_by_label("Allocated social worker").select_option(
        label=cast.social_worker.full_name)
    page.get_by_role("group", name="Does the young person have a significant learning "
                     "disability?").get_by_label("No", exact=True).check()
    page.get_by_label("Independent Reviewing Officer (IRO)").select_option(
        label=cast.iro.full_name)
    page.get_by_role("button", name="Record the move").click()
    # The error state: summary, field message, what was typed kept — and still accessible.
    expect(page).to_have_title(re.compile(r"^Error: "))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("link", name="Enter the young person's name.")).to_be_visible()
    expect(page.get_by_label("Allocated social worker")).to_have_value(
        str(cast.social_worker.pk))
    axe_check(page)
    assert Interview.objects.count() == 0
    summary.get_by_role("link").first.click()
    expect(page.get_by_label("Young person's full name")).to_be_focused()
    page.get_by_label("Young person's full name").fill("Jordan Ellis")
    submit(page, axe_check, "Record the move", "The move is recorded")
    expect(page).to_have_url(CASE_URL)
    case_url = page.url
    expect(state_tag(page)).to_have_text(State.NOTIFIED.label)
    sign_out(page)

    # --- The social worker records consent after reading the statement out. ---------------
    sign_in(page, axe_check, cast.social_worker)
    # The count beside each group's heading says what it counts to a screen reader.
    expect(page.locator("main h2").first).to_have_text(re.compile(r"\b1 case$"))
    open_case_from_work(page, axe_check)
    page.get_by_role("link", name="Record consent decision").click()
    expect(page.locator("#confidentiality-statement")).to_have_text(cast.statement.text)
    axe_check(page)
    fill_consent(page)
    submit(page, axe_check, "Continue", "The consent decision is recorded")
    expect(state_tag(page)).to_have_text(State.CONSENTED.label)
    # Pages looked at but not used: closing early, and a step that is not theirs (403).
    page.get_by_role("link", name="Record that the young person has withdrawn").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The young person has withdrawn")
    axe_check(page)
    page.goto(case_url + "interviewer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot do this")
    axe_check(page)
    sign_out(page)

    # --- The CSM assigns the independent interviewer; the page says who cannot be chosen. --
    sign_in(page, axe_check, cast.csm)
    page.get_by_role("link", name="Cases", exact=True).click()
    expect(page.get_by_role("table")).to_contain_text(State.CONSENTED.label)
    axe_check(page)
    page.get_by_role("link", name="Jordan Ellis").click()
    axe_check(page)
    page.get_by_role("link", name="Choose an interviewer").click()
    page.get_by_text("Why some people cannot be chosen").click()
    expect(page.locator(".govuk-details")).to_contain_text(
        f"{cast.dependent_interviewer.full_name} is not independent of the organisation")
    expect(page.get_by_label(cast.dependent_interviewer.full_name)).to_have_count(0)
    axe_check(page)
    page.get_by_label(cast.interviewer.full_name).check()
    submit(page, axe_check, "Assign the interviewer", "The interviewer is assigned")
    expect(state_tag(page)).to_have_text(State.INTERVIEWER_ASSIGNED.label)
    sign_out(page)

    # --- The interviewer arranges, then records, the interview. ----------------------------
    sign_in(page, axe_check, cast.interviewer)
    open_case_from_work(page, axe_check)
    page.get_by_role("link", name="Arrange the interview").click()
    axe_check(page)
    when = (timezone.localtime() + dt.timedelta(days=3)).replace(hour=14, minute=30)
    page.get_by_label("Date and time").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Place").fill("The library")
    submit(page, axe_check, "Save the arrangements", "The interview is arranged")
    expect(page.get_by_text("The library")).to_be_visible()
    expect(state_tag(page)).to_have_text(State.SCHEDULED.label)
    page.get_by_role("link", name="Record the interview").click()
    axe_check(page)
    # A draft: one answer, saved to come back to later, is there when the page reopens.
    first = page.get_by_role("group", name="Were you happy living here?", exact=True)
    first.get_by_label("Yes", exact=True).check()
    submit(page, axe_check, "Save and come back later", "Your answers are saved as a draft")
    page.get_by_role("link", name="Continue recording the interview").click()
    expect(first.get_by_label("Yes", exact=True)).to_be_checked()
    # Each section on its own page, required questions answered, "Save and continue".
    choices = ["Yes", "No", "Not sure"]
    sections = seed("yp-appendix-1").sections
    answered = 0
    for number, section in enumerate(sections, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(section.title["en"])
        expect(page.get_by_text(f"Section {number} of {len(sections)}")).to_be_visible()
        for item in section.items:
            if not item.required or item.key == "happy_living_here":
                continue
            group = page.get_by_role("group", name=item.label["en"], exact=True)
            if item.type == ItemType.MULTIPLE_CHOICE:
                group.get_by_label(item.choices[0].label["en"], exact=True).check()
            else:
                group.get_by_label(choices[answered % 3], exact=True).check()
                answered += 1
        if section.key == "moving_on":
            page.get_by_label("Who decided?", exact=True).fill(
                "My social worker and me, together.")
        if section.key == "care_and_safety":
            # The follow-up shows only after a yes to bullying, as the interviewer answers.
            follow_up = page.get_by_label("How was this dealt with?")
            bullying = page.get_by_role("group", name="Did you experience any bullying?",
                                        exact=True)
            bullying.get_by_label("No", exact=True).check()
            expect(follow_up).to_be_hidden()
            bullying.get_by_label("Yes", exact=True).check()
            expect(follow_up).to_be_visible()
            follow_up.fill("Staff talked to everyone.")
        submit(page, axe_check, "Save and continue",
               f"Your answers to “{section.title['en']}” are saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check and submit the record")
    expect(page.get_by_text("My social worker and me, together.")).to_be_visible()
    expect(page.get_by_text("Staff talked to everyone.")).to_be_visible()
    page.get_by_label("The advocacy service was discussed").check()
    page.get_by_label("I have read this record back to the young person").check()
    submit(page, axe_check, "Submit and lock the record", "The record is locked")
    expect(state_tag(page)).to_have_text(State.WITH_IRO.label)
    sign_out(page)

    # --- The IRO reads the record and issues a recommendation to the CSM. ------------------
    sign_in(page, axe_check, cast.iro)
    open_case_from_work(page, axe_check)
    page.get_by_role("link", name="Read the interview record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Interview record")
    expect(page.get_by_text("My social worker and me, together.")).to_be_visible()
    expect(page.get_by_text("Unchanged since it was locked")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Restrict circulation of this record").click()
    axe_check(page)
    page.get_by_role("link", name="Back to the case").click()
    page.get_by_role("link", name="Review the record").click()
    axe_check(page)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    axe_check(page)
    page.get_by_label(cast.csm.full_name).check()
    page.get_by_label("Recommendation", exact=True).fill(RECOMMENDATION)
    page.get_by_label("The same recommendation, for the young person").fill(RECOMMENDATION)
    due = today + dt.timedelta(days=28)
    page.get_by_label("Day").fill(str(due.day))
    page.get_by_label("Month").fill(str(due.month))
    page.get_by_label("Year").fill(str(due.year))
    submit(page, axe_check, "Save as a draft", "The draft is saved")
    submit(page, axe_check, "Issue the recommendation", "recommendation is issued")
    page.get_by_role("link", name="Add a recommendation").click()
    expect(page.get_by_role("heading", name="Recommendations issued")).to_be_visible()
    axe_check(page)
    sign_out(page)

    # --- The CSM responds at "Your recommendations". ---------------------------------------
    sign_in(page, axe_check, cast.csm)
    page.get_by_role("link", name="Your recommendations").click()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Make sure every young person")).click()
    axe_check(page)
    page.get_by_label("Action will be taken", exact=True).check()
    page.get_by_label("What will be done").fill("Homework club starts on Monday.")
    submit(page, axe_check, "Send the response", "Your response has been sent to the IRO")
    sign_out(page)

    # --- The IRO writes the letter, downloads it, records it as sent. ----------------------
    sign_in(page, axe_check, cast.iro)
    open_case_from_work(page, axe_check)
    page.get_by_role("link", name="Write to the young person").click()
    letter = page.get_by_label("Letter to the young person")
    expect(letter).to_have_value(re.compile(r"^Dear Jordan,"))
    expect(letter).to_have_value(re.compile("Homework club starts on Monday"))
    axe_check(page)
    submit(page, axe_check, "Save the letter", "The letter is saved")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the letter (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == "letter-to-young-person.pdf"
    text = " ".join(p.extract_text() for p in PdfReader(download.path()).pages)
    text = " ".join(text.split())
    assert "Dear Jordan" in text
    assert RECOMMENDATION in text
    assert cast.org.name in text
    page.get_by_role("link", name="Record the letter as sent").click()
    axe_check(page)
    page.get_by_label("By post").check()
    submit(page, axe_check, "Record the letter as sent", "The letter is recorded as sent")

    # --- The case is closed, and its timeline tells the story. -----------------------------
    expect(page).to_have_url(case_url)
    expect(state_tag(page)).to_have_text(State.CLOSED.label)
    expect(page.get_by_role("link", name="Write to the young person")).to_have_count(0)
    timeline = page.locator("h2:has-text('What has happened') + ol > li").all_inner_texts()
    steps = [re.sub(r"^.*? — ", "", entry) for entry in timeline]
    assert steps == [
        f"Move notified ({cast.unit_manager.full_name})",
        f"Consent recorded: the young person agreed ({cast.social_worker.full_name})",
        f"Interviewer assigned ({cast.csm.full_name})",
        f"Interview arranged ({cast.interviewer.full_name})",
        f"Interview record agreed, locked and sent to the IRO ({cast.interviewer.full_name})",
        f"Recommendation issued ({cast.iro.full_name})",
        f"Recommendation answered ({cast.csm.full_name})",
        "Every recommendation answered (Leaver)",
        f"Letter to the young person edited ({cast.iro.full_name})",
        f"Letter to the young person sent ({cast.iro.full_name})",
        "Case closed (Leaver)",
    ]
    interview = Interview.objects.get()
    assert interview.state == State.CLOSED
    assert AuditEvent.objects.filter(action="interview.letter_downloaded",
                                     object_id=interview.public_id).count() == 1

    assert visits.unchecked() == [], "pages shown but never checked with axe"
    assert {
        "/accounts/login/", "/work/", "/cases/new/", "/cases/<id>/", "/cases/<id>/consent/",
        "/cases/<id>/interviewer/", "/cases/<id>/schedule/", "/cases/<id>/record/new/",
        "/cases/<id>/record/moving_on/", "/cases/<id>/record/in_charge/",
        "/cases/<id>/record/check/",
        "/cases/<id>/record/", "/cases/<id>/review/", "/recommendations/",
        "/cases/<id>/review/recommendations/new/", "/cases/<id>/review/check/",
        "/cases/<id>/letter/sent/",
        "/recommendations/<id>/", "/cases/<id>/letter/", "/cases/", "/cases/<id>/restrict/",
        "/cases/<id>/close/withdraw/",
    } <= visits.checked
    print(f"\nWalked {len(visits.visited)} pages ({len(visits.checked)} distinct, all "
          f"axe-checked) in {time.monotonic() - started:.1f} s")


def test_pages_work_without_javascript(browser: Browser, live_server: Any,
                                       browser_cast: Cast) -> None:
    """Progressive enhancement: sign in and record consent with JavaScript switched off."""
    cast = browser_cast
    interview = make_case(cast, State.NOTIFIED)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(cast.social_worker.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/work/$"))
        # GOV.UK Frontend's init.js marks the body when it runs: here it must not have.
        expect(page.locator("body")).not_to_have_class(re.compile("js-enabled"))
        page.goto(f"/cases/{interview.public_id}/consent/")
        fill_consent(page)
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_url(re.compile(rf"/cases/{interview.public_id}/$"))
        expect(page.get_by_role("alert")).to_contain_text("The consent decision is recorded")
        expect(page.locator("main .govuk-tag").first).to_have_text(State.CONSENTED.label)
        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(re.compile(r"/accounts/login/$"))
    finally:
        context.close()
    interview.refresh_from_db()
    assert interview.state == State.CONSENTED


def test_axe_check_fails_on_a_page_with_a_violation(page: Page, transactional_db: None,
                                                   axe_check: Check) -> None:
    """The check above can fail: an input without a label is reported, with where it is."""
    page.goto("/accounts/login/")
    axe_check(page)
    page.evaluate("""() => {
        const input = document.createElement('input');
        input.id = 'unlabelled';
        document.querySelector('main').append(input);
    }""")
    with pytest.raises(AssertionError, match=r"(?s)- label \(critical\).*at #unlabelled"):
        axe_check(page)
