"""An organisation admin runs the organisation settings area in a real browser: places,
confidentiality statements, distribution rules and letter details. Every page reached, and
every page showing an error, passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from leaver.organisations.models import (
    ConfidentialityStatement,
    DistributionRecipient,
    Setting,
    StatementStatus,
)
from leaver.testing import PASSWORD, Cast
from tests.browser.steps import Check, sign_in, submit

pytestmark = pytest.mark.browser


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _open_area(page: Page, axe_check: Check) -> None:
    page.goto("/admin/")
    axe_check(page)
    page.get_by_role("link", name="Organisation settings").click()
    _heading(page, "Organisation settings")
    axe_check(page)


def _places(page: Page, axe_check: Check) -> None:
    page.get_by_role("link", name="Homes, placements and schools").click()
    _heading(page, "Homes, placements and schools")
    axe_check(page)
    page.get_by_role("link", name="Add a place").click()
    _heading(page, "Add a place")
    provider = page.get_by_label("Provider's name")
    expect(provider).to_be_hidden()  # revealed under "External agency placement" only
    axe_check(page)
    page.get_by_role("button", name="Add the place").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("External agency placement").check()
    expect(provider).to_be_visible()
    axe_check(page)
    provider.fill("Horizon Care Group Ltd")
    page.get_by_label("Name", exact=True).fill("Horizon Care")
    submit(page, axe_check, "Add the place", "The place is added.")
    expect(page.get_by_text("Provider: Horizon Care Group Ltd")).to_be_visible()

    page.get_by_role("link", name="Rename Oak House").click()
    _heading(page, "Rename Oak House")
    axe_check(page)
    page.get_by_label("Name", exact=True).fill("Elm House")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is already a place called “Elm House”").first).to_be_visible()
    axe_check(page)
    page.get_by_label("Name", exact=True).fill("Oak House")
    page.get_by_role("button", name="Save").click()

    page.get_by_role("link", name="Close Horizon Care").click()
    _heading(page, "Close Horizon Care")
    axe_check(page)
    submit(page, axe_check, "Close Horizon Care", "Horizon Care is closed.")
    page.get_by_role("link", name="Reopen Horizon Care").click()
    _heading(page, "Reopen Horizon Care")
    axe_check(page)
    submit(page, axe_check, "Reopen Horizon Care", "Horizon Care is open again.")


def _statements(page: Page, axe_check: Check) -> None:
    page.get_by_role("link", name="Back to organisation settings").click()
    page.get_by_role("link", name="Confidentiality statements").click()
    _heading(page, "Confidentiality statements")
    axe_check(page)
    page.get_by_role("link", name=re.compile(r"Write a new version.*Young person")).click()
    _heading(page, "Write a new version")
    axe_check(page)
    page.get_by_label("In English").fill("")
    page.get_by_role("button", name="Save and preview").click()
    expect(page.get_by_text("Enter the statement in English.").first).to_be_visible()
    axe_check(page)
    page.get_by_label("In English").fill("Your IRO reads what you say. Secrets are not "
                                         "promised. You can say no.")
    page.get_by_label("In Welsh (optional)").fill("Bydd dy IRO yn darllen yr hyn a ddywedi.")
    submit(page, axe_check, "Save and preview", "The draft is saved.")
    _heading(page, "Version 2: preview")
    page.get_by_role("link", name="Change the draft").click()
    _heading(page, "Change draft version 2")
    axe_check(page)
    page.get_by_role("button", name="Save and preview").click()
    page.get_by_role("link", name="Publish version 2").click()
    _heading(page, "Publish version 2")
    axe_check(page)
    submit(page, axe_check, "Publish version 2", "Version 2 is published.")
    expect(page.get_by_text("In use", exact=True)).to_be_visible()
    # A draft for the staff pathway, then deleted on its confirmation page.
    page.get_by_role("link", name=re.compile(r"Write a new version.*School staff")).click()
    page.get_by_label("In English").fill("What you say is shared with HR only.")
    page.get_by_role("button", name="Save and preview").click()
    page.get_by_role("link", name="Back to confidentiality statements").click()
    page.get_by_role("link", name="Delete draft version 1").click()
    _heading(page, "Delete draft version 1")
    axe_check(page)
    submit(page, axe_check, "Delete the draft", "The draft version 1 is deleted.")


def _distribution(page: Page, axe_check: Check, cast: Cast) -> None:
    page.get_by_role("link", name="Back to organisation settings").click()
    page.get_by_role("link", name="Who gets a copy of each record").click()
    _heading(page, "Who gets a copy of each record")
    axe_check(page)
    page.get_by_role("link", name=re.compile("Add a rule")).click()
    _heading(page, "Add a rule")
    axe_check(page)
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_text("Choose who should get a copy.").first).to_be_visible()
    axe_check(page)
    page.get_by_label("A named person").check()
    page.get_by_label("Person", exact=True).select_option(label=f"{cast.iro.full_name} "
                                                    "(Independent Reviewing Officer)")
    axe_check(page)
    page.get_by_role("button", name="Continue").click()
    _heading(page, "Check the rule before adding it")
    axe_check(page)
    submit(page, axe_check, "Add the rule", "The rule is added.")
    page.get_by_role("link", name=re.compile(f"Remove {cast.iro.full_name}")).click()
    _heading(page, "Remove this rule")
    axe_check(page)
    submit(page, axe_check, "Remove the rule", "The rule is removed.")


def _letters(page: Page, axe_check: Check) -> None:
    page.get_by_role("link", name="Back to organisation settings").click()
    page.get_by_role("link", name="Letter details").click()
    _heading(page, "Letter details")
    axe_check(page)
    page.get_by_role("link", name="Change your address and contacts").click()
    _heading(page, "Address and contacts")
    axe_check(page)
    page.get_by_label("Email address").fill("not an email")
    page.get_by_label("Postal address").fill("Civic Centre\nNorthton NT1 1AA")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Enter an email address like name@example.com.").first
           ).to_be_visible()
    axe_check(page)
    page.get_by_label("Email address").fill("leaver@north.example")
    submit(page, axe_check, "Save", "The address and contacts are saved.")
    page.get_by_role("link", name="Change who a young person can contact").click()
    _heading(page, "Who a young person can contact")
    axe_check(page)
    page.get_by_label("Children's Commissioner for Wales").check()
    submit(page, axe_check, "Save", "The letter contacts are saved.")
    expect(page.get_by_text("Children's Commissioner for Wales")).to_be_visible()


def test_an_admin_runs_the_organisation_settings(page: Page, browser_cast: Cast,
                                                 axe_check: Check) -> None:
    cast = browser_cast
    sign_in(page, axe_check, cast.org_admin)
    _open_area(page, axe_check)
    _places(page, axe_check)
    _statements(page, axe_check)
    _distribution(page, axe_check, cast)
    _letters(page, axe_check)
    assert Setting.objects.get(organisation=cast.org, name="Horizon Care").is_open
    assert ConfidentialityStatement.objects.filter(
        organisation=cast.org, version=2, status=StatementStatus.PUBLISHED).exists()
    assert not DistributionRecipient.objects.filter(user=cast.iro).exists()


def test_a_placement_is_added_without_javascript(browser: Browser, live_server: Any,
                                                 browser_cast: Cast) -> None:
    """Without JavaScript the provider's box shows under its choice, and is kept."""
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False,
                                  locale="en-GB")
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(browser_cast.org_admin.email)
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.goto("/admin/organisation/places/add/")
        page.get_by_label("External agency placement").check()
        page.get_by_label("Provider's name").fill("Bright Futures Ltd")
        page.get_by_label("Name", exact=True).fill("Bright Futures")
        page.get_by_role("button", name="Add the place").click()
        expect(page.get_by_role("alert")).to_contain_text("The place is added.")
    finally:
        context.close()
    placement = Setting.objects.get(organisation=browser_cast.org, name="Bright Futures")
    assert placement.provider_name == "Bright Futures Ltd"
