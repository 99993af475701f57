"""Issue 14 in the browser: an organisation admin finds a young person and reviews what is
held about them before downloading it; an interviewer asks to amend a locked record, the IRO
agrees, the interviewer amends it and the difference is shown. axe-core checks every page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from leaver.cases.models import RecordVersion
from leaver.pathways.young_person.states import State as S
from leaver.testing import Cast, full_answers, make_case, record_details
from tests.browser.steps import Check, sign_in, sign_out, submit

pytestmark = pytest.mark.browser


def test_an_admin_reviews_and_downloads_what_is_held(page: Page, browser_cast: Cast,
                                                     axe_check: Check) -> None:
    cast = browser_cast
    make_case(cast, S.NOTIFIED, leaver_name="Sam Taylor")
    make_case(cast, S.WITH_IRO, record=record_details(
        answers=full_answers(who_decided="Sam Taylor and I decided together.")))
    sign_in(page, axe_check, cast.org_admin)
    page.get_by_role("link", name="Organisation admin").click()
    page.get_by_role("link", name="Subject access requests").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subject access requests")
    axe_check(page)
    page.get_by_role("button", name="Search").click()  # nothing typed: nothing searched
    page.get_by_label("Name or email address").fill("j")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("main")).to_contain_text("Enter at least 2 characters")
    axe_check(page)
    page.get_by_label("Name or email address").fill("Jordan")
    page.get_by_role("button", name="Search").click()
    axe_check(page)
    page.get_by_role("link", name="Jordan Ellis").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jordan Ellis")
    expect(page.locator("main table")).to_contain_text("Sam Taylor")
    axe_check(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as JSON").click()
    content = json.loads(Path(download.value.path()).read_text())
    assert content["subject"]["name"] == "Jordan Ellis"


def test_an_interviewer_amends_a_locked_record_with_the_iros_agreement(
        page: Page, browser_cast: Cast, axe_check: Check) -> None:
    cast = browser_cast
    case = make_case(cast, S.WITH_IRO)
    record = f"/cases/{case.public_id}/record/"
    sign_in(page, axe_check, cast.interviewer)
    page.goto(record)
    page.get_by_role("link", name="Ask to amend the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask to amend the record")
    axe_check(page)
    page.get_by_role("button", name="Ask to amend").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why the record needs to be amended.")
    axe_check(page)
    page.get_by_label("Why does the record need to be amended?").fill(
        "I wrote down who decided wrongly.")
    submit(page, axe_check, "Ask to amend", "sent for a decision")
    sign_out(page)

    sign_in(page, axe_check, cast.iro)
    page.goto(record)
    axe_check(page)
    page.get_by_role("link", name="Agree or refuse the amendment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Decide on the request to amend the record")
    axe_check(page)
    page.get_by_label("Yes, the interviewer may amend the record").check()
    submit(page, axe_check, "Save the decision", "Your decision is recorded")
    sign_out(page)

    sign_in(page, axe_check, cast.interviewer)
    page.goto(record)
    page.get_by_role("link", name="Amend the record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Amend the record")
    axe_check(page)
    page.locator("a[href*='/record/amend/moving_on/']").first.click()
    axe_check(page)
    page.locator("#id_who_decided").fill("My social worker and me.")
    submit(page, axe_check, "Keep these changes", "Your changes are kept")
    expect(page.locator("main table").first).to_contain_text("My social worker and me.")
    page.get_by_label("Why was the record changed?").fill("Corrected who decided.")
    submit(page, axe_check, "Save the amendment", "saved as a new version")
    page.get_by_role("link", name="See what changed in the last amendment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "What changed from version 1 to version 2")
    expect(page.locator("main table")).to_contain_text("My social worker and me.")
    axe_check(page)
    assert RecordVersion.objects.filter(interview=case).count() == 2
