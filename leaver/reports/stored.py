"""Stored reports: asking for one to be built (an action), building it (run by the
worker, leaver.reports.tasks) and listing them (a query). ADR 0023."""

from __future__ import annotations

import logging
import uuid

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.organisations.models import Organisation, Setting
from leaver.reports import access, builders, outputs
from leaver.reports.document import Document
from leaver.reports.events import ReportEvent
from leaver.reports.models import Kind, Status, StoredReport
from leaver.reports.monitoring import monitoring
from leaver.reports.turnover import turnover

logger = logging.getLogger(__name__)


def request_build(user: User, kind: Kind, year: int) -> StoredReport:
    """Queue a report to be built for `user`'s organisation (the caller checked access):
    the row now, the worker's task once the row is committed."""
    assert user.organisation_id is not None
    settings = (sorted(access.turnover_schools(user).values_list("pk", flat=True))
                if kind == Kind.TURNOVER else [])
    report = StoredReport.objects.create(
        kind=kind, organisation_id=user.organisation_id, year=year, setting_ids=settings,
        built_by=user, requested_at=timezone.now())
    audit.record(actor=user, action=ReportEvent.BUILD_REQUESTED, object_type="report",
                 object_id=report.public_id, organisation_id=user.organisation_id,
                 detail={"kind": kind.value, "year": year})
    from leaver.reports.tasks import build_report  # the task module imports this one

    transaction.on_commit(lambda: build_report.enqueue(str(report.public_id)), robust=True)
    return report


def document_for(kind: str, organisation: Organisation, year: int,
                 settings: list[int]) -> Document:
    """The report's document for that period, with the previous period beside it."""
    if kind == Kind.MONITORING:
        return builders.monitoring_document(monitoring(organisation, year),
                                            monitoring(organisation, year - 1))
    schools = list(Setting.objects.filter(organisation=organisation, pk__in=settings)
                   .order_by("name"))
    return builders.turnover_document(turnover(organisation, schools, year),
                                      turnover(organisation, schools, year - 1))


def build(public_id: uuid.UUID) -> str:
    """Build a queued report and store its files; its status at the end. A report another
    worker already took, or that is built, is left alone (a task run twice builds once)."""
    taken = StoredReport.objects.filter(public_id=public_id, status=Status.QUEUED).update(
        status=Status.BUILDING, started_at=timezone.now())
    if not taken:
        return "skipped"
    report = StoredReport.objects.select_related("organisation").get(public_id=public_id)
    try:
        document = document_for(report.kind, report.organisation, report.year,
                                list(report.setting_ids))
        built_at = timezone.now()
        name = report.organisation.name
        report.document = document.as_json()
        report.charts = outputs.chart_svgs(document)
        report.period = document.period
        report.pdf = outputs.pdf(document, organisation=name, built_at=built_at,
                                 svgs=report.charts)
        report.xlsx = outputs.xlsx_bytes(document, organisation=name)
        report.csv = outputs.csv_bytes(document)
        report.status, report.finished_at = Status.READY, timezone.now()
        report.save()
    except Exception as error:  # the report is marked failed; the page says so
        logger.exception("Building report %s failed.", public_id)
        StoredReport.objects.filter(pk=report.pk).update(
            status=Status.FAILED, finished_at=timezone.now(), error=type(error).__name__)
        return Status.FAILED.value
    return Status.READY.value


def stored_for(user: User) -> QuerySet[StoredReport]:
    """The stored reports the user may see, newest first (without their files)."""
    if user.organisation_id is None:
        return StoredReport.objects.none()
    kinds = [k for k, allowed in ((Kind.MONITORING, access.may_see_monitoring(user)),
                                  (Kind.TURNOVER, access.may_see_turnover(user))) if allowed]
    found = StoredReport.objects.filter(
        organisation_id=user.organisation_id, kind__in=kinds).select_related(
        "built_by").defer("pdf", "xlsx", "csv", "document", "charts")
    if Kind.TURNOVER in kinds:
        schools = set(access.turnover_schools(user).values_list("pk", flat=True))
        hidden = [pk for pk, ids in StoredReport.objects.filter(
            organisation_id=user.organisation_id, kind=Kind.TURNOVER).values_list(
            "pk", "setting_ids") if not set(ids) <= schools]
        found = found.exclude(pk__in=hidden)
    return found


def newest_ready(user: User, kind: Kind, year: int) -> StoredReport | None:
    """The newest built report of that kind and year the user may see, with its document
    (without its files); for turnover, only one built for exactly the user's schools."""
    found = stored_for(user).filter(kind=kind, year=year, status=Status.READY).defer(
        None).defer("pdf", "xlsx", "csv").order_by("-finished_at", "-id")
    if kind != Kind.TURNOVER:
        return found.first()
    schools = sorted(access.turnover_schools(user).values_list("pk", flat=True))
    return next((r for r in found[:20] if sorted(r.setting_ids) == schools), None)


def record_download(user: User, report: StoredReport, kind: str) -> None:
    audit.record(actor=user, action=ReportEvent.DOWNLOADED, object_type="report",
                 object_id=report.public_id, organisation_id=report.organisation_id,
                 detail={"kind": report.kind, "year": report.year, "file": kind})
