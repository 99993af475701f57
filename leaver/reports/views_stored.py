"""Stored reports' pages (ADR 0023): build (POST), the progress and report page, the list,
rebuild (POST) and the downloads (audited). Thin: access in leaver.reports.access, the
work in leaver.reports.stored."""

from __future__ import annotations

import base64
import uuid
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from leaver.accounts.models import User
from leaver.reports import access, stored
from leaver.reports.document import Document
from leaver.reports.models import Kind, StoredReport
from leaver.reports.monitoring import financial_year
from leaver.reports.turnover import school_year

REFRESH_SECONDS = 5
FILES = {
    "pdf": ("application/pdf", "pdf"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _year(request: HttpRequest, current: int) -> int:
    try:
        year = int(request.POST.get("year", current))
    except ValueError:
        year = current
    return min(max(year, current - 20), current)


def _may_build(user: User, kind: Kind) -> bool:
    if user.organisation_id is None:
        return False
    return (access.may_see_monitoring(user) if kind == Kind.MONITORING
            else access.may_see_turnover(user))


@require_POST
@login_required
def build(request: HttpRequest, kind: str) -> HttpResponse:
    """Queue a report to be built; on to its progress page."""
    user = _user(request)
    if kind not in Kind.values or not _may_build(user, Kind(kind)):
        raise Http404
    today = timezone.localdate()
    current = financial_year(today) if kind == Kind.MONITORING else school_year(today)
    report = stored.request_build(user, Kind(kind), _year(request, current))
    return redirect("reports:stored_report", report.public_id)


def _report(request: HttpRequest, public_id: uuid.UUID, *fields: str) -> StoredReport:
    found = StoredReport.objects.defer(*fields) if fields else StoredReport.objects
    report = get_object_or_404(found.select_related("built_by"), public_id=public_id)
    if not access.may_see_stored_report(_user(request), report):
        raise Http404
    return report


@require_POST
@login_required
def rebuild(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Build the same report again, from today's data; the earlier build stays listed."""
    report = _report(request, public_id, "pdf", "xlsx", "csv", "document", "charts")
    again = stored.request_build(_user(request), Kind(report.kind), report.year)
    return redirect("reports:stored_report", again.public_id)


@require_safe
@login_required
def stored_report(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """While it is being built: its progress, refreshing itself every few seconds (an HTTP
    Refresh header: no JavaScript), unless asked to stop. Once ready: the report itself,
    its charts and tables, and its downloads."""
    return render_stored(request, _report(request, public_id, "pdf", "xlsx", "csv"))


def render_stored(request: HttpRequest, report: StoredReport) -> HttpResponse:
    """The stored report's page (the caller decided access)."""
    document = Document.from_json(report.document) if report.document else None
    still = request.GET.get("refresh") == "off"
    response = render(request, "reports/stored_report.html", {
        "report": report, "still": still, "refresh_seconds": REFRESH_SECONDS,
        "document": document, "sections": _sections(document, report.charts),
        "kind_label": Kind(report.kind).label, "stalled": report.stalled(timezone.now()),
    })
    if report.in_progress and not still:
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


def _sections(document: Document | None, charts: dict[str, str]) -> list[dict[str, Any]]:
    """Each section with its tables, each table with its chart as a data: address. An
    image of its own, the SVG's inline styles are outside the page's style policy (which
    refuses inline styles), and it loads and runs nothing; in the page it adds no request
    (a chart each would race to save the session)."""
    if document is None:
        return []
    return [{"section": section, "tables": [{
        "table": table,
        "chart": "data:image/svg+xml;base64," + base64.b64encode(
            charts[table.key].encode()).decode() if table.key in charts else "",
    } for table in section.tables]} for section in document.sections]


@require_safe
@login_required
def stored_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not (access.may_see_monitoring(user) or access.may_see_turnover(user)):
        raise Http404
    page = Paginator(stored.stored_for(user), 25).get_page(request.GET.get("page"))
    return render(request, "reports/stored_list.html", {
        "page": page, "may_monitoring": access.may_see_monitoring(user),
        "may_turnover": access.may_see_turnover(user)})


@require_safe
@login_required
def download(request: HttpRequest, public_id: uuid.UUID, kind: str) -> HttpResponse:
    """One of the report's files; audited."""
    if kind not in FILES:
        raise Http404
    report = _report(request, public_id)
    if report.status != "ready":
        raise Http404
    stored.record_download(_user(request), report, kind)
    content_type, extension = FILES[kind]
    response = HttpResponse(bytes(getattr(report, kind)), content_type=content_type)
    name = "annual-monitoring" if report.kind == Kind.MONITORING else "staff-turnover"
    response["Content-Disposition"] = (
        f'attachment; filename="{name}-{report.year}-{report.year + 1}.{extension}"')
    return response


def stored_url(report: StoredReport) -> str:
    return reverse("reports:stored_report", args=[report.public_id])
