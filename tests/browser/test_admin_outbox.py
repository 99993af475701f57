"""An organisation admin finds an email that keeps failing and tries it again now; a person
chooses one summary email a day on "Your account". axe-core checks every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from leaver.notifications.email import notify
from leaver.notifications.models import Message, Status
from leaver.testing import Cast
from tests.browser.steps import Check, sign_in, sign_out, submit

pytestmark = pytest.mark.browser


def test_an_admin_tries_a_failing_email_again(page: Page, browser_cast: Cast,
                                              axe_check: Check) -> None:
    cast = browser_cast
    notify([cast.csm], subject="A young person is moving: an exit interview to arrange",
           path="/work/")
    Message.objects.filter(to=cast.csm.email).update(
        status=Status.QUEUED, attempts=4, last_error="ConnectionRefusedError",
        next_attempt_at=timezone.now() + dt.timedelta(minutes=8))
    sign_in(page, axe_check, cast.org_admin)
    page.get_by_role("link", name="Organisation admin").click()
    axe_check(page)
    page.get_by_role("link", name="Emails not sent").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Emails not sent")
    row = page.locator("main table tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(cast.csm.email)
    expect(row).to_contain_text("The mail server refused the connection")
    axe_check(page)

    mail.outbox.clear()
    submit(page, axe_check, "Try again now", "is sending the email to")
    expect(page.get_by_text("Every email has been sent, or is being sent now.")).to_be_visible()
    assert [m.to for m in mail.outbox] == [[cast.csm.email]]


def test_someone_chooses_a_daily_summary(page: Page, browser_cast: Cast,
                                         axe_check: Check) -> None:
    cast = browser_cast
    sign_in(page, axe_check, cast.csm)
    page.get_by_role("link", name="Your account").click()
    axe_check(page)
    page.get_by_role("link", name="Change how you get emails").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How you get emails")
    axe_check(page)
    expect(page.get_by_label("Each email as it happens")).to_be_checked()
    page.get_by_label("One summary email a day, in the morning").check()
    submit(page, axe_check, "Save", "Your choice is saved")
    expect(page.locator("main")).to_contain_text("One summary a day, in the morning")
    cast.csm.refresh_from_db()
    assert cast.csm.email_digest is True
    sign_out(page)
