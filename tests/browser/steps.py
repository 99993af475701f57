"""Steps the browser walks share: signing in and out, submitting a form, a GOV.UK date input.
Each page reached is checked with axe-core by the caller's `axe_check` (tests/browser/conftest)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.accounts.models import User
from leaver.testing import PASSWORD

Check = Callable[[Page], None]
CASE_URL = re.compile(r"/cases/[0-9a-f-]{36}/$")


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


def fill_date(page: Page, legend: str, day: dt.date, time: str = "") -> None:
    """A GOV.UK date input (and its time box, for an appointment) found by its legend."""
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
    if time:
        group.get_by_label("Time").fill(time)


def state_tag(page: Page) -> Any:
    return page.locator("main .govuk-tag").first


def fill_consent(page: Page) -> None:
    """Asked today; they agreed, and may be quoted without their name."""
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Yes, they agreed").check()
    page.get_by_role("group", name="Do they agree that their words may be quoted").get_by_label(
        "Yes", exact=True).check()
