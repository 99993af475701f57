"""The export of every closed answer of a year (leaver.reports.answers_export). Thin: decide
access, audit, stream."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.audit import log
from leaver.reports import access
from leaver.reports.answers_export import answers_csv
from leaver.reports.events import ReportEvent
from leaver.reports.monitoring import financial_year


def _year(request: HttpRequest, current: int) -> int:
    """The financial year asked for (?year=), else the last one; never later than this one
    nor more than 20 years before it."""
    try:
        year = int(request.GET.get("year", current - 1))
    except ValueError:
        year = current - 1
    return min(max(year, current - 20), current)


@require_safe
@login_required
def answers_export(request: HttpRequest) -> StreamingHttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not access.may_export_answers(user) or user.organisation is None:
        raise Http404
    organisation = user.organisation
    year = _year(request, financial_year(timezone.localdate()))
    log.record(actor=user, action=ReportEvent.ANSWERS_EXPORTED, object_type="answers",
               object_id=None, organisation_id=organisation.pk, detail={"year": year})
    response = StreamingHttpResponse(answers_csv(organisation, year),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="answers-{organisation.slug}-{year}-{year + 1}.csv"')
    return response
