"""Counting in the database for the reports (issue 12, ADR 0021): whole days between two
moments worked out by the database, and a count of cases per number of days, so that a
report fetches a few hundred rows (one per number of days) instead of one per case.

`WholeDays(start, end)` is `(end - start).days` for `end >= start`: PostgreSQL subtracts the
two moments into an interval and takes its days; SQLite uses Django's own
`django_timestamp_diff` (microseconds) and divides by a day."""

from __future__ import annotations

from typing import Any

from django.db import connections
from django.db.models import Func, IntegerField, QuerySet
from django.db.models.sql.compiler import SQLCompiler

_DAY_MICROSECONDS = 86_400_000_000


class WholeDays(Func):
    """Whole days from `start` to `end`, for `end` on or after `start`."""

    output_field = IntegerField()

    def __init__(self, start: Any, end: Any) -> None:
        super().__init__(end, start)

    def as_postgresql(self, compiler: SQLCompiler, connection: Any, **extra: Any
                      ) -> tuple[str, Any]:
        return self.as_sql(compiler, connection, arg_joiner=" - ",
                           template="CAST(EXTRACT(DAY FROM (%(expressions)s)) AS integer)",
                           **extra)

    def as_sqlite(self, compiler: SQLCompiler, connection: Any, **extra: Any
                  ) -> tuple[str, Any]:
        return self.as_sql(compiler, connection, arg_joiner=", ",
                           template=f"(django_timestamp_diff(%(expressions)s) "
                                    f"/ {_DAY_MICROSECONDS})", **extra)


def histogram(days: QuerySet[Any]) -> list[tuple[int, int]]:
    """(days, how many) for a queryset annotated with `days` (one row per case), counted by
    the database over it as a subquery: the grouping can then use what the queryset's own
    rows aggregated (e.g. the first of a case's recommendations)."""
    inner, params = days.values_list("days").query.sql_with_params()
    connection = connections[days.db]
    with connection.cursor() as cursor:
        # `inner` is the ORM's own SQL with its parameters kept apart: nothing user-typed.
        cursor.execute(f"SELECT w.days, COUNT(*) FROM ({inner}) w GROUP BY w.days",  # noqa: S608
                       params)
        return [(int(d), int(n)) for d, n in cursor.fetchall()]
