"""The whole young person's pathway, clicked through in Chromium by each person in turn,
signing in through the real login form, with axe-core checking every page on the way."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.spec import ItemType
from leaver.testing import Cast
from tests.browser.steps import (
    CASE_URL,
    Check,
    fill_consent,
    fill_date,
    open_case_from_work,
    sign_in,
    sign_out,
    state_tag,
    submit,
)

pytestmark = pytest.mark.browser

RECOMMENDATION = "Make sure every young person has help with homework every evening."


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
    fill_date(page, "Date of birth", dt.date(today.year - 15, 3, 1))
    page.get_by_label("Home or placement they are leaving").select_option(label="Oak House")
    fill_date(page, "Planned move date", today + dt.timedelta(days=10))
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
    # The list of cases, under the "Open cases by stage" dashboard.
    expect(page.get_by_role("table", name=re.compile("Exit interview cases you can see"))
           ).to_contain_text(State.CONSENTED.label)
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
    # An interview cannot be arranged in the past.
    fill_date(page, "Date and time", timezone.localtime() - dt.timedelta(days=1), time="10:00")
    page.get_by_label("Place").fill("The library")
    page.get_by_role("button", name="Save the arrangements").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("has already passed")
    axe_check(page)
    when = (timezone.localtime() + dt.timedelta(days=3)).replace(hour=14, minute=30)
    fill_date(page, "Date and time", when, time="14:30")
    submit(page, axe_check, "Save the arrangements", "The interview is arranged")
    expect(page.get_by_text("The library")).to_be_visible()
    expect(state_tag(page)).to_have_text(State.SCHEDULED.label)

    # The record is a task list: the interview's facts, the 11 sections, then the rest.
    page.get_by_role("link", name="Record the interview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the interview")
    expect(page.locator("#task-about-status")).to_have_text("Not started")
    axe_check(page)
    # It cannot be recorded as held before it happened.
    page.get_by_role("link", name="When, how and where it was held").click()
    axe_check(page)
    fill_date(page, "When was the interview held?",
              timezone.localtime() + dt.timedelta(days=1), time="09:00")
    page.get_by_role("group", name="How was it held?").get_by_label("In person").check()
    page.get_by_label("Where was it held?").fill("The library")
    page.get_by_label("Who was present?").fill("The young person and me")
    page.get_by_role("group", name="Was an interpreter or communication support used?") \
        .get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be in the past")
    axe_check(page)
    held = timezone.localtime() - dt.timedelta(minutes=2)
    if held.date() != timezone.localdate():
        held = timezone.localtime().replace(hour=0, minute=0)
    fill_date(page, "When was the interview held?", held, time=f"{held:%H:%M}")
    submit(page, axe_check, "Save and continue", "is saved")
    expect(page.locator("#task-about-status")).to_have_text("Completed")
    # "Continue" goes to the first unfinished part; a draft saved for later is kept.
    page.get_by_role("link", name="Continue", exact=True).click()
    first = page.get_by_role("group", name="Were you happy living here?", exact=True)
    first.get_by_label("Yes", exact=True).check()
    submit(page, axe_check, "Save and come back later", "Your answers are saved as a draft")
    expect(page.locator("#task-living_here-status")).to_have_text("In progress")
    page.get_by_role("link", name="Continue", exact=True).click()
    expect(first.get_by_label("Yes", exact=True)).to_be_checked()
    # Each section on its own page; "did not want to answer" is an answer of its own.
    choices = ["Yes", "No", "Not sure", "Did not want to answer"]
    sections = seed("yp-appendix-1").sections
    answered = 0
    for number, section in enumerate(sections, start=1):
        expect(page.get_by_role("heading", level=1)).to_have_text(section.title["en"])
        expect(page.get_by_text(f"Section {number} of {len(sections)}")).to_be_visible()
        for item in section.items:
            if not item.required or item.key in ("happy_living_here", "say_in_home"):
                continue
            if item.type == ItemType.MULTIPLE_CHOICE:
                continue
            group = page.get_by_role("group", name=item.label["en"], exact=True)
            group.get_by_label(choices[answered % 4], exact=True).check()
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
        if section.key == "having_a_say":
            # "Menus? Bedtimes? Activities?" are checkboxes, asked only after a "Yes".
            say = page.get_by_role("group", name="Did you have a say in what happened in "
                                   "the Home?", exact=True)
            menus = page.get_by_role("checkbox", name="Menus")
            say.get_by_label("No", exact=True).check()
            expect(menus).to_be_hidden()
            say.get_by_label("Yes", exact=True).check()
            expect(menus).to_be_visible()
            menus.check()
            page.get_by_role("checkbox", name="Activities").check()
        axe_check(page)
        submit(page, axe_check, "Save and continue",
               f"Your answers to “{section.title['en']}” are saved")
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the interview")
    # The parts after the questions each have their own page.
    page.get_by_role("link", name="Complaints and advocacy").click()
    axe_check(page)
    for question, answer in (("Did you talk about how to make a complaint?", "Yes"),
                             ("Does the young person want to make a complaint?", "No"),
                             ("Did you talk about the advocacy service?", "Yes"),
                             ("Does the young person want a referral to an advocate?", "No")):
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    submit(page, axe_check, "Save and continue", "is saved")
    page.get_by_role("link", name="Who reads the record").click()
    axe_check(page)
    page.get_by_label("No, send it to the IRO and the distribution list").check()
    submit(page, axe_check, "Save and continue", "is saved")
    # Check your answers: every gap at once, each linked to its place.
    page.get_by_role("link", name="Check your answers and submit the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting the record")
    axe_check(page)
    expect(page.get_by_text("My social worker and me, together.")).to_be_visible()
    expect(page.get_by_text("Staff talked to everyone.")).to_be_visible()
    expect(page.get_by_text("Did not want to answer").first).to_be_visible()
    page.get_by_role("button", name="Submit and lock the record").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm that the record was agreed with the young person")
    axe_check(page)
    # A "Change" link goes to the question and comes back here.
    page.get_by_role("link", name="Change agreement with the young person").click()
    axe_check(page)
    page.get_by_label("I have read this record back to the young person").check()
    submit(page, axe_check, "Save and continue", "is saved")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check your answers before submitting the record")
    page.get_by_role("link", name="Change Who decided?").click()
    page.get_by_label("Who decided?", exact=True).fill("My social worker and me, in May.")
    submit(page, axe_check, "Save and continue", "are saved")
    expect(page.get_by_text("My social worker and me, in May.")).to_be_visible()
    submit(page, axe_check, "Submit and lock the record", "The record is locked")
    expect(state_tag(page)).to_have_text(State.WITH_IRO.label)
    sign_out(page)

    # --- The IRO reads the record and issues a recommendation to the CSM. ------------------
    sign_in(page, axe_check, cast.iro)
    open_case_from_work(page, axe_check)
    page.get_by_role("link", name="Read the interview record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Interview record")
    expect(page.get_by_text("My social worker and me, in May.")).to_be_visible()
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
        f"Interview arranged: for {when.day} {when:%B %Y, %H:%M} ({cast.interviewer.full_name})",
        f"Interview held: when, how and where recorded ({cast.interviewer.full_name})",
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
