"""The staff case page leads the school's leads to the action plan (leaver.reviews) and
lists its actions; the interviewer, who does not read the action plan, sees neither."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import make_staff_case
from leaver.reviews import actions as ra


def page(client, user, case) -> str:
    client.force_login(user)
    response = client.get(reverse("staff:case", args=[case.public_id]))
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_leads_are_sent_to_agree_the_action_plan(client, staff):
    case = make_staff_case(staff, State.CONFIRMED)
    review = reverse("reviews:review", args=[case.public_id])
    for lead in (staff.hr_lead, staff.headteacher):
        html = page(client, lead, case)
        assert "Agree the action plan" in html
        assert f'href="{review}"' in html
        assert "No actions agreed yet." in html


def test_the_actions_are_listed_with_owner_and_due_date(client, staff):
    case = make_staff_case(staff, State.CONFIRMED)
    rec = ra.add_recommendation(
        actor=staff.hr_lead, interview=case, text="Review the workload of the science team.",
        owner=staff.headteacher, due_date=timezone.localdate() + dt.timedelta(days=20),
        share_record=False)
    html = page(client, staff.hr_lead, case)
    assert "Review the workload of the science team." in html
    assert reverse("reviews:recommendation", args=[rec.public_id]) in html
    assert staff.headteacher.full_name in html
    assert "Add an action" in html
    assert "No actions agreed yet." not in html


def test_the_interviewer_sees_no_action_plan(client, staff):
    case = make_staff_case(staff, State.CONFIRMED)
    ra.add_recommendation(
        actor=staff.hr_lead, interview=case, text="Review the workload of the science team.",
        owner=staff.headteacher, due_date=timezone.localdate() + dt.timedelta(days=20),
        share_record=False)
    html = page(client, staff.interviewer, case)
    assert "Action plan" not in html
    assert "Review the workload" not in html
    assert reverse("reviews:review", args=[case.public_id]) not in html


def test_no_action_needed_is_shown_with_its_reason(client, staff):
    case = make_staff_case(staff, State.CONFIRMED)
    ra.record_no_action(actor=staff.hr_lead, interview=case,
                        reason="The leaver is retiring; nothing for the school to change.")
    html = page(client, staff.hr_lead, case)
    assert "No action needed" in html
    assert "nothing for the school to change." in html
