"""Two-factor sign-in and the password pages in a real browser, each page checked by axe-core:
a person signs in, sets up an authenticator app (the test plays the app: it reads the key shown
for typing and works out the code with django_otp.oath.TOTP), saves the recovery codes, signs
out, signs in with a code, then with a recovery code; then forgets their password."""

from __future__ import annotations

import re
import time
from base64 import b32decode
from typing import Any

import pytest
from django.core import mail
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

from leaver.testing import PASSWORD, Cast
from tests.browser.steps import Check, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("two_factor_required")]
NEW_PASSWORD = "green kettle seven ribbons"


def app_code(key: bytes, steps_ahead: int = 0) -> str:
    totp = TOTP(key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def heading(page: Page) -> str:
    return page.get_by_role("heading", level=1).inner_text()


def password_step(page: Page, axe_check: Check, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    axe_check(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_set_up_then_sign_in_with_a_code_and_with_a_recovery_code(
        page: Page, axe_check: Check, browser_cast: Cast, visits: Any) -> None:
    person = browser_cast.iro
    password_step(page, axe_check, person.email)
    # Straight from the password to setting up the app; nothing else is offered but signing out.
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/\?next=%2Fwork%2F$"))
    expect(page.get_by_role("link", name="Your work")).to_have_count(0)
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    axe_check(page)
    page.get_by_text("I cannot scan the QR code").click()
    key = b32decode(page.locator("#secret").inner_text().replace(" ", ""))
    # A wrong code first: the error is shown and the page stays accessible.
    right = app_code(key)
    page.get_by_label("6-digit code").fill("000000" if right != "000000" else "111111")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The code is not right")
    axe_check(page)
    page.get_by_label("6-digit code").fill(app_code(key))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    axe_check(page)
    codes = [c.replace(" ", "") for c in page.locator(".leaver-recovery-codes code")
             .all_inner_texts()]
    assert len(codes) == 10
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(page).to_have_url(re.compile(r"/work/$"))
    axe_check(page)

    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.locator(".govuk-summary-list")).to_contain_text(
        "On: a code from your authenticator app")
    axe_check(page)
    page.get_by_role("link", name="Make new codes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")
    expect(page.locator("main")).to_contain_text("You have 10 unused recovery codes")
    axe_check(page)

    # Again, with the code the app shows (the next step's: the set-up used this one).
    sign_out(page)
    password_step(page, axe_check, person.email)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/code/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Enter the 6-digit code from your authenticator app")
    axe_check(page)
    page.get_by_label("6-digit code").fill(app_code(key, 1))
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/work/$"))

    # And without the phone, with a recovery code.
    sign_out(page)
    password_step(page, axe_check, person.email)
    page.get_by_role("link", name="I do not have my phone: use a recovery code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter a recovery code")
    axe_check(page)
    page.get_by_label("Recovery code").fill(codes[0].upper())
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(re.compile(r"/work/$"))
    expect(page.locator(".govuk-notification-banner")).to_contain_text(
        "You have 9 recovery codes left")
    axe_check(page)
    assert not visits.unchecked(), visits.unchecked()


def test_forgotten_and_changed_passwords(page: Page, axe_check: Check, browser_cast: Cast,
                                         visits: Any) -> None:
    person = browser_cast.csm
    page.goto("/accounts/login/")
    axe_check(page)
    page.get_by_role("link", name="Forgotten your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    axe_check(page)
    page.get_by_label("Email address").fill("not an address")
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("correct format")
    axe_check(page)
    page.get_by_label("Email address").fill(person.email.upper())
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(page)

    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/\S+)", mail.outbox[-1].body)
    assert link
    page.goto(link.group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    axe_check(page)
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Type the new password again").fill("short")
    page.get_by_role("button", name="Save the new password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("at least 12 characters")
    axe_check(page)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Type the new password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save the new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been reset")
    axe_check(page)
    # The link works once.
    page.goto(link.group(1))
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    axe_check(page)

    # Not signed in by the reset: the password, then setting up the second factor.
    password_step(page, axe_check, person.email, NEW_PASSWORD)
    expect(page).to_have_url(re.compile(r"/accounts/two-factor/set-up/"))
    axe_check(page)
    page.get_by_text("I cannot scan the QR code").click()
    key = b32decode(page.locator("#secret").inner_text().replace(" ", ""))
    page.get_by_label("6-digit code").fill(app_code(key))
    page.get_by_role("button", name="Continue").click()
    axe_check(page)
    page.get_by_role("link", name="I have saved my recovery codes").click()
    expect(page).to_have_url(re.compile(r"/work/$"))
    axe_check(page)

    page.get_by_role("link", name="Your account").click()
    axe_check(page)
    page.get_by_role("link", name="Change your password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change your password")
    axe_check(page)
    page.get_by_label("Current password").fill("wrong password here")
    page.get_by_label("New password", exact=True).fill(PASSWORD + "-again-and-again")
    page.get_by_label("Type the new password again").fill(PASSWORD + "-again-and-again")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Your current password is not right")
    axe_check(page)
    page.get_by_label("Current password").fill(NEW_PASSWORD)
    page.get_by_label("New password", exact=True).fill(PASSWORD + "-again-and-again")
    page.get_by_label("Type the new password again").fill(PASSWORD + "-again-and-again")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("alert")).to_contain_text("Your password has been changed")
    axe_check(page)
    assert not visits.unchecked(), visits.unchecked()
