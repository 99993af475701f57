"""Issue 9's whole journey with two-factor sign-in on, as in production: an organisation admin
(signing in with their app's code) invites someone, who sets a password from the emailed link,
sets up an authenticator app at their first sign-in and reaches their work; the admin then
switches the account off and the person's open page is signed out on its next load."""

from __future__ import annotations

import re
from base64 import b32decode
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from leaver.accounts.tests.factors import app_code, enrol
from leaver.testing import PASSWORD, Cast
from tests.browser.steps import Check, submit
from tests.browser.test_two_factor import app_code as code_from_key
from tests.browser.test_two_factor import password_step

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("two_factor_required")]

LINK = re.compile(r"https?://\S+/invitation/[A-Za-z0-9_-]+/")
NEW_PASSWORD = "Lantern-Meadow-Copper-17"
EMAIL = "jo.joiner@north.example"


@pytest.fixture(autouse=True)
def _links_to_the_live_server(settings: Any, live_server: Any) -> None:
    settings.SITE_URL = live_server.url


def test_invited_person_sets_password_enrols_signs_in_and_is_switched_off(
        page: Page, browser: Browser, live_server: Any, browser_cast: Cast,
        axe_check: Check) -> None:
    cast = browser_cast
    admin_app = enrol(cast.org_admin)
    password_step(page, axe_check, cast.org_admin.email, PASSWORD)
    # The admin's password alone opens nothing: the code comes first.
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/code/"))
    page.get_by_label("6-digit code").fill(app_code(admin_app.secret, 1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/work/$"))

    page.goto("/admin/users/invite/")
    axe_check(page)
    page.get_by_label("Full name").fill("Jo Joiner")
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Social worker").check()
    submit(page, axe_check, "Send the invitation", "The invitation is sent")
    person_page = page.url

    message = next(m for m in reversed(mail.outbox) if m.to == [EMAIL])
    found = LINK.search(message.body)
    assert found, message.body

    theirs = browser.new_context(base_url=live_server.url, locale="en-GB",
                                 timezone_id="Europe/London").new_page()
    theirs.goto(found.group(0))
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Set your password")
    theirs.get_by_label("Password", exact=True).fill(NEW_PASSWORD)
    theirs.get_by_label("Enter the password again").fill(NEW_PASSWORD)
    theirs.get_by_role("button", name="Set my password").click()
    expect(theirs).to_have_url(re.compile(r"/accounts/login/$"))

    # First sign-in: the password, then setting up the app before anything else.
    password_step(theirs, axe_check, EMAIL, NEW_PASSWORD)
    expect(theirs).to_have_url(re.compile(r"/accounts/two-factor/set-up/"))
    axe_check(theirs)
    theirs.goto("/work/")
    expect(theirs).to_have_url(re.compile(r"/accounts/two-factor/set-up/"))
    theirs.get_by_text("I cannot scan the QR code").click()
    key = b32decode(theirs.locator("#secret").inner_text().replace(" ", ""))
    theirs.get_by_label("6-digit code").fill(code_from_key(key))
    theirs.get_by_role("button", name="Continue").click()
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    theirs.get_by_role("link", name="I have saved my recovery codes").click()
    expect(theirs).to_have_url(re.compile(r"/work/$"))
    expect(theirs.get_by_role("button", name="Sign out")).to_contain_text("Jo Joiner")
    axe_check(theirs)

    # The admin sees they have set it up, then switches the account off.
    page.goto(person_page)
    expect(page.locator(".govuk-summary-list").first).to_contain_text(
        "Set up with an authenticator app")
    axe_check(page)
    page.get_by_role("link", name="Switch off the account").click()
    submit(page, axe_check, "Switch off the account", "account is switched off")

    theirs.reload()
    expect(theirs).to_have_url(re.compile(r"/accounts/login/"))
    # And their password no longer opens anything.
    password_step(theirs, axe_check, EMAIL, NEW_PASSWORD)
    expect(theirs.locator(".govuk-error-summary")).to_be_visible()
    expect(theirs).to_have_url(re.compile(r"/accounts/login/"))
