"""Length limits in Chromium with axe-core (issue 9): the GOV.UK character count counts as
people type and says when they are over; the server refuses the same with its message and
keeps what was typed; the "Leaver is busy" page a save gets when SQLite stays locked."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from playwright.sync_api import Page, expect

from leaver.pathways.young_person.states import State
from leaver.reviews.models import Review
from leaver.testing import Cast, make_case
from leaver.ui.pages import busy
from tests.browser.steps import Check, sign_in, submit

pytestmark = pytest.mark.browser


def test_the_character_count_and_the_limit(page: Page, browser_cast: Cast, axe_check: Check
                                           ) -> None:
    cast = browser_cast
    case = make_case(cast, State.WITH_IRO)
    sign_in(page, axe_check, cast.iro)
    page.goto(f"/cases/{case.public_id}/review/no-action/")
    box = page.get_by_label("Why is no action needed?")
    expect(page.locator("#id_reason-info")).to_have_text("You can enter up to 2,000 characters")
    box.fill("Nothing needs to change.")
    expect(page.locator(".govuk-character-count__status")).to_have_text(
        "You have 1,976 characters remaining")
    box.fill("a" * 2_001)
    expect(page.locator(".govuk-character-count__status")).to_have_text(
        "You have 1 character too many")
    axe_check(page)

    page.get_by_role("button", name="Record that no action is needed").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("The reason must be 2,000 characters or fewer.")
    expect(page.get_by_label("Why is no action needed?")).to_have_value("a" * 2_001)
    axe_check(page)
    assert not Review.objects.filter(interview=case).exists()

    page.get_by_label("Why is no action needed?").fill("a" * 2_000)
    submit(page, axe_check, "Record that no action is needed", "Recorded: no action needed.")
    assert Review.objects.get(interview=case).no_action_reason == "a" * 2_000


def test_the_busy_page(page: Page, live_server: Any, axe_check: Check) -> None:
    """SQLite cannot be kept locked from a browser test (they run on PostgreSQL), so the page
    a too-long wait gets is served as Leaver renders it, with Leaver's own styles."""
    request = RequestFactory().post("/cases/new/")
    request.user = AnonymousUser()
    html = busy(request).content.decode()
    url = f"{live_server.url}/a-save-that-waited-too-long/"
    page.route(url, lambda route: route.fulfill(status=503, body=html,
                                                content_type="text/html; charset=utf-8"))
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sorry, Leaver is busy")
    axe_check(page)
