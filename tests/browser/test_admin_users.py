"""An organisation admin invites someone, who sets a password from the emailed link and signs
in; the admin then switches the account off and the person's open page is signed out on its
next load. axe-core checks every users page on the way."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from leaver.accounts.models import User
from leaver.administration.users.models import Invitation
from leaver.testing import Cast
from tests.browser.steps import Check, sign_in, submit

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://\S+/invitation/[A-Za-z0-9_-]+/")
PASSWORD = "Kettle-Harbour-Violet-42"
PERSON_URL = re.compile(r"/admin/users/[0-9a-f-]{36}/$")


def _link(to: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [to])
    found = LINK.search(message.body)
    assert found, message.body
    return found.group(0)


def _open_person(page: Page, axe_check: Check, name: str) -> None:
    page.goto("/admin/users/")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page).to_have_url(PERSON_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    axe_check(page)


@pytest.fixture(autouse=True)
def _links_to_the_live_server(settings: Any, live_server: Any) -> None:
    settings.SITE_URL = live_server.url


def test_invite_set_password_sign_in_and_switch_off(
        page: Page, browser: Browser, live_server: Any, browser_cast: Cast,
        axe_check: Check) -> None:
    cast = browser_cast
    sign_in(page, axe_check, cast.org_admin)
    page.get_by_role("link", name="Organisation admin").click()
    page.get_by_role("link", name="Users").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Users")
    axe_check(page)

    # --- Invite: first with nothing filled in, then properly. -----------------------------
    page.get_by_role("link", name="Invite someone").click()
    axe_check(page)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose at least one role.")
    axe_check(page)
    page.get_by_label("Full name").fill("Nia Newcomer")
    page.get_by_label("Email address").fill("nia.newcomer@north.example")
    page.get_by_label("Unit Manager").check()
    page.get_by_label("Oak House").check()
    submit(page, axe_check, "Send the invitation", "The invitation is sent")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nia Newcomer")
    expect(page.locator("main .govuk-tag").first).to_have_text("Invited")

    # --- The pages of an invited person's account. -----------------------------------------
    page.get_by_role("link", name="Change email address").click()
    axe_check(page)
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Change name").click()
    axe_check(page)
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("link", name="Give a role").click()
    axe_check(page)
    page.get_by_label("Interviewer", exact=True).check()
    page.get_by_label("This interviewer is independent").check()
    submit(page, axe_check, "Give the role", "The role is given")
    page.get_by_role("link", name="Remove the role Independent interviewer").click()
    axe_check(page)
    submit(page, axe_check, "Remove the role", "is removed")

    # --- They open the link in their own browser and set a password. -----------------------
    theirs = browser.new_context(base_url=live_server.url, locale="en-GB",
                                 timezone_id="Europe/London").new_page()
    theirs.goto(_link("nia.newcomer@north.example"))
    expect(theirs).to_have_url(re.compile(r"/invitation/set-password/$"))
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Set your password")
    expect(theirs.locator("main")).to_contain_text("nia.newcomer@north.example")
    axe_check(theirs)
    theirs.get_by_label("Password", exact=True).fill(PASSWORD)
    theirs.get_by_label("Enter the password again").fill(PASSWORD + "x")
    theirs.get_by_role("button", name="Set my password").click()
    expect(theirs.locator(".govuk-error-summary")).to_contain_text("The passwords do not match")
    axe_check(theirs)
    theirs.get_by_label("Password", exact=True).fill(PASSWORD)
    theirs.get_by_label("Enter the password again").fill(PASSWORD)
    theirs.get_by_role("button", name="Set my password").click()
    expect(theirs).to_have_url(re.compile(r"/accounts/login/$"))
    expect(theirs.get_by_role("alert")).to_contain_text("Your password is set")
    axe_check(theirs)
    theirs.get_by_label("Email address").fill("nia.newcomer@north.example")
    theirs.get_by_label("Password").fill(PASSWORD)
    theirs.get_by_role("button", name="Sign in").click()
    expect(theirs).to_have_url(re.compile(r"/work/$"))
    expect(theirs.get_by_role("button", name="Sign out")).to_contain_text("Nia Newcomer")

    # --- The admin switches the account off; their open page is signed out on reload. -----
    _open_person(page, axe_check, "Nia Newcomer")
    expect(page.locator("main .govuk-tag").first).to_have_text("Active")
    page.get_by_role("link", name="Switch off the account").click()
    axe_check(page)
    submit(page, axe_check, "Switch off the account", "account is switched off")
    assert not User.objects.get(email="nia.newcomer@north.example").is_active
    theirs.reload()
    expect(theirs).to_have_url(re.compile(r"/accounts/login/"))
    expect(theirs.get_by_role("button", name="Sign out")).to_have_count(0)
    page.get_by_role("link", name="Switch the account on").click()
    axe_check(page)
    submit(page, axe_check, "Switch the account on", "account is on again")
    theirs.context.close()


def test_cancelled_and_unknown_links(page: Page, browser_cast: Cast, axe_check: Check) -> None:
    cast = browser_cast
    sign_in(page, axe_check, cast.org_admin)
    page.goto("/admin/users/invite/")
    page.get_by_label("Full name").fill("Cal Cancelled")
    page.get_by_label("Email address").fill("cal@north.example")
    page.get_by_label("Senior manager").check()
    submit(page, axe_check, "Send the invitation", "The invitation is sent")
    link = _link("cal@north.example")
    page.get_by_role("link", name="Cancel the invitation").click()
    axe_check(page)
    submit(page, axe_check, "Cancel the invitation", "The invitation is cancelled")
    assert Invitation.objects.get(user__email="cal@north.example").closed_at is not None
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This invitation has been cancelled")
    expect(page.locator("main")).to_contain_text(cast.org_admin.full_name)
    axe_check(page)
    page.goto("/invitation/not-a-real-token/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link is not valid")
    axe_check(page)
