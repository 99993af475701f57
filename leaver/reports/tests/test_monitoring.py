"""The annual monitoring report: figures against a hand count (through the real actions),
disclosure control, the CSV, and who may read it (IROs, CSMs and senior managers of the
organisation; nobody else)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.organisations.models import Setting
from leaver.reports.monitoring import ALL, financial_year, monitoring
from leaver.testing import make_cast

pytestmark = pytest.mark.django_db
URL = reverse("reports:annual_monitoring")


def test_the_figures_match_a_hand_count(year_of_cases):
    cast = year_of_cases
    report = monitoring(cast.org, financial_year(timezone.localdate()))
    home = cast.home.name
    assert report.by_setting.rows == (home,)
    assert report.by_setting.cell(home, "completed").value == 5
    assert report.by_setting.cell(home, "declined").value == 6
    assert report.by_setting.total.value == 11
    assert report.uptake == "45%"
    # "Did not want to answer" is counted apart from the answers; 2 is fewer than 5.
    assert report.answers.cell("felt_safe", "yes").value is None  # 3 is withheld
    assert str(report.answers.cell("felt_safe", "did_not_answer")) == "fewer than 5"
    assert report.answers.cell("happy_living_here", "yes").value == 5
    assert report.recommendations.cell(ALL, "waiting").value == 0
    # Last year had none of these moves.
    assert monitoring(cast.org, financial_year(timezone.localdate()) - 1
                      ).by_setting.total.value == 0


def test_the_people_it_is_for_read_it_and_nobody_else(client, year_of_cases):
    cast = year_of_cases
    this_year = {"year": financial_year(timezone.localdate())}
    for user in (cast.iro, cast.csm, cast.senior_manager):
        client.force_login(user)
        page = client.get(URL, this_year).content.decode()
        assert "Annual monitoring report" in page
        assert "45%" in page
    for user in (cast.social_worker, cast.unit_manager, cast.interviewer):
        client.force_login(user)
        assert client.get(URL, this_year).status_code == 404
        assert client.get(reverse("reports:annual_monitoring_csv")).status_code == 404
    # Another organisation's IRO counts only their own.
    other = make_cast("south")
    assert monitoring(other.org, this_year["year"]).by_setting.total.value == 0


def test_the_csv_is_formula_safe_and_withholds_as_words(client, year_of_cases):
    cast = year_of_cases
    Setting.objects.filter(pk=cast.home.pk).update(name="=SUM(A1)")
    client.force_login(cast.iro)
    response = client.get(reverse("reports:annual_monitoring_csv"),
                          {"year": financial_year(timezone.localdate())})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Table,Row,Column,Figure"
    assert "Interviews by home,'=SUM(A1),Declined,6" in lines
    assert not any(",=" in line for line in lines)
    assert "Interviews by home,All homes and placements,Uptake,45%" in lines
