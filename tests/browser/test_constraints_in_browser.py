"""A question's constraint (XLSForm `constraint`) is checked in the browser as the form is
sent: the same words as the server's check, in the GOV.UK error pattern, nothing sent until
the answer fits; then the page saves as usual (issue 13)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from playwright.sync_api import Page, Request, expect

from leaver.cases.models import Answer
from leaver.organisations.models import Pathway
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.interview_cast import (
    STAFF_SEED,
    happened,
    make_interview_cast,
    make_staff_case,
)
from leaver.questionnaires import actions
from leaver.questionnaires.seeding import seed
from leaver.questionnaires.tests.test_recording_xlsform_features import EXTRA
from tests.browser.steps import Check, sign_in

pytestmark = pytest.mark.browser


def test_a_constraint_is_checked_before_the_answers_are_sent(
        page: Page, axe_check: Check, transactional_db: None) -> None:
    staff = make_interview_cast()
    base = seed(STAFF_SEED)
    combined = dataclasses.replace(base, sections=(*base.sections, *EXTRA.sections))
    draft = actions.save_draft(actor=None, organisation=staff.org, pathway=Pathway.STAFF,
                               questionnaire=combined)
    actions.publish(actor=None, version=draft)
    case = make_staff_case(staff, State.SCHEDULED)
    happened(case)
    sign_in(page, axe_check, staff.interviewer)
    page.goto(f"/staff/cases/{case.public_id}/record/answers/more/")
    posts: list[Request] = []
    page.on("request", lambda r: posts.append(r) if r.method == "POST" else None)

    page.get_by_label("How many years did you work here?").fill("75")
    page.get_by_label("How many classes?").fill("0")
    page.get_by_role("button", name=re.compile("continue", re.IGNORECASE)).first.click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(
        "The answer to “How many years did you work here?” must be at least 0 and at most 60")
    expect(summary).to_contain_text("Enter at least one class")
    expect(page.locator("#id_classes-error")).to_contain_text("Enter at least one class")
    assert posts == []  # nothing was sent
    axe_check(page)

    page.get_by_label("How many years did you work here?").fill("12")
    page.get_by_label("How many classes?").fill("3")
    page.get_by_role("button", name=re.compile("continue", re.IGNORECASE)).first.click()
    expect(page).not_to_have_url(re.compile(r"/answers/more/$"))
    assert len(posts) == 1
    stored = dict(Answer.objects.filter(interview=case).values_list("item_key", "value"))
    assert (stored["years_here"], stored["classes"]) == ("12", "3")
