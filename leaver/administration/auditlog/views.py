"""The audit log viewer: organisation admins read and export their organisation's log.
Every reading is itself audited, with the filters used."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.administration.access import administered_by
from leaver.administration.auditlog.export import csv_file
from leaver.administration.auditlog.forms import AuditFilterForm
from leaver.administration.auditlog.queries import Describer, Filters, rows_for
from leaver.audit import log
from leaver.audit.events import AuditLogEvent

PER_PAGE = 50


@require_safe
@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    admin, organisation = administered_by(request)
    form = AuditFilterForm(request.GET, organisation=organisation)
    context = {"organisation": organisation, "form": form,
               "filtered": any(value for key, value in request.GET.items() if key != "page")}
    if not form.is_valid():
        # Nothing is listed rather than a list filtered by half of what was asked.
        return render(request, "administration/auditlog/list.html", context, status=400)
    filters = Filters.from_form(form.cleaned_data)
    page = Paginator(rows_for(organisation, filters), PER_PAGE).get_page(request.GET.get("page"))
    rows = Describer(admin, organisation).describe(list(page.object_list))
    # Written after the rows are read, so the page and its count agree; the next page shows it.
    log.record(actor=admin, action=AuditLogEvent.VIEWED, object_type="audit_log",
               object_id=None, organisation_id=organisation.pk,
               detail={**filters.detail(), "page": page.number})
    return render(request, "administration/auditlog/list.html", {
        **context, "listing": True, "page": page, "rows": rows,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2,
                                                             on_ends=1),
    })


@require_safe
@login_required
def export(request: HttpRequest) -> HttpResponseBase:
    admin, organisation = administered_by(request)
    form = AuditFilterForm(request.GET, organisation=organisation)
    if not form.is_valid():
        return render(request, "administration/auditlog/list.html",
                      {"organisation": organisation, "form": form, "filtered": True},
                      status=400)
    filters = Filters.from_form(form.cleaned_data)
    log.record(actor=admin, action=AuditLogEvent.EXPORTED, object_type="audit_log",
               object_id=None, organisation_id=organisation.pk, detail=filters.detail())
    response = StreamingHttpResponse(
        csv_file(rows_for(organisation, filters), Describer(admin, organisation)),
        content_type="text/csv; charset=utf-8")
    name = f"audit-log-{organisation.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
