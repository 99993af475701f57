"""A conditional question appears as the user answers when JavaScript runs, and shows with a
hint when it does not (issue 4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from leaver.organisations.models import Pathway
from leaver.questionnaires import actions
from leaver.questionnaires.spec import YES_NO_NOT_SURE, Item, ItemType, Questionnaire, Section
from leaver.testing import PASSWORD, Cast

pytestmark = pytest.mark.browser

QUESTIONS = Questionnaire(key="conditions-demo", title={"en": "Exit"}, version="1", sections=(
    Section(key="safety", title={"en": "Safety"}, items=(
        Item(key="experienced_bullying", type=ItemType.YES_NO_NOT_SURE, required=True,
             label={"en": "Did you experience any bullying?"}, choices=YES_NO_NOT_SURE),
        Item(key="bullying_dealt_with", type=ItemType.LONG_TEXT,
             label={"en": "How was this dealt with?"},
             relevant="${experienced_bullying} = 'yes'"),
    )),
))


def _open_preview(page: Page, cast: Cast) -> None:
    draft = actions.save_draft(actor=None, organisation=cast.org,
                               pathway=Pathway.YOUNG_PERSON, questionnaire=QUESTIONS)
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(cast.org_admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/questionnaires/versions/{draft.public_id}/preview/")


def test_a_conditional_question_follows_the_answer(page: Page, browser_cast: Cast,
                                                   axe_check: Callable[[Page], None]) -> None:
    _open_preview(page, browser_cast)
    follow_up = page.get_by_label("How was this dealt with?")
    expect(follow_up).to_be_hidden()
    axe_check(page)
    bullying = page.get_by_role("group", name="Did you experience any bullying?")
    bullying.get_by_label("Yes", exact=True).check()
    expect(follow_up).to_be_visible()
    axe_check(page)
    bullying.get_by_label("No", exact=True).check()
    expect(follow_up).to_be_hidden()


def test_without_javascript_the_question_shows_with_its_condition(
        browser: Browser, live_server: Any, browser_cast: Cast) -> None:
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        _open_preview(page, browser_cast)
        expect(page.get_by_label("How was this dealt with?")).to_be_visible()
        expect(page.get_by_text("Answer only if")).to_be_visible()
    finally:
        context.close()


def test_the_admin_pages_are_accessible(page: Page, browser_cast: Cast,
                                        axe_check: Callable[[Page], None]) -> None:
    _open_preview(page, browser_cast)
    page.goto("/questionnaires/")
    axe_check(page)
    page.get_by_role("button", name="Save the default").click()  # nothing chosen: errors
    expect(page.get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.goto("/questionnaires/upload/")
    axe_check(page)
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("Choose an .xlsx file to upload.").first).to_be_visible()
    axe_check(page)
