"""An organisation admin runs retention in a real browser: the schedule (with an error shown
and corrected), the cases due for erasure, a legal hold, and erasure on request through its
warning page. Every page reached, and every page showing an error, passes axe-core."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.core.dates import years_before
from leaver.pathways.young_person.models import YoungPerson
from leaver.retention.models import Erasure
from leaver.retention.tests.conftest import NAME, full_case
from leaver.testing import Cast
from tests.browser.steps import Check, sign_in, submit

pytestmark = pytest.mark.browser


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_an_admin_sets_retention_holds_and_erases_a_case(page: Page, browser_cast: Cast,
                                                          axe_check: Check) -> None:
    cast = browser_cast
    case = full_case(cast)
    YoungPerson.objects.filter(interview=case).update(date_of_birth=years_before(
        timezone.localdate() + dt.timedelta(days=10), 75))
    sign_in(page, axe_check, cast.org_admin)
    page.goto("/admin/organisation/")
    axe_check(page)
    page.get_by_role("link", name="Keeping and erasing records").click()
    _heading(page, "Keeping and erasing records")
    axe_check(page)

    page.get_by_role("link", name="Change retention for young people leaving a placement").click()
    axe_check(page)
    page.get_by_label("For a shorter period the organisation chooses").check()
    page.get_by_label("Years to keep them, if shorter than the care record").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("As part of the care record").check()
    submit(page, axe_check, "Save", "The retention schedule is saved.")

    page.get_by_role("link", name="See the cases due for erasure in the next 30 days").click()
    _heading(page, "Cases due for erasure")
    axe_check(page)
    page.get_by_role("link", name=NAME).click()
    _heading(page, NAME)
    axe_check(page)

    page.get_by_role("link", name="Place a legal hold").click()
    _heading(page, "Place a legal hold")
    axe_check(page)
    page.get_by_label("Why must the case be kept?").fill("A claim about the placement.")
    submit(page, axe_check, "Place the hold", "The legal hold is in place")
    page.get_by_role("link", name="Lift the legal hold").click()
    axe_check(page)
    page.get_by_label("Why is the hold no longer needed?").fill("The claim was settled.")
    submit(page, axe_check, "Lift the hold", "The legal hold is lifted.")

    page.get_by_role("link", name="Record the date of death").click()
    _heading(page, "Record the date of death")
    axe_check(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Back to the case").click()
    _heading(page, NAME)

    page.get_by_role("link", name="Erase this case on request").click()
    _heading(page, "Erase this case")
    axe_check(page)
    page.get_by_role("button", name="Erase the case").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    axe_check(page)
    page.get_by_label("Why is the case being erased?").fill("They asked, and the law allows.")
    page.get_by_label("I understand that what is erased cannot be got back").check()
    submit(page, axe_check, "Erase the case", "The case is erased.")
    assert Erasure.objects.filter(interview=case).exists()
