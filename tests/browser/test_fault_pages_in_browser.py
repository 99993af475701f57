"""The pages shown when a save fails (issue 14), in a real browser with DEBUG off: the 500
page ("it may not have been saved") and the page for a full database (503: nothing sent was
saved, nothing saved was lost). Both axe-clean, both with an incident reference."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from leaver.testing import Cast
from tests.browser.steps import Check

pytestmark = [pytest.mark.browser, pytest.mark.urls("leaver.tests.failing_urls")]
REFERENCE = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}$")


def test_the_fault_pages_in_the_browser(page: Page, browser_cast: Cast,
                                        axe_check: Check) -> None:
    assert not settings.DEBUG
    response = page.goto("/test-errors/broken/")
    assert response is not None
    assert response.status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sorry, there is a problem with the service")
    expect(page.locator("#incident-reference")).to_have_text(REFERENCE)
    axe_check(page)

    response = page.goto("/test-errors/full/")
    assert response is not None
    assert response.status == 503
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Sorry, Leaver cannot save your work at the moment")
    expect(page.locator("main")).to_contain_text("Nothing that was saved before has been lost")
    expect(page.locator("#incident-reference")).to_have_text(REFERENCE)
    axe_check(page)
