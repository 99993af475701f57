"""Typing in the interview record keeps the session alive; an idle page does not."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from leaver.pathways.young_person.states import State
from leaver.testing import PASSWORD, Cast, make_case

pytestmark = pytest.mark.browser


def _sign_in_and_open_record_form(page: Page, cast: Cast) -> None:
    interview = make_case(cast, State.SCHEDULED)
    page.clock.install()
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(cast.interviewer.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/cases/{interview.public_id}/record/moving_on/")
    page.wait_for_load_state("networkidle")


def test_typing_pings_keep_alive_within_a_minute(page: Page, browser_cast: Cast) -> None:
    _sign_in_and_open_record_form(page, browser_cast)
    page.get_by_label("Who decided?").fill("My social worker and me.")
    with page.expect_response("**/accounts/keep-alive/") as answer:
        page.clock.run_for(61_000)
    assert answer.value.status == 204


def test_an_idle_page_sends_nothing(page: Page, browser_cast: Cast) -> None:
    _sign_in_and_open_record_form(page, browser_cast)
    pings: list[str] = []
    page.on("request", lambda r: pings.append(r.url) if "keep-alive" in r.url else None)
    page.clock.run_for(5 * 61_000)
    page.wait_for_timeout(200)
    assert pings == []
