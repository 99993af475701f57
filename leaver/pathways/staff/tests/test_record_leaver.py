"""Recording a leaver (the headteacher or an HR lead): the case starts "offer not sent" with
the published staff questionnaire; bad input says what is wrong and writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from leaver.audit.models import AuditEvent
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Pathway
from leaver.pathways.staff import actions_leavers
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import leaver_details, make_staff_case
from leaver.testing import date_parts


def form_post(staff, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "leaver_name": "Morgan Price", "email": "morgan.price@home.example",
        "job_role": "Teaching assistant", "department": "Key stage 1",
        "line_manager": str(staff.line_manager.pk), "line_manager_name": "",
        "school": str(staff.school.pk), "reason_code": "workload", "language": "en",
        **date_parts("start_date", dt.date(2019, 9, 1)),
        **date_parts("leaving_date", dt.date(2027, 7, 31)),
    }
    data.update(overrides)
    return data


def written() -> tuple[int, int, int]:
    return (Interview.objects.filter(pathway=Pathway.STAFF).count(),
            StaffLeaver.objects.count(),
            AuditEvent.objects.filter(action=StaffEvent.LEAVER_RECORDED).count())


@pytest.mark.parametrize("who", ["headteacher", "hr_lead"])
def test_a_lead_records_a_leaver_through_the_page(client, staff, who):
    client.force_login(getattr(staff, who))
    response = client.post(reverse("staff:new"), form_post(staff))
    case = Interview.objects.get(pathway=Pathway.STAFF)
    assert response.status_code == 302
    assert response.url == reverse("staff:case",
                                                                    args=[case.public_id])
    assert case.state == State.RECORDED
    assert case.setting == staff.school
    assert case.questionnaire_version is not None
    assert case.questionnaire_version.template.key == "staff-exit"
    leaver = case.staff_leaver
    assert (leaver.email, leaver.job_role, leaver.reason_code, leaver.line_manager) == (
        "morgan.price@home.example", "Teaching assistant", "workload", staff.line_manager)
    assert written() == (1, 1, 1)


def test_a_typed_line_manager_is_kept_when_they_have_no_account(client, staff):
    client.force_login(staff.hr_lead)
    client.post(reverse("staff:new"), form_post(staff, line_manager="",
                                                line_manager_name="Pat Jones"))
    leaver = StaffLeaver.objects.get()
    assert leaver.line_manager is None
    assert leaver.line_manager_name == "Pat Jones"


def test_the_reasons_come_from_the_published_staff_questionnaire(client, staff):
    client.force_login(staff.hr_lead)
    page = client.get(reverse("staff:new")).content.decode()
    assert 'value="leadership_and_management"' in page
    assert "Leadership and management" in page


def test_the_headteacher_is_offered_only_their_own_school(client, staff):
    client.force_login(staff.headteacher)
    page = client.get(reverse("staff:new")).content.decode()
    assert "Hill Primary" in page
    assert "Vale Academy" not in page


@pytest.mark.parametrize(("overrides", "message"), [
    (date_parts("leaving_date", dt.date(2018, 1, 1)),
     "The leaving date must be the same as or after the start date."),
    ({"reason_code": "hated_it"}, "Choose a reason from the list."),
    ({"email": "not-an-email"}, "Enter an email address like name@example.com."),
    ({"leaver_name": ""}, "Enter the leaver&#x27;s full name."),
])
def test_bad_input_says_what_is_wrong_and_writes_nothing(client, staff, overrides, message):
    client.force_login(staff.hr_lead)
    response = client.post(reverse("staff:new"), form_post(staff, **overrides))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'value="Teaching assistant"' in page  # what was typed, shown again
    assert written() == (0, 0, 0)


def test_a_headteacher_cannot_record_a_leaver_at_another_school(client, staff):
    client.force_login(staff.headteacher)
    response = client.post(reverse("staff:new"), form_post(staff,
                                                           school=str(staff.other_school.pk)))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert written() == (0, 0, 0)
    # And the action refuses it whoever calls it.
    with pytest.raises(ActionRefused, match="not one of the open schools you record"):
        actions_leavers.record_leaver(actor=staff.headteacher, details=leaver_details(
            staff, school=staff.other_school))
    assert written() == (0, 0, 0)


def test_the_action_refuses_an_unknown_reason_and_a_leaving_date_before_the_start(staff):
    with pytest.raises(ActionRefused) as refused:
        actions_leavers.record_leaver(actor=staff.hr_lead, details=leaver_details(
            staff, reason_code="hated_it", leaving_date=dt.date(2018, 1, 1)))
    assert "The leaving date is before the start date." in refused.value.message
    assert "“hated_it” is not one of the reasons for leaving." in refused.value.message
    assert written() == (0, 0, 0)


def test_a_leaver_already_open_at_the_school_is_not_recorded_twice(client, staff):
    make_staff_case(staff)
    client.force_login(staff.hr_lead)
    response = client.post(reverse("staff:new"), form_post(
        staff, email="Morgan.Price@home.example"))
    assert response.status_code == 400
    assert "is already open" in response.content.decode()
    assert written() == (1, 1, 1)


@pytest.mark.parametrize("who", ["csm", "unit_manager", "social_worker", "iro", "interviewer",
                                 "line_manager", "org_admin"])
def test_other_roles_cannot_record_a_leaver(client, staff, who):
    client.force_login(staff.people()[who])
    assert client.get(reverse("staff:new")).status_code == 403
    assert client.post(reverse("staff:new"), form_post(staff)).status_code == 403
    assert written() == (0, 0, 0)


@pytest.mark.parametrize("who", ["csm", "iro", "interviewer", "line_manager"])
def test_other_roles_cannot_upload_leavers(client, staff, who):
    client.force_login(staff.people()[who])
    assert client.get(reverse("staff:upload")).status_code == 403


def test_a_closed_school_is_not_offered_and_is_refused(client, staff):
    from django.utils import timezone

    staff.school.closed_at = timezone.now()
    staff.school.save()
    client.force_login(staff.hr_lead)
    assert "Hill Primary" not in client.get(reverse("staff:new")).content.decode()
    with pytest.raises(ActionRefused, match="not one of the open schools"):
        actions_leavers.record_leaver(actor=staff.hr_lead, details=leaver_details(staff))
    assert written() == (0, 0, 0)


def test_without_a_published_staff_questionnaire_nothing_can_be_recorded(staff):
    from leaver.questionnaires.models import Template

    Template.objects.filter(pathway=Pathway.STAFF).update(pathway=Pathway.YOUNG_PERSON)
    with pytest.raises(ActionRefused):
        actions_leavers.record_leaver(actor=staff.hr_lead, details=leaver_details(staff))
    assert written() == (0, 0, 0)
