"""Safeguarding, clicked through in Chromium with axe-core on every page: the interviewer records
"Did you feel safe? No" and is warned at once; the IRO's review shows the concern's status and
asks them to say they know of it before "no action needed"; the safeguarding lead sees the
concern on "Your work", acknowledges it and records a referral; the IRO then sees it closed;
the organisation admin sets the out-of-hours number; a pattern at the home is shown to the
lead."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import seed
from leaver.safeguarding.models import Concern, SafeguardingSettings, Status
from leaver.safeguarding.tests.helpers import raise_one
from leaver.testing import Cast, full_answers, held, make_case, record_details
from tests.browser.steps import Check, fill_date, sign_in, sign_out, submit

pytestmark = pytest.mark.browser

SAID = "Another resident hit me and staff did nothing."


def record_care_and_safety(page: Page, axe_check: Check) -> None:
    """The interviewer answers "Care and safety": "No" to "Did you feel safe?" with the young
    person's words, "Yes" to every other question of the section."""
    section = next(s for s in seed("yp-appendix-1").sections if s.key == "care_and_safety")
    for item in section.items:
        if not item.required:
            continue
        answer = "No" if item.key in ("felt_safe", "experienced_bullying") else "Yes"
        page.get_by_role("group", name=item.label["en"], exact=True).get_by_label(
            answer, exact=True).check()
    page.get_by_label("Comment (optional) on “Did you feel safe?”").fill(SAID)
    axe_check(page)


def test_a_disclosure_reaches_the_lead(page: Page, browser_cast: Cast, axe_check: Check,
                                       visits: Any) -> None:
    cast = browser_cast
    SafeguardingSettings.objects.create(organisation=cast.org,
                                        out_of_hours_phone="0300 123 4567")
    # A month ago another young person at Oak House had a concern raised.
    earlier = make_case(cast, State.SCHEDULED, leaver_name="Alex Earlier")
    raise_one(cast, earlier, at=timezone.now() - dt.timedelta(days=30))
    case = make_case(cast, State.SCHEDULED)
    case_url = f"/cases/{case.public_id}/"

    # --- The interviewer records "felt safe: No" and is warned at once. --------------------
    sign_in(page, axe_check, cast.interviewer)
    page.goto(f"{case_url}record/care_and_safety/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Care and safety")
    record_care_and_safety(page, axe_check)
    page.get_by_role("button", name="Save and continue").click()
    warning = page.locator(".govuk-notification-banner").filter(
        has_text="A safeguarding concern has been raised")
    expect(warning).to_contain_text("Your organisation's safeguarding leads have been told")
    expect(warning).to_contain_text("If the young person is in immediate danger, call 999 now, "
                                    "then ring the out-of-hours safeguarding number, "
                                    "0300 123 4567.")
    axe_check(page)
    concern = Concern.objects.get(interview=case)
    # The case shows that a concern exists; its raiser can read it from there.
    page.goto(case_url)
    safeguarding = page.locator("#safeguarding")
    expect(safeguarding).to_contain_text("Raised, not yet acknowledged")
    axe_check(page)
    safeguarding.get_by_role("link", name=re.compile("^Read")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding concern")
    expect(page.get_by_text(SAID)).to_be_visible()
    axe_check(page)
    # Raising one by hand: the page, and what it says when nothing is filled in.
    page.goto(case_url)
    page.get_by_role("link", name="Raise a safeguarding concern").click()
    axe_check(page)
    page.get_by_role("button", name="Raise the concern").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what the concern is.")
    axe_check(page)
    sign_out(page)

    # The interview is finished and the record submitted (the recording walk is elsewhere).
    held(cast, case)
    recording.submit_record(actor=cast.interviewer, interview=case, details=record_details(
        answers=full_answers(felt_safe="no", felt_safe_comment=SAID)))
    assert Concern.objects.filter(interview=case).count() == 1

    # --- The IRO's review shows the status; "no action needed" asks them to say they know. --
    sign_in(page, axe_check, cast.iro)
    page.goto(f"{case_url}review/")
    expect(page.locator("#safeguarding")).to_contain_text("Raised, not yet acknowledged")
    axe_check(page)
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("No action needed")
    axe_check(page)
    page.get_by_label("Why is no action needed?").fill("Nothing else came up.")
    page.get_by_role("button", name="Record that no action is needed").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Confirm that you know there is an open safeguarding concern.")
    expect(page.get_by_label("Why is no action needed?")).to_have_value("Nothing else came up.")
    axe_check(page)
    sign_out(page)

    # --- The safeguarding lead: "Your work", the list, acknowledge, a referral. -------------
    sign_in(page, axe_check, cast.safeguarding_lead)
    expect(page.get_by_role("heading", name=re.compile("Safeguarding concerns"))).to_be_visible()
    expect(page.get_by_role("link", name="Jordan Ellis")).to_be_visible()
    page.get_by_role("link", name="Safeguarding concerns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Safeguarding concerns")
    expect(page.get_by_text("Oak House: 2 young people with a concern within 12 months")
           ).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name=re.compile("Oak House: 2 young people")).click()
    expect(page.get_by_text("Alex Earlier")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="All safeguarding concerns").click()
    axe_check(page)
    page.get_by_role("link", name="Jordan Ellis").click()
    expect(page.get_by_text(SAID)).to_be_visible()
    axe_check(page)
    submit(page, axe_check, "Acknowledge the concern", "You have acknowledged the concern")
    page.get_by_role("link", name="A referral was made").click()
    axe_check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose who the referral was made to.")
    axe_check(page)
    page.get_by_label("Children's social care or the MASH").check()
    page.get_by_label("Reference").fill("MASH-2027-0042")
    fill_date(page, "When was the referral made?", timezone.localdate())
    submit(page, axe_check, "Continue", "Check the outcome, then close the concern.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Check the outcome before you close the concern")
    expect(page.get_by_text("MASH-2027-0042")).to_be_visible()
    submit(page, axe_check, "Close the concern", "The concern is closed with its outcome.")
    page.get_by_role("link", name="Add a note").click()
    axe_check(page)
    page.get_by_label("Add a note").fill("The MASH called back: a strategy meeting is set.")
    submit(page, axe_check, "Save the note", "The note is saved.")
    concern.refresh_from_db()
    assert (concern.status, concern.reference) == (Status.CLOSED, "MASH-2027-0042")
    sign_out(page)

    # --- The IRO sees it closed. -----------------------------------------------------------
    sign_in(page, axe_check, cast.iro)
    page.goto(f"{case_url}review/")
    expect(page.locator("#safeguarding")).to_contain_text("Closed: referral made")
    axe_check(page)
    sign_out(page)

    # --- The organisation admin sets the safeguarding settings. ----------------------------
    sign_in(page, axe_check, cast.org_admin)
    page.goto("/admin/organisation/")
    axe_check(page)
    page.get_by_role("link", name="Safeguarding", exact=True).click()
    axe_check(page)
    page.get_by_role("link", name="Change the safeguarding settings").click()
    axe_check(page)
    page.get_by_label("Working hours to acknowledge a concern").fill("0")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The working hours must be a whole number between 1 and 40")
    axe_check(page)
    page.get_by_label("Working hours to acknowledge a concern").fill("2")
    page.get_by_label(cast.safeguarding_lead.full_name).check()
    submit(page, axe_check, "Save", "The safeguarding settings are saved.")
    expect(page.get_by_text("2 working hours")).to_be_visible()

    assert visits.unchecked() == [], "pages shown but never checked with axe"
