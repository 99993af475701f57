"""Issue 8 in Chromium: a correction through a "Change" link and its audit row; consent with
its revealed questions (with and without JavaScript) and the check page; the warning button
and confirmation for ending a case early; the home's manager reading a distributed record
and refused a restricted one. axe-core checks every page shown with JavaScript."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.models import YoungPerson
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, held, make_case, record_details
from tests.browser.steps import (
    Check,
    fill_date,
    sign_in,
)

pytestmark = pytest.mark.browser



def test_a_correction_through_its_change_link(page: Page, browser_cast: Cast,
                                              axe_check: Check) -> None:
    cast = browser_cast
    interview = make_case(cast, State.SCHEDULED)
    sign_in(page, axe_check, cast.social_worker)
    page.goto(f"/cases/{interview.public_id}/")
    axe_check(page)
    page.get_by_role("link", name="Change phone").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Phone and email")
    axe_check(page)
    page.get_by_label("Email address (optional)").fill("not an email")
    page.get_by_role("button", name="Save the change").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter an email address like")
    axe_check(page)
    page.get_by_label("Email address (optional)").fill("jordan@example.com")
    page.get_by_label("Phone number (optional)").fill("07700 900456")
    page.get_by_role("button", name="Save the change").click()
    expect(page.get_by_role("alert")).to_contain_text("Phone and email: saved.")
    expect(page.locator("main")).to_contain_text("07700 900456")
    expect(page.locator("main")).to_contain_text("Phone or email changed")
    axe_check(page)
    event = AuditEvent.objects.get(action="interview.correct_contact")
    assert event.actor == cast.social_worker
    assert event.detail["changes"] == {"phone": ["", "07700 900456"],
                                       "email": ["", "jordan@example.com"]}


def test_declining_with_the_reveal_and_the_check_page(page: Page, browser_cast: Cast,
                                                      axe_check: Check) -> None:
    cast = browser_cast
    interview = make_case(cast, State.NOTIFIED)
    sign_in(page, axe_check, cast.social_worker)
    page.goto(f"/cases/{interview.public_id}/consent/")
    quote = page.get_by_role("group", name="Do they agree that their words may be quoted")
    reason = page.get_by_label("Did they give a reason? (optional)")
    # With JavaScript, a choice's questions appear only once it is chosen.
    expect(quote).to_be_hidden()
    expect(reason).to_be_hidden()
    expect(page.get_by_text("Answer only the questions under the choice")).to_be_hidden()
    axe_check(page)
    page.get_by_label("Yes, they agreed").check()
    expect(quote).to_be_visible()
    page.get_by_label("No, they declined").check()
    expect(quote).to_be_hidden()
    expect(reason).to_be_visible()
    fill_date(page, "When did you ask the young person?", timezone.localdate())
    reason.fill("Would rather not talk about it.")
    axe_check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/consent/check/$"))
    expect(page.locator("main")).to_contain_text("Would rather not talk about it.")
    assert Interview.objects.get(pk=interview.pk).state == State.NOTIFIED
    axe_check(page)
    button = page.get_by_role("button", name="Record the decision and close the case")
    expect(button).to_have_class(re.compile("govuk-button--warning"))
    button.click()
    expect(page.get_by_role("alert")).to_contain_text("the case is closed")
    # They may change their mind before the move: the social worker can reopen.
    page.get_by_role("link", name="Reopen the case: they changed their mind").click()
    axe_check(page)
    page.get_by_label("How did the young person tell you").fill("They rang me.")
    page.get_by_role("button", name="Reopen the case").click()
    expect(page.get_by_role("alert")).to_contain_text("The case is open again")
    axe_check(page)
    assert Interview.objects.get(pk=interview.pk).state == State.NOTIFIED


def test_not_feasible_without_javascript(browser: Browser, live_server: Any,
                                         browser_cast: Cast) -> None:
    cast = browser_cast
    interview = make_case(cast, State.NOTIFIED, significant_learning_disability=True)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  locale="en-GB")
    try:
        page = context.new_page()
        sign_in(page, lambda _page: None, cast.social_worker)  # axe runs with JavaScript
        page.goto(f"/cases/{interview.public_id}/consent/")
        # Without JavaScript every question shows, with a line saying which to answer.
        expect(page.get_by_text("Answer only the questions under the choice")).to_be_visible()
        expect(page.get_by_label("Did they give a reason? (optional)")).to_be_visible()
        fill_date(page, "When did you ask the young person?", timezone.localdate())
        page.get_by_label("An interview is not feasible").check()
        page.get_by_label("An advocate", exact=True).check()
        page.get_by_label("A trusted adult with them", exact=True).check()
        page.get_by_label("Why is an interview not feasible?").fill("Non-verbal.")
        page.get_by_role("button", name="Continue").click()
        expect(page).to_have_url(re.compile(r"/consent/check/$"))
        expect(page.locator("main")).to_contain_text("An advocate")
        page.get_by_role("button", name="Record the decision and close the case").click()
        expect(page.get_by_role("alert")).to_contain_text("the case is closed")
    finally:
        context.close()
    interview.refresh_from_db()
    assert interview.state == State.NOT_FEASIBLE
    assert YoungPerson.objects.get(interview=interview).feasibility_tried == [
        "advocate", "trusted_adult"]


def test_ending_early_warns_and_confirms(page: Page, browser_cast: Cast,
                                         axe_check: Check) -> None:
    cast = browser_cast
    interview = make_case(cast, State.CONSENTED)
    sign_in(page, axe_check, cast.social_worker)
    page.goto(f"/cases/{interview.public_id}/")
    page.get_by_role("link", name="Record that the young person could not be contacted").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text("The case will close now")
    button = page.get_by_role("button", name="Close the case")
    expect(button).to_have_class(re.compile("govuk-button--warning"))
    axe_check(page)
    page.get_by_label("Reason").fill("No answer to calls or letters.")
    button.click()
    expect(page.get_by_role("alert")).to_contain_text("The case is closed")
    axe_check(page)
    assert Interview.objects.get(pk=interview.pk).state == State.UNABLE_TO_CONTACT


def test_the_homes_manager_reads_a_distributed_record_not_a_restricted_one(
        page: Page, browser_cast: Cast, axe_check: Check) -> None:
    cast = browser_cast
    shared = make_case(cast, State.WITH_IRO, leaver_name="Jordan Ellis")
    restricted = held(cast, make_case(cast, State.SCHEDULED, leaver_name="Casey Morgan"))
    recording.submit_record(actor=cast.interviewer, interview=restricted,
                            details=record_details(restrict_circulation=True,
                                                   restriction_reason="Names a carer."))
    sign_in(page, axe_check, cast.unit_manager)
    page.goto(f"/cases/{shared.public_id}/")
    axe_check(page)
    page.get_by_role("link", name="Read the interview record").click()
    expect(page).to_have_url(re.compile(rf"/cases/{shared.public_id}/record/$"))
    axe_check(page)
    page.goto(f"/cases/{restricted.public_id}/")
    expect(page.locator("main")).to_contain_text("You do not have access to the answers.")
    axe_check(page)
    response = page.goto(f"/cases/{restricted.public_id}/record/")
    assert response is not None
    assert response.status == 404
