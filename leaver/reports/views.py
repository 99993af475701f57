"""Report pages. Thin: decide access (leaver.reports.access), build the figures, render."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.core.spreadsheets import csv_lines
from leaver.organisations.models import Organisation
from leaver.reports import access, stored, views_stored
from leaver.reports.models import Kind
from leaver.reports.monitoring import ALL as M_ALL
from leaver.reports.monitoring import (
    ANSWERS,
    CONCERNS,
    OUTCOMES,
    RECOMMENDATIONS,
    Monitoring,
    cases_of,
    completed,
    financial_year,
    monitoring,
)
from leaver.reports.monitoring import table_rows as monitoring_rows
from leaver.reports.monitoring_parts import OFFERS
from leaver.reports.turnover import (
    ACTIONS,
    ALL,
    RECOMMEND,
    Turnover,
    school_year,
    table_rows,
    turnover,
)
from leaver.reports.turnover_groups import TERMS

# Moves in a year up to which the annual report is worked out while the person waits (about
# a second); above it, only a report built by the worker is shown (bench: docs/performance.md).
LIVE_LIMIT = 5_000


def _year(request: HttpRequest, current: int, default: int) -> int:
    """The year the address asks for (?year=), else `default`; never later than `current`
    nor more than 20 years before it."""
    try:
        year = int(request.GET.get("year", default))
    except ValueError:
        year = default
    return min(max(year, current - 20), current)


def _csv(rows: Iterable[Sequence[object]], filename: str) -> StreamingHttpResponse:
    """A report's tables as one CSV download, every cell formula-safe."""
    response = StreamingHttpResponse(csv_lines(["Table", "Row", "Column", "Figure"], rows),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _report(request: HttpRequest) -> Turnover:
    """The report the address asks for (?year=: a school year, this one by default), for
    the schools the user may see; 404 for anyone else."""
    user: User = request.user  # type: ignore[assignment]
    if not access.may_see_turnover(user) or user.organisation is None:
        raise Http404
    current = school_year(timezone.localdate())
    return turnover(user.organisation, list(access.turnover_schools(user)),
                    _year(request, current, current))


@require_safe
@login_required
def staff_turnover(request: HttpRequest) -> HttpResponse:
    report = _report(request)
    year, current = report.year, school_year(timezone.localdate())
    table = report.by_reason
    return render(request, "reports/staff_turnover.html", {
        "report": report, "previous": year - 1, "next": year + 1 if year < current else None,
        "rows": [(label, [table.cell(school, code) for school in table.rows],
                  table.column_total(code)) for code, label in report.reasons],
        "school_totals": [table.row_total(school) for school in table.rows],
        "recommend": RECOMMEND,
        "recommend_cells": [report.recommend.cell(ALL, code) for code, _ in RECOMMEND],
        "actions": ACTIONS,
        "action_cells": [report.actions.cell(ALL, code) for code, _ in ACTIONS],
        "groups": [
            (caption, heading, everyone, [(row, found.row_total(row)) for row in found.rows],
             found.total)
            for caption, heading, everyone, found in (
                ("Leavers by role", "Role", "All roles", report.by_role),
                ("Leavers by department", "Department", "All departments",
                 report.by_department))],
        "terms": TERMS,
        "trend_rows": [(row, [report.trends.cell(row, code) for code, _ in TERMS],
                        report.trends.row_total(row)) for row in report.trends.rows],
    })


@require_safe
@login_required
def staff_turnover_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every table of the report as one CSV, each figure as the page shows it (a withheld
    one as its words), every cell formula-safe."""
    report = _report(request)
    return _csv(table_rows(report), f"staff-turnover-{report.year}-{report.year + 1}.csv")


def _monitoring_year(request: HttpRequest) -> tuple[Organisation, int]:
    """The organisation and financial year the address asks for (?year=, the last one by
    default); 404 for anyone not entitled to the report."""
    user: User = request.user  # type: ignore[assignment]
    if not access.may_see_monitoring(user) or user.organisation is None:
        raise Http404
    current = financial_year(timezone.localdate())
    return user.organisation, _year(request, current, current - 1)


def _monitoring(request: HttpRequest) -> Monitoring:
    """Worked out now, without the free-text themes: those are in the built report."""
    return monitoring(*_monitoring_year(request), themes=False)


def _too_large(request: HttpRequest, year: int) -> HttpResponse | None:
    """Above LIVE_LIMIT moves in the year, the report is not worked out while the person
    waits: the page shows the newest build of it, or offers to build it (ADR 0023)."""
    organisation, _ = _monitoring_year(request)
    moves = cases_of(organisation, year).count()
    if moves <= LIVE_LIMIT:
        return None
    user: User = request.user  # type: ignore[assignment]
    built = stored.newest_ready(user, Kind.MONITORING, year)
    if built is not None:
        return views_stored.render_stored(request, built)
    current = financial_year(timezone.localdate())
    return render(request, "reports/too_large.html", {
        "kind": Kind.MONITORING.value, "moves": moves, "limit": LIVE_LIMIT,
        "report": {"year": year, "label": f"April {year} to March {year + 1}"},
        "previous": year - 1, "next": year + 1 if year < current else None})


@require_safe
@login_required
def annual_monitoring(request: HttpRequest) -> HttpResponse:
    _, year = _monitoring_year(request)
    if (large := _too_large(request, year)) is not None:
        return large
    report = _monitoring(request)
    current = financial_year(timezone.localdate())
    table, owners = report.by_setting, report.by_owner
    return render(request, "reports/monitoring.html", {
        "report": report, "previous": report.year - 1,
        "next": report.year + 1 if report.year < current else None,
        "outcomes": OUTCOMES, "answer_labels": ANSWERS,
        "settings": [(s, [table.cell(s, c) for c, _ in OUTCOMES], table.row_total(s))
                     for s in table.rows],
        "all_settings": ([table.column_total(c) for c, _ in OUTCOMES], table.total),
        "questions": [(q, [report.answers.cell(k, c) for c, _ in ANSWERS])
                      for k, q in report.questions if k in report.answers.rows],
        "concerns": [(label, report.concerns.cell(M_ALL, c)) for c, label in CONCERNS],
        "recommendations": [(label, report.recommendations.cell(M_ALL, c))
                            for c, label in RECOMMENDATIONS],
        "letters": report.letters.cell(M_ALL, "sent"),
        "offers": [("Offered an interview", report.offers.row_total(M_ALL)),
                   *[(label, report.offers.cell(M_ALL, code)) for code, label in OFFERS]],
        "recommendation_labels": RECOMMENDATIONS,
        "owners": [(role, [owners.cell(role, c) for c, _ in RECOMMENDATIONS],
                    completed(owners, role), owners.row_total(role))
                   for role in owners.rows]
        + [("All roles", [owners.column_total(c) for c, _ in RECOMMENDATIONS],
            completed(report.recommendations, M_ALL), owners.total)],
    })


@require_safe
@login_required
def annual_monitoring_csv(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    _, year = _monitoring_year(request)
    if _too_large(request, year) is not None:  # the built report has its own downloads
        return redirect(reverse("reports:annual_monitoring") + f"?year={year}")
    report = _monitoring(request)
    return _csv(monitoring_rows(report),
                f"annual-monitoring-{report.year}-{report.year + 1}.csv")
