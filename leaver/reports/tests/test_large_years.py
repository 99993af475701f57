"""Above LIVE_LIMIT moves in a year the annual report is not worked out while the person
waits: its page shows the newest build (or offers to build it), and the CSV leads there."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.reports import views
from leaver.reports.monitoring import financial_year
from leaver.reports.tests.test_stored import _build
from leaver.testing import make_cast

pytestmark = pytest.mark.django_db
URL = reverse("reports:annual_monitoring")


def test_a_large_year_shows_its_newest_build_and_never_works_it_out_live(
        client, year_of_cases, monkeypatch, django_capture_on_commit_callbacks):
    cast = year_of_cases  # 11 moves this year
    year = financial_year(timezone.localdate())
    client.force_login(cast.iro)
    live = client.get(URL, {"year": year}).content.decode()
    assert "Download these tables (CSV)" in live  # small enough: worked out now

    monkeypatch.setattr(views, "LIVE_LIMIT", 10)
    page = client.get(URL, {"year": year}).content.decode()
    assert "11 moves were notified in this year" in page
    assert "No report has been built for this year yet" in page
    assert "Download these tables (CSV)" not in page
    csv = client.get(reverse("reports:annual_monitoring_csv"), {"year": year})
    assert csv.status_code == 302
    assert csv["Location"] == f"{URL}?year={year}"

    # Another organisation's build of the same year is not theirs to see.
    other = make_cast("south")
    _build(client, other.iro, "monitoring", year, django_capture_on_commit_callbacks)
    client.force_login(cast.iro)
    assert "No report has been built" in client.get(URL, {"year": year}).content.decode()

    _build(client, cast.iro, "monitoring", year, django_capture_on_commit_callbacks)
    built = client.get(URL, {"year": year}).content.decode()
    assert "For the Joint Senior Managers" in built
    assert "Built by" in built
    assert "Download the report (PDF)" in built
