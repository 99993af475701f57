"""Deadlines in a real browser: the admin changes the organisation's deadlines (a mistake
first); the social worker sees a late consent decision in red on "Your work" and records a
referral the young person asked for; the CSM filters the case list to the overdue. Every page
reached, and every page showing an error, passes axe-core (WCAG 2.2 AA)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.core.working_days import is_working_day
from leaver.organisations.queries import deadlines_of
from leaver.pathways.staff.states import State as StaffState
from leaver.pathways.staff.tests.cast import make_staff_case, make_staff_cast
from leaver.pathways.young_person.models import Referral
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, happened_on, make_case, record_details
from tests.browser.steps import Check, fill_date, sign_in, sign_out, submit

pytestmark = pytest.mark.browser


def _working_days_ago(count: int) -> dt.date:
    day = timezone.localdate()
    while count:
        day -= dt.timedelta(days=1)
        count -= is_working_day(day, "england")
    return day


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_deadlines_settings_and_late_work(page: Page, axe_check: Check, browser_cast: Cast):
    cast = browser_cast
    happened_on(make_case(cast, State.NOTIFIED, leaver_name="Ava Late"), _working_days_ago(8))
    make_case(cast, State.NOTIFIED, leaver_name="Ben New")
    asked = make_case(cast, State.WITH_IRO, leaver_name="Cal Asked", record=record_details(
        advocacy_referral_wanted=True))

    # --- The admin changes the deadlines; a mistake is shown with what was typed. ----------
    sign_in(page, axe_check, cast.org_admin)
    page.goto("/admin/organisation/")
    axe_check(page)
    page.get_by_role("link", name="Deadlines").click()
    _heading(page, "Deadlines")
    expect(page.locator("main")).to_contain_text("20 working days")
    axe_check(page)
    page.get_by_role("link", name="Change deadlines and bank holidays").click()
    _heading(page, "Change deadlines")
    axe_check(page)
    page.get_by_label("Consent decision").fill("0")
    page.get_by_label("IRO's review").fill("ten")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("“Consent decision” must be at least 1 working day.")
    expect(summary).to_contain_text("“IRO's review” must be a whole number of working days")
    expect(page.get_by_label("IRO's review")).to_have_value("ten")
    axe_check(page)
    page.get_by_label("Consent decision").fill("4")
    page.get_by_label("IRO's review").fill("10")
    page.get_by_label("Wales").check()
    submit(page, axe_check, "Save", "The deadlines are saved.")
    expect(page.locator("main")).to_contain_text("4 working days")
    expect(page.locator("main")).to_contain_text("Wales")
    assert deadlines_of(cast.org.pk).consent_days == 4
    sign_out(page)

    # --- The social worker sees the late consent decision first, in red. -------------------
    sign_in(page, axe_check, cast.social_worker)  # lands on Your work, checked
    consent = page.locator(".govuk-task-list").first
    expect(consent.locator(".govuk-task-list__item").first).to_contain_text("Ava Late")
    expect(consent.locator(".govuk-task-list__item").first.locator(".govuk-tag--red")
           ).to_have_text("Overdue")
    expect(consent).to_contain_text("waiting 8 working days")
    # The referral the young person asked for.
    page.get_by_role("link", name=re.compile("Refer the young person to the advocacy")).click()
    _heading(page, "Refer the young person to the advocacy service")
    axe_check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Choose whether you have made the referral.")
    axe_check(page)
    page.get_by_label("Yes, I have made it").check()
    fill_date(page, "Date you made it", timezone.localdate())
    page.get_by_label("Reference (optional)").fill("ADV-12")
    submit(page, axe_check, "Save", "The referral is recorded.")
    assert Referral.objects.get(interview=asked).reference == "ADV-12"
    sign_out(page)

    # --- The CSM filters the case list to the overdue. -------------------------------------
    sign_in(page, axe_check, cast.csm)
    page.get_by_role("link", name="Cases", exact=True).click()
    # Open cases by stage (the CSM's dashboard), then the cases, newest first.
    expect(page.locator("table").first).to_contain_text("Open cases by stage")
    rows = page.locator("table").last.locator("tbody tr")
    late_row = rows.filter(has_text="Ava Late")
    expect(late_row.locator(".govuk-tag--red")).to_have_text("Overdue")
    axe_check(page)
    page.get_by_label(re.compile("Only cases with something overdue")).check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"/cases/\?.*overdue=yes"))
    expect(rows).to_have_count(1)
    expect(page.locator("table").last).not_to_contain_text("Ben New")
    axe_check(page)


def test_dashboards_of_work_and_staff_leavers(page: Page, axe_check: Check,
                                              transactional_db: None):
    """Your work shows the five oldest of a group and links to all of them; the HR lead's
    staff leavers page has the open cases by stage and filters by state and name."""
    staff = make_staff_cast("north")
    cast = staff.yp
    for waited in range(7):
        happened_on(make_case(cast, State.NOTIFIED, leaver_name=f"Person {waited} Waited"),
                    _working_days_ago(waited))
    sign_in(page, axe_check, cast.social_worker)  # lands on Your work, checked
    consent = page.locator(".govuk-task-list").first
    expect(consent.locator(".govuk-task-list__item")).to_have_count(5)
    expect(consent.locator(".govuk-task-list__item").first).to_contain_text("Person 6 Waited")
    page.get_by_role("link", name=re.compile("View all 7")).click()
    expect(page).to_have_url(re.compile(r"/cases/\?waiting=consent_given$"))
    expect(page.locator("table").last.locator("tbody tr")).to_have_count(7)
    axe_check(page)
    sign_out(page)

    for n, state in enumerate((StaffState.RECORDED, StaffState.OFFERED, StaffState.OFFERED)):
        make_staff_case(staff, state, name=f"Staff Leaver {n}", email=f"s{n}@school.example")
    sign_in(page, axe_check, staff.hr_lead)
    page.get_by_role("link", name="Staff leavers").click()
    stages = page.locator("table").first
    expect(stages).to_contain_text("Open cases by stage")
    expect(stages.get_by_role("row", name=re.compile("Offer sent"))).to_contain_text("2")
    axe_check(page)
    page.get_by_label("State").select_option(label="Offer sent")
    page.get_by_label("Leaver's name").fill("leaver 2")
    page.get_by_role("button", name="Apply filters").click()
    rows = page.locator("table").last.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Staff Leaver 2")
    axe_check(page)
