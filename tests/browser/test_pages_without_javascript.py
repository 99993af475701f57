"""Pages work without JavaScript, and the axe check itself can fail: the browser tests' own
safeguards, apart from the pathway walk."""
from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from leaver.pathways.young_person.states import State
from leaver.testing import PASSWORD, Cast, make_case
from tests.browser.steps import (
    Check,
    fill_consent,
)

pytestmark = pytest.mark.browser


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
