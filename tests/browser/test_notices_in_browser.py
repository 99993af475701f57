"""The privacy notice, the accessibility statement and an error page in a real browser, with
DEBUG off as in production: reached from the footer, filled in for the organisation, axe-clean."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from leaver.organisations.models import Organisation
from leaver.testing import Cast
from tests.browser.steps import Check, sign_in

pytestmark = pytest.mark.browser


def test_notices_and_the_not_found_page_in_the_browser(page: Page, browser_cast: Cast,
                                                        axe_check: Check) -> None:
    assert not settings.DEBUG  # the service's own error pages, not Django's debug ones
    org = browser_cast.org
    Organisation.objects.filter(pk=org.pk).update(
        address="Civic Centre\nNorthtown NT1 1AA", contact_email="help@northtown.example",
        contact_phone="01632 960 001", data_protection_contact="Data Protection Officer")

    # Signed out: the general versions.
    page.goto("/accounts/login/")
    page.get_by_role("link", name="Privacy notice").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice")
    expect(page.locator("main")).to_contain_text("general version")
    axe_check(page)
    page.get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement for Leaver")
    axe_check(page)

    # Signed in: the organisation's own, from the footer of any page.
    sign_in(page, axe_check, browser_cast.social_worker)
    page.get_by_role("link", name="Privacy notice").click()
    expect(page).to_have_url(re.compile(r"/privacy/$"))
    main = page.locator("main")
    expect(main).to_contain_text(f"{org.name} is the data controller")
    expect(main.get_by_role("link", name="help@northtown.example")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Accessibility statement").click()
    expect(main).to_contain_text(f"which is run by {org.name}")
    axe_check(page)
    # The public address, for young people and staff without an account (settings.SITE_URL
    # names the real site, not this test server: the link's text is checked, then its path).
    public = main.get_by_role("link", name=f"{settings.SITE_URL}/accessibility/{org.slug}/")
    expect(public).to_have_count(1)
    page.goto(f"/accessibility/{org.slug}/")
    expect(main).to_contain_text(f"which is run by {org.name}")
    axe_check(page)

    # A case that does not exist: the service's own 404 page, still signed in.
    page.goto("/cases/00000000-0000-0000-0000-000000000000/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("#incident-reference")).to_have_text(re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}$"))
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    axe_check(page)
