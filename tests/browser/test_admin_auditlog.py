"""An organisation admin reads the audit log in the browser: filters, an error, an empty
result, the next page and the export; every page passes axe-core."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from playwright.sync_api import Page, expect

from leaver.audit import log
from leaver.audit.events import AccountEvent
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, make_case
from tests.browser.steps import Check, fill_date, sign_in

pytestmark = pytest.mark.browser


def test_an_admin_filters_pages_and_exports_the_audit_log(
        page: Page, browser_cast: Cast, axe_check: Check) -> None:
    cast = browser_cast
    make_case(cast, State.CONSENTED)
    make_case(cast, State.NOTIFIED, leaver_name="Alex Brown")
    for _ in range(60):  # enough for a second page
        log.record(actor=cast.csm, action=AccountEvent.SIGNED_IN, object_type="user",
                   object_id=cast.csm.public_id, organisation_id=cast.org.pk)
    sign_in(page, axe_check, cast.org_admin)
    page.get_by_role("link", name="Organisation admin").click()
    page.get_by_role("link", name="Audit log").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
    axe_check(page)

    # The next page keeps the place in the log.
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(page.get_by_text(re.compile(r"Showing 51 to \d+ of \d+ entries"))).to_be_visible()
    axe_check(page)

    # One young person's case, and only what happened to it.
    page.get_by_label("Young person").fill("Jordan")
    page.get_by_label("What happened").select_option(
        label="Consent recorded: the young person agreed")
    page.get_by_role("button", name="Show entries").click()
    rows = page.locator("main table tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Jordan Ellis")
    expect(rows.first).to_contain_text(cast.social_worker.full_name)
    axe_check(page)

    # The export carries the same filters.
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile("Download this entry")).click()
    assert re.fullmatch(r"audit-log-north-\d{4}-\d{2}-\d{2}\.csv",
                        download.value.suggested_filename)
    path = download.value.path()
    text = path.read_text(encoding="utf-8-sig")
    exported = list(csv.DictReader(io.StringIO(text)))
    assert [row["Young person"] for row in exported] == ["Jordan Ellis"]

    # A date that does not exist: an error, what was typed shown again, nothing listed.
    page.get_by_role("link", name="Clear the filters").click()
    group = page.get_by_role("group", name="From")
    group.get_by_label("Day").fill("31")
    group.get_by_label("Month").fill("2")
    group.get_by_label("Year").fill("2026")
    page.get_by_role("button", name="Show entries").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "The start date must be a real date")
    expect(group.get_by_label("Day")).to_have_value("31")
    expect(page.locator("main table")).to_have_count(0)
    axe_check(page)
    page.get_by_role("link", name="The start date must be a real date").click()
    expect(group.get_by_label("Day")).to_be_focused()

    # Nothing in a window: said plainly.
    page.get_by_role("link", name="Clear the filters").click()
    page.get_by_label("Done by").select_option(label=f"{cast.iro.full_name} ({cast.iro.email})")
    fill_date(page, "From", dt.date(2020, 1, 6))
    fill_date(page, "To", dt.date(2020, 1, 10))
    page.get_by_role("button", name="Show entries").click()
    expect(page.get_by_text("No entries match these filters")).to_be_visible()
    axe_check(page)
