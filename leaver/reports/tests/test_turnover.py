"""Staff turnover: the figures against hand counts, disclosure control on the page, and who
may see it (headteachers and governors for their schools, HR leads for theirs; nobody
else)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.cases.models import Answer, InterviewRecord
from leaver.organisations.models import Role, Setting, SettingKind
from leaver.pathways.staff.states import State
from leaver.pathways.staff.tests.cast import StaffCast, make_staff_case
from leaver.reports.access import turnover_schools
from leaver.reports.turnover import ALL, school_year, turnover
from leaver.testing import make_user

pytestmark = pytest.mark.django_db
URL = reverse("reports:staff_turnover")


def leavers(staff: StaffCast, reason: str, count: int, *, school: Setting | None = None,
            rating: str = "", recommend: str = "") -> None:
    """`count` leavers of this school year; with `rating`, their workload score recorded."""
    leaving = timezone.localdate()
    for i in range(count):
        case = make_staff_case(staff, State.RECORDED, name=f"Leaver {reason} {i}",
                               email=f"{reason}{i}@{(school or staff.school).pk}.example",
                               reason_code=reason, school=school or staff.school,
                               leaving_date=leaving)
        if rating or recommend:
            version = case.questionnaire_version
            assert version is not None
            InterviewRecord.objects.create(
                interview=case, questionnaire_key="staff-exit", submitted_by=staff.interviewer,
                submitted_at=timezone.now(), agreed_with_young_person=True,
                content_sha256="0" * 64)
            for key, value in (("rating_workload", rating),
                               ("recommend_working_here", recommend)):
                if value:
                    Answer.objects.create(interview=case, version=version,
                                          item_key=key, value=value)


def test_the_figures_match_a_hand_count(staff):
    leavers(staff, "workload", 6, rating="2", recommend="no")
    leavers(staff, "pay", 5, rating="4", recommend="yes")
    report = turnover(staff.yp.org, [staff.school], school_year(timezone.localdate()))
    school = staff.school.name
    assert report.by_reason.cell(school, "workload").value == 6
    assert report.by_reason.cell(school, "pay").value == 5
    assert report.by_reason.total.value == 11
    [workload] = [s for s in report.scores if s.area == "Workload"]
    assert (workload.mean, workload.answers) == (round((6 * 2 + 5 * 4) / 11, 1), 11)
    assert report.recommend.cell(ALL, "yes").value == 5
    assert report.recommend.cell(ALL, "no").value == 6


def test_small_counts_are_fewer_than_5_and_cannot_be_worked_out(client, staff):
    leavers(staff, "workload", 9)
    leavers(staff, "pay", 2)
    client.force_login(staff.hr_lead)
    page = client.get(URL).content.decode()
    assert "fewer than 5" in page
    report = turnover(staff.yp.org, [staff.school], school_year(timezone.localdate()))
    # 11 leavers, 9 for workload: the total or the 9 must be withheld, else 11 - 9 = 2.
    assert not (report.by_reason.total.shown
                and report.by_reason.cell(staff.school.name, "workload").shown)
    # Scores over fewer than 5 answers are not shown.
    assert all(score.mean is None for score in report.scores)


def test_leavers_of_other_years_are_not_counted(staff):
    leavers(staff, "workload", 6)
    last_year = school_year(timezone.localdate()) - 1
    report = turnover(staff.yp.org, [staff.school], last_year)
    assert report.by_reason.total.value == 0


def test_each_role_sees_only_its_schools(client, staff):
    other = Setting.objects.create(organisation=staff.yp.org, name="Vale School",
                                   kind=SettingKind.SCHOOL)
    governor = make_user(staff.yp.org, "Gita Governor", Role.GOVERNOR, staff.school)
    assert list(turnover_schools(staff.headteacher)) == [staff.school]
    assert list(turnover_schools(governor)) == [staff.school]
    assert other in turnover_schools(staff.hr_lead)
    assert staff.school in turnover_schools(staff.hr_lead)
    for user in (staff.headteacher, governor, staff.hr_lead):
        client.force_login(user)
        assert client.get(URL).status_code == 200


def test_no_one_else_may_see_it(client, staff, other_staff):
    for user in (staff.interviewer, staff.yp.social_worker, staff.yp.csm):
        client.force_login(user)
        assert client.get(URL).status_code == 404
    # Another organisation's HR lead sees only their own schools.
    assert staff.school not in turnover_schools(other_staff.hr_lead)


def test_a_bad_year_in_the_address_shows_this_year(client, staff):
    client.force_login(staff.hr_lead)
    page = client.get(URL, {"year": "=cmd"}).content.decode()
    this = school_year(timezone.localdate())
    assert f"{this} to {this + 1}" in page
    assert client.get(URL, {"year": str(this + 5)}).content.decode().count(
        f"{this} to {this + 1}") >= 1
    # The page never offers a year after this one.
    assert "Next school year" not in page


def test_the_csv_has_every_figure_as_shown_and_no_formula(client, staff):
    Setting.objects.filter(pk=staff.school.pk).update(name="=HYPERLINK(1)")
    leavers(staff, "workload", 9)
    leavers(staff, "pay", 2)
    client.force_login(staff.hr_lead)
    response = client.get(reverse("reports:staff_turnover_csv"))
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Table,Row,Column,Figure"
    assert "Leavers by reason,Pay,All schools,fewer than 5" in lines
    assert not any(",=" in line or line.startswith("=") for line in lines)
    assert any("'=HYPERLINK" in line for line in lines)
    # The withheld figures are words, never their numbers.
    assert "Leavers by reason,Pay,All schools,2" not in lines
    client.force_login(staff.interviewer)
    assert client.get(reverse("reports:staff_turnover_csv")).status_code == 404
