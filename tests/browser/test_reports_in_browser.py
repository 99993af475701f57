"""The reports in Chromium: staff turnover reached from the menu by an HR lead, on a desk
and on a 360-pixel phone (its wide table scrolls inside its own region); the annual
monitoring report read, then built by the worker and its PDF, XLSX and CSV downloaded;
every page axe-clean."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.cases.models import Answer
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.testing import PASSWORD
from tests.browser.conftest import fits_the_screen
from tests.browser.steps import Check, sign_in

pytestmark = pytest.mark.browser


STAY = ["More time to plan lessons", "Time to plan and less marking", "Less marking",
        "More time for planning", "Time with my family and less marking"]


def _leavers() -> object:
    staff = make_staff_cast("north")
    for i, reason in enumerate(["workload"] * 6 + ["pay"] * 2 + ["relocation"] * 7):
        make_staff_case(staff, State.RECORDED, name=f"Leaver {i}", email=f"l{i}@x.example",
                        reason_code=reason, leaving_date=timezone.localdate())
    # Five interviewed, named: what would have made them stay has a theme, with quotes.
    for i, said in enumerate(STAY):
        case = make_staff_case(staff, State.CONFIRMED, name=f"Stayer {i}",
                               email=f"s{i}@x.example", reason_code="workload",
                               leaving_date=timezone.localdate())
        assert case.questionnaire_version is not None
        Answer.objects.create(interview=case, version=case.questionnaire_version,
                              item_key="would_have_stayed", value=said)
    return staff


@pytest.mark.parametrize("screen", ["page", "phone"])
def test_the_hr_lead_reads_staff_turnover(request, screen: str, axe_check: Check,
                                          transactional_db: None) -> None:
    page: Page = request.getfixturevalue(screen)
    staff = _leavers()
    if screen == "phone":
        # The menu is folded behind its button on a phone (steps.sign_in looks for the
        # "Sign out" button in the open menu).
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(staff.hr_lead.email)  # type: ignore[attr-defined]
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page).to_have_url(re.compile(r"/work/$"))
        page.get_by_role("button", name="Menu").click()
    else:
        sign_in(page, axe_check, staff.hr_lead)  # type: ignore[attr-defined]
    page.get_by_role("link", name="Staff turnover").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff turnover")
    table = page.get_by_role("table", name="Leavers by main reason for leaving and school")
    expect(table).to_contain_text("fewer than 5")
    # 20 leavers; pay's 2 is withheld, and so one more of the school's reasons.
    expect(table.get_by_role("row", name="All reasons")).to_contain_text("20")
    expect(page.get_by_role("heading", name="What would have made them stay")).to_be_visible()
    expect(page.locator("blockquote").first).to_contain_text("marking")
    axe_check(page)
    if screen == "phone":
        fits_the_screen(page)


def test_the_iro_reads_the_annual_monitoring_report(page: Page, axe_check: Check,
                                                    transactional_db: None) -> None:
    from leaver.pathways.young_person.states import State as YoungPersonState
    from leaver.testing import make_case, make_cast

    cast = make_cast()
    for i in range(5):
        make_case(cast, YoungPersonState.DECLINED, leaver_name=f"Declined {i}")
    make_case(cast, YoungPersonState.WITH_IRO)
    sign_in(page, axe_check, cast.iro)
    page.get_by_role("link", name="Annual report").click()
    # It opens on the last full financial year; this year's moves are a year on.
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual monitoring report")
    axe_check(page)
    page.get_by_role("link", name="Next year").click()
    table = page.get_by_role("table", name="Moves notified by home or placement and what "
                                           "happened")
    expect(table.get_by_role("row", name="All homes and placements")).to_contain_text("6")
    expect(table).to_contain_text("fewer than 5")
    axe_check(page)


def test_the_iro_builds_the_annual_report_and_downloads_its_files(
        page: Page, axe_check: Check, transactional_db: None) -> None:
    import io

    import openpyxl
    from pypdf import PdfReader

    from leaver.pathways.young_person.states import State as YoungPersonState
    from leaver.testing import make_case, make_cast

    cast = make_cast()
    for i in range(6):
        make_case(cast, YoungPersonState.DECLINED, leaver_name=f"Declined {i}")
    make_case(cast, YoungPersonState.WITHDRAWN, leaver_name="Withdrew")
    sign_in(page, axe_check, cast.iro)
    page.get_by_role("link", name="Annual report").click()
    page.get_by_role("link", name="Next year").click()
    page.get_by_role("button", name="Build the report (PDF, XLSX, CSV)").click()
    # The worker builds it (at once in tests); the progress page then shows it ready. Were
    # it still building, the page would refresh itself every few seconds.
    expect(page.locator("#report-status")).to_contain_text("Ready", timeout=60_000)
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual monitoring report")
    expect(page.get_by_text("For the Joint Senior Managers")).to_be_visible()
    chart = page.get_by_role("img", name=re.compile("Bar chart: Moves notified by home"))
    expect(chart).to_be_visible()
    assert chart.evaluate("image => image.naturalWidth") > 0  # the SVG loaded
    table = page.get_by_role("table", name="Moves notified by home or placement and what "
                                           "happened")
    expect(table).to_contain_text("fewer than 5")
    axe_check(page)

    files = {}
    for link in ("Download the report (PDF)", "Download every table (XLSX)",
                 "Download every table (CSV)"):
        with page.expect_download() as download_info:
            page.get_by_role("link", name=link).click()
        download = download_info.value
        path = download.path()
        assert path is not None
        files[download.suggested_filename.rsplit(".", 1)[1]] = path.read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(files["pdf"])).pages)
    assert "For the Joint Senior Managers" in text
    assert "fewer than 5" in text
    book = openpyxl.load_workbook(io.BytesIO(files["xlsx"]))
    assert len(book.sheetnames) > 3
    assert "fewer than 5" in files["csv"].decode("utf-8-sig")

    page.get_by_role("link", name="All stored reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stored reports")
    expect(page.get_by_role("table", name="Reports built")).to_contain_text(cast.iro.full_name)
    axe_check(page)


def test_a_year_too_large_to_work_out_while_waiting_offers_a_build(
        page: Page, axe_check: Check, transactional_db: None,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the live limit (5,000 moves; 3 here) the page is not worked out: it says why and
    offers to build the report, and is axe-clean."""
    from leaver.pathways.young_person.states import State as YoungPersonState
    from leaver.reports import views
    from leaver.testing import make_case, make_cast

    monkeypatch.setattr(views, "LIVE_LIMIT", 3)
    cast = make_cast()
    for i in range(4):
        make_case(cast, YoungPersonState.DECLINED, leaver_name=f"Declined {i}")
    sign_in(page, axe_check, cast.iro)
    page.get_by_role("link", name="Annual report").click()
    page.get_by_role("link", name="Next year").click()
    expect(page.get_by_text("4 moves were notified in this year")).to_be_visible()
    expect(page.get_by_text("No report has been built for this year yet")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Build the report"))).to_be_visible()
    axe_check(page)
