"""Stored reports (ADR 0023): "Build the report" queues the worker's task and leads to a
progress page; the task builds the document, its PDF, XLSX and CSV; the downloads are
audited; only those entitled see a stored report."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from leaver.audit.models import AuditEvent
from leaver.organisations.models import Role, Setting
from leaver.pathways.young_person.states import State
from leaver.reports.models import Status, StoredReport
from leaver.reports.monitoring import financial_year
from leaver.reports.tests.test_turnover import leavers
from leaver.testing import make_case, make_cast, make_user

pytestmark = pytest.mark.django_db


def _build(client, user, kind, year, django_capture_on_commit_callbacks):
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:build", args=[kind]), {"year": year})
    assert response.status_code == 302
    return StoredReport.objects.get(built_by=user), response["Location"]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_the_iro_builds_the_annual_report_and_downloads_it(
        client, year_of_cases, django_capture_on_commit_callbacks):
    cast = year_of_cases
    year = financial_year(timezone.localdate())
    report, location = _build(client, cast.iro, "monitoring", year,
                              django_capture_on_commit_callbacks)
    assert location == reverse("reports:stored_report", args=[report.public_id])
    assert report.status == Status.READY
    assert report.finished_at is not None
    page = client.get(location)
    assert "Refresh" not in page  # ready: no more refreshing
    html = page.content.decode()
    assert "For the Joint Senior Managers" in html
    assert "Download the report (PDF)" in html
    assert 'src="data:image/svg+xml;base64,' in html  # the charts, as images

    text = pdf_text(bytes(report.pdf))
    assert "Contents" in text
    assert "Annual monitoring report" in text
    assert "For the Joint Senior Managers" in text
    assert "Change from April" in text
    assert "fewer than 5" in text  # 2 did not want to answer
    assert "Oak House" in text
    assert "Declined" in text

    book = openpyxl.load_workbook(io.BytesIO(bytes(report.xlsx)))
    assert "Change from April" in book.sheetnames[0] or book.sheetnames[0].startswith("Change")
    assert len(book.sheetnames) == len({t["key"] for s in report.document["sections"]
                                        for t in s["tables"]})
    by_home = book[book.sheetnames[1]]
    values = [[c.value for c in row] for row in by_home.iter_rows()]
    assert ["Oak House", 5, 0, 6, 0, 0, 0, 11] in values

    csv = bytes(report.csv).decode("utf-8-sig").splitlines()
    assert csv[0] == "Table,Row,Column,Figure"
    assert ("Moves notified by home or placement and what happened,Oak House,Declined,6"
            in csv)

    before = AuditEvent.objects.filter(action="report.downloaded").count()
    for kind, type_ in (("pdf", "application/pdf"), ("csv", "text/csv"),
                        ("xlsx", "application/vnd.openxmlformats")):
        got = client.get(reverse("reports:download", args=[report.public_id, kind]))
        assert got.status_code == 200
        assert got["Content-Type"].startswith(type_)
        assert "attachment" in got["Content-Disposition"]
    events = AuditEvent.objects.filter(action="report.downloaded").order_by("id")
    assert events.count() == before + 3
    assert [e.detail["file"] for e in events] == ["pdf", "csv", "xlsx"]
    assert all(e.actor_id == cast.iro.pk and e.object_id == report.public_id for e in events)

    listing = client.get(reverse("reports:stored_list")).content.decode()
    assert "Annual monitoring report" in listing
    assert cast.iro.full_name in listing


def test_the_change_from_the_previous_period_is_withheld_with_either_figure(
        year_of_cases, django_capture_on_commit_callbacks, client):
    cast = year_of_cases
    year = financial_year(timezone.localdate())
    report, _ = _build(client, cast.iro, "monitoring", year, django_capture_on_commit_callbacks)
    change = report.document["sections"][0]["tables"][0]
    rows = {row[0]: row[1:] for row in change["rows"]}
    # This year 11 moves, last year none: both published, the change is 11.
    assert [r["value"] for r in rows["Moves notified"]] == [11, 0, 11]
    # Interviewed 5 vs 0: published; "Still in progress" is 0 both years.
    assert rows["Interviewed"][2]["value"] == 5
    # Withheld this year (none here is 1-4 in the totals); build a year with a small one.
    make_case(cast, State.WITHDRAWN, leaver_name="Withdrew")
    report2, _ = _build(client, cast.csm, "monitoring", year,
                        django_capture_on_commit_callbacks)
    rows = {row[0]: row[1:] for row in report2.document["sections"][0]["tables"][0]["rows"]}
    now, before, diff = rows["Withdrawn"]
    assert now == {"value": None, "reason": "fewer than 5"}
    assert before["value"] == 0
    assert diff["value"] is None  # never 1 - 0


def test_the_progress_page_refreshes_until_ready(client, year_of_cases):
    cast = year_of_cases
    client.force_login(cast.iro)
    # Without the commit callbacks run, the task is not queued: the report waits.
    response = client.post(reverse("reports:build", args=["monitoring"]),
                           {"year": financial_year(timezone.localdate())})
    report = StoredReport.objects.get()
    assert report.status == Status.QUEUED
    page = client.get(response["Location"])
    assert page["Refresh"] == "5"
    assert "waiting to be built" in page.content.decode()
    assert "Download the report" not in page.content.decode()
    still = client.get(response["Location"], {"refresh": "off"})
    assert "Refresh" not in still
    assert "Check again" in still.content.decode()
    assert client.get(reverse("reports:download", args=[report.public_id, "pdf"])
                      ).status_code == 404
    assert "Build the report again" not in page.content.decode()
    StoredReport.objects.filter(pk=report.pk).update(status=Status.BUILDING)
    assert "being built" in client.get(response["Location"]).content.decode()
    # Long after it was asked for (no worker running): it can be asked for again.
    StoredReport.objects.filter(pk=report.pk).update(
        requested_at=timezone.now() - dt.timedelta(minutes=11))
    assert "Build the report again" in client.get(response["Location"]).content.decode()
    StoredReport.objects.filter(pk=report.pk).update(status=Status.FAILED)
    failed = client.get(response["Location"])
    assert "Refresh" not in failed
    assert "could not be built" in failed.content.decode()
    assert "Rebuild the report" in failed.content.decode()


def test_a_failed_build_is_marked_failed(client, year_of_cases,
                                         django_capture_on_commit_callbacks):
    cast = year_of_cases
    # A year whose report cannot be built (the period's dates do not exist).
    from leaver.reports.stored import build
    report = StoredReport.objects.create(kind="monitoring", organisation=cast.org, year=0,
                                         built_by=cast.iro, requested_at=timezone.now())
    assert build(report.public_id) == "failed"
    report.refresh_from_db()
    assert report.status == Status.FAILED
    assert report.error == "ValueError"
    assert build(report.public_id) == "skipped"  # a second run leaves it alone


def test_rebuild_builds_again_and_keeps_the_first(client, year_of_cases,
                                                  django_capture_on_commit_callbacks):
    cast = year_of_cases
    year = financial_year(timezone.localdate())
    first, _ = _build(client, cast.iro, "monitoring", year, django_capture_on_commit_callbacks)
    make_case(cast, State.DECLINED, leaver_name="One more")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:rebuild", args=[first.public_id]))
    second = StoredReport.objects.exclude(pk=first.pk).get()
    assert response["Location"] == reverse("reports:stored_report", args=[second.public_id])
    assert second.status == Status.READY
    assert second.year == first.year
    assert "12" in bytes(second.csv).decode()
    assert StoredReport.objects.count() == 2
    assert client.get(reverse("reports:rebuild", args=[first.public_id])).status_code == 405


def test_who_may_not_see_or_build_a_stored_report(client, year_of_cases,
                                                   django_capture_on_commit_callbacks):
    cast = year_of_cases
    year = financial_year(timezone.localdate())
    report, location = _build(client, cast.iro, "monitoring", year,
                              django_capture_on_commit_callbacks)
    other = make_cast("south")
    governor = make_user(cast.org, "Gita Governor", Role.GOVERNOR,
                         Setting.objects.create(organisation=cast.org, name="Elm School",
                                                kind="school"))
    urls = [location, reverse("reports:download", args=[report.public_id, "pdf"]),
            reverse("reports:download", args=[report.public_id, "xlsx"])]
    for user in (cast.social_worker, other.iro, governor, cast.interviewer):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(reverse("reports:rebuild", args=[report.public_id])
                           ).status_code == 404
        listing = client.get(reverse("reports:stored_list"))
        assert str(report.public_id) not in listing.content.decode()
    # The other organisation's IRO builds their own organisation's report, nobody else's;
    # the others may build none.
    for user in (cast.social_worker, governor, cast.interviewer):
        client.force_login(user)
        assert client.post(reverse("reports:build", args=["monitoring"])).status_code == 404
    assert StoredReport.objects.count() == 1
    assert not AuditEvent.objects.filter(action="report.downloaded").exists()


def test_a_turnover_report_is_for_governors_of_its_schools_only(
        client, staff, django_capture_on_commit_callbacks):
    leavers(staff, "workload", 6)
    leavers(staff, "pay", 2)
    report, _ = _build(client, staff.hr_lead, "turnover", timezone.localdate().year,
                       django_capture_on_commit_callbacks)
    assert report.status == Status.READY
    text = pdf_text(bytes(report.pdf))
    assert "For governors" in text
    assert "Staff turnover" in text
    assert "fewer than 5" in text
    governor = make_user(staff.yp.org, "Gita Governor", Role.GOVERNOR, staff.school)
    # Built by the trust's HR lead over every school: the school's governor may not read
    # the other school's figures.
    client.force_login(governor)
    assert client.get(reverse("reports:stored_report", args=[report.public_id])
                      ).status_code == 404
    mine, _ = _build(client, governor, "turnover", timezone.localdate().year,
                     django_capture_on_commit_callbacks)
    assert client.get(reverse("reports:stored_report", args=[mine.public_id])
                      ).status_code == 200
    client.force_login(staff.hr_lead)
    assert client.get(reverse("reports:stored_report", args=[mine.public_id])
                      ).status_code == 200
    client.force_login(staff.yp.iro)
    assert client.get(reverse("reports:stored_report", args=[mine.public_id])
                      ).status_code == 404
