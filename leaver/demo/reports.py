"""The demo's stored reports: the IRO's annual monitoring report and the headteacher's
staff turnover report for this year, asked for and built the way the worker builds them,
so the stored reports list, the progress page and the downloads have something to show."""

from __future__ import annotations

from django.utils import timezone

from leaver.accounts.models import User
from leaver.reports import stored
from leaver.reports.models import Kind
from leaver.reports.monitoring import financial_year
from leaver.reports.turnover import school_year


def load(iro: User, head: User) -> None:
    today = timezone.localdate()
    for user, kind, year in ((iro, Kind.MONITORING, financial_year(today)),
                             (head, Kind.TURNOVER, school_year(today))):
        report = stored.request_build(user, kind, year)
        # The worker's task finds it built and leaves it alone (stored.build).
        stored.build(report.public_id)
