"""More of the annual monitoring report (issue 12): offers and consent, days from the record
to the IRO's review, and recommendations by their owner's role, each under disclosure
control.

- **Offered**: the young person was asked and answered (consent given or declined; the
  consent decision is recorded). A case found "not feasible" was never offered; a case still
  awaiting consent, or closed as "unable to contact" or withdrawn before anyone asked, has
  not been offered either. **Consented**: offered and agreed (whatever happened after).
  "Declined" here is the same figure as in the table by home, so it is published here only
  where that table publishes it (a figure must never be withheld in one table and shown in
  another).
- **Days to the IRO's review**: from the record's submission to the IRO's decision, the
  first of "no action needed" (Review.decided_at) or the recommendations' issue.
- **Owner's role**: recommendations are addressed to a person; their role is the first of
  theirs in the order of Role (Unit Manager, CSM, social worker, ...), "No role" if they hold
  none now. One table, roles by outcome, whose totals are the report's recommendations table:
  the two are protected together, so nothing withheld in one is shown in the other.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Case, Count, F, Min, QuerySet, Value, When
from django.db.models.functions import Coalesce, Least, TruncDate

from leaver.accounts.models import User
from leaver.cases.models import Interview
from leaver.organisations import roles
from leaver.organisations.models import Role
from leaver.pathways.young_person.states import State
from leaver.reports.counting import WholeDays, histogram
from leaver.reports.disclosure import (
    NOT_SHOWN,
    THRESHOLD,
    TOTAL,
    Figure,
    Protected,
    protect,
)
from leaver.reviews.models import Recommendation

OFFERS = [("consented", "Consented"), ("declined", "Declined")]
NO_ROLE = "No role"


@dataclass(frozen=True)
class Days:
    """Days from one step to another: the median and 90th percentile, over `count`."""

    count: int
    median: float | None  # None: fewer than 5
    p90: float | None


def days_counted(counts: Iterable[tuple[int, int]]) -> Days:
    """The median and 90th percentile of whole days, from (whole days, how many cases) pairs
    counted by the database (leaver.reports.counting), shown only over 5 or more."""
    waits = [days for days, n in sorted(counts) for _ in range(n)]
    if len(waits) < THRESHOLD:
        return Days(len(waits), None, None)
    deciles = statistics.quantiles(waits, n=10, method="inclusive")
    return Days(len(waits), statistics.median(waits), deciles[-1])


def offers(cases: QuerySet[Interview], by_setting: Protected, all_label: str) -> Protected:
    """Offered (the row's total), consented and declined, for the whole organisation."""
    row = {"consented": 0, "declined": 0}
    for state, n in cases.filter(consent_recorded_at__isnull=False).exclude(
            state=State.NOT_FEASIBLE).values("state").annotate(n=Count("pk")).order_by(
            ).values_list("state", "n"):
        row["declined" if state == State.DECLINED else "consented"] += n
    found = protect({all_label: row}, [code for code, _ in OFFERS], min_row_total=0)
    if by_setting.column_total("declined").shown:
        return found
    # Withheld by home and outcome: withheld here too, with the total it could be found from.
    hidden = {(all_label, "declined"), (TOTAL, "declined"), (all_label, TOTAL), (TOTAL, TOTAL)}
    figures = {key: Figure(None, NOT_SHOWN) if key in hidden and figure.shown else figure
               for key, figure in found.figures.items()}
    return Protected(found.rows, found.columns, figures)


def review_days(cases: QuerySet[Interview]) -> Days:
    """Days from the record's submission to the IRO's review of it."""
    ended = cases.filter(record__isnull=False).annotate(
        first_issued=Min("recommendations__created_at")).annotate(
        ended=Least(Coalesce("review__decided_at", "first_issued"),
                    Coalesce("first_issued", "review__decided_at"))).filter(
        ended__gte=F("record__submitted_at")).annotate(
        days=WholeDays("record__submitted_at", "ended"))
    return days_counted(histogram(ended))


def _owner_roles(owner_ids: set[int]) -> dict[int, str]:
    """Each owner's role in words: the first of theirs in the order of Role."""
    found: dict[int, str] = {}
    for user in roles.load_roles(User.objects.filter(pk__in=owner_ids)):
        held = roles.roles_of(user)
        found[user.pk] = next((role.label for role in Role if role in held), NO_ROLE)
    return found


def by_owner(cases: QuerySet[Interview], today: dt.date, columns: list[str]) -> Protected:
    """Recommendations by the owner's role and outcome; a role with fewer than 5 is shown
    only inside the totals."""
    # Counted by the database: one row per owner and outcome. Answered by the due date
    # (in local time): on time, else late; not answered: overdue after the due date, else
    # waiting.
    made = list(Recommendation.objects.filter(
        interview__in=cases, withdrawn_at__isnull=True).annotate(outcome=Case(
            When(responded_at__isnull=False, then=Case(
                When(due_date__gte=TruncDate("responded_at"), then=Value("on_time")),
                default=Value("late"))),
            When(due_date__lt=today, then=Value("overdue")),
            default=Value("waiting"))).values("owner_id", "outcome").annotate(
        n=Count("pk")).order_by().values_list("owner_id", "outcome", "n"))
    role_of = _owner_roles({owner for owner, _, _ in made})
    counts: dict[str, dict[str, int]] = {}
    for owner, code, n in made:
        row = counts.setdefault(role_of.get(owner, NO_ROLE), {})
        row[code] = row.get(code, 0) + n
    ordered = dict(sorted(counts.items()))
    return protect(ordered, columns)


def totals_row(table: Protected, label: str) -> Protected:
    """The column totals of `table` as a table of one row, withheld where `table` withholds
    them: the same figures, never protected apart."""
    figures: dict[tuple[str, str], Figure] = {}
    for column in [*table.columns, TOTAL]:
        figure = table.figures[(TOTAL, column)]
        figures[(label, column)] = figures[(TOTAL, column)] = figure
    return Protected((label,), table.columns, figures)
