"""Report pages. Thin: decide access (leaver.reports.access), build the figures, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.core.spreadsheets import csv_lines
from leaver.reports import access
from leaver.reports.turnover import (
    ACTIONS,
    ALL,
    RECOMMEND,
    Turnover,
    school_year,
    table_rows,
    turnover,
)


def _report(request: HttpRequest) -> Turnover:
    """The report the address asks for (?year=: a school year, this one by default), for
    the schools the user may see; 404 for anyone else."""
    user: User = request.user  # type: ignore[assignment]
    if not access.may_see_turnover(user) or user.organisation is None:
        raise Http404
    current = school_year(timezone.localdate())
    try:
        year = int(request.GET.get("year", current))
    except ValueError:
        year = current
    year = min(max(year, current - 20), current)
    return turnover(user.organisation, list(access.turnover_schools(user)), year)


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
    })


@require_safe
@login_required
def staff_turnover_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every table of the report as one CSV, each figure as the page shows it (a withheld
    one as its words), every cell formula-safe."""
    report = _report(request)
    response = StreamingHttpResponse(
        csv_lines(["Table", "Row", "Column", "Figure"], table_rows(report)),
        content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="staff-turnover-{report.year}-{report.year + 1}.csv"')
    return response
