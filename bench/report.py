"""Measure 1 and 4: building the annual monitoring report against a hand-written SQL GROUP BY
over the same cases and answers, and the report's time at several sizes (log-log slope)."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection

from leaver.cases.models import Answer, Interview, InterviewRecord
from leaver.organisations.models import Organisation, Setting
from leaver.questionnaires.seeding import YOUNG_PERSON, seed
from leaver.questionnaires.spec import ItemType
from leaver.reports.free_text import young_person_themes
from leaver.reports.monitoring import cases_of, monitoring, year_span
from leaver.reviews.models import Letter, Recommendation
from leaver.safeguarding.models import Concern


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median of `repeat` runs (seconds), after one unmeasured warm-up run, and the
    last result."""
    result = work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _t(model: type[Any]) -> str:
    return str(connection.ops.quote_name(model._meta.db_table))


def sql_baseline(organisation_id: int, year: int) -> dict[str, Any]:
    """The report's figures by hand: one GROUP BY per table, no ORM, no disclosure control."""
    start, end = year_span(year)
    keys = [i.key for i in seed(YOUNG_PERSON).items() if i.type == ItemType.YES_NO_NOT_SURE]
    cases = ("SELECT i.id, i.setting_id, i.state, i.created_at, i.held_at "
             f"FROM {_t(Interview)} i "
             "WHERE i.organisation_id = %s AND i.pathway = 'young_person' AND "
             "(i.created_at AT TIME ZONE 'Europe/London')::date BETWEEN %s AND %s")
    args: list[Any] = [organisation_id, start, end]
    found: dict[str, Any] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH c AS ({cases}) SELECT s.name, c.state, r.id IS NOT NULL, count(*) "
            f"FROM c JOIN {_t(Setting)} s ON s.id = c.setting_id "
            f"LEFT JOIN {_t(InterviewRecord)} r ON r.interview_id = c.id GROUP BY 1, 2, 3",
            args)
        found["by_setting"] = cursor.fetchall()
        cursor.execute(
            f"WITH c AS ({cases}) SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), "
            "percentile_cont(0.9) WITHIN GROUP (ORDER BY d), count(*) FROM (SELECT "
            "extract(day FROM held_at - created_at) AS d FROM c WHERE held_at >= created_at) w",
            args)
        found["days"] = cursor.fetchall()
        cursor.execute(
            f"WITH c AS ({cases}) SELECT a.item_key, a.value, count(*) FROM c "
            f"JOIN {_t(InterviewRecord)} r ON r.interview_id = c.id "
            f"JOIN {_t(Answer)} a ON a.interview_id = c.id "
            "WHERE a.item_key = ANY(%s) GROUP BY 1, 2", [*args, keys])
        found["answers"] = cursor.fetchall()
        cursor.execute(
            f"WITH c AS ({cases}) SELECT status, outcome, count(*) FROM c "
            f"JOIN {_t(Concern)} k ON k.interview_id = c.id GROUP BY 1, 2", args)
        found["concerns"] = cursor.fetchall()
        cursor.execute(
            f"WITH c AS ({cases}) SELECT responded_at IS NULL, "
            "(responded_at AT TIME ZONE 'Europe/London')::date <= due_date, "
            f"due_date < current_date, count(*) FROM c JOIN {_t(Recommendation)} m "
            "ON m.interview_id = c.id WHERE m.withdrawn_at IS NULL GROUP BY 1, 2, 3", args)
        found["recommendations"] = cursor.fetchall()
        cursor.execute(
            f"WITH c AS ({cases}) SELECT count(*) FROM c JOIN {_t(Letter)} l "
            "ON l.interview_id = c.id WHERE l.sent_at IS NOT NULL", args)
        found["letters"] = cursor.fetchall()
    return found


def report_vs_sql(organisation_id: int, year: int, repeat: int = 3) -> dict[str, Any]:
    """The report's figures (every table, under disclosure control) against the SQL that
    counts the same; the free-text themes, which the SQL cannot do, are timed apart (they are
    worked out only when the worker builds the stored report: ADR 0024)."""
    organisation = Organisation.objects.get(pk=organisation_id)
    report_s, report = timed(lambda: monitoring(organisation, year, themes=False), repeat)
    sql_s, found = timed(lambda: sql_baseline(organisation_id, year), repeat)
    start = time.perf_counter()  # once: tens of seconds at 100k
    themes = young_person_themes(organisation, cases_of(organisation, year))
    themes_s = time.perf_counter() - start
    # The same data: both count every case of the year.
    sql_total = sum(row[3] for row in found["by_setting"])
    sql_answers = sum(row[2] for row in found["answers"])
    return {"report_s": report_s, "sql_s": sql_s, "report_vs_sql": report_s / sql_s,
            "themes_s": themes_s, "themes": sum(len(item.themes) for item in themes),
            "cases_report": report.by_setting.total.value, "cases_sql": sql_total,
            "answers_sql": sql_answers}


def growth(sizes: dict[int, int], year: int) -> dict[str, Any]:
    """The report's time for organisations of each size (cases → organisation id), and the
    slope of log(time) against log(size): 1.0 is linear, under 1 is better than linear."""
    points = {}
    for size, organisation_id in sorted(sizes.items()):
        organisation = Organisation.objects.get(pk=organisation_id)
        seconds, _ = timed(lambda o=organisation: monitoring(  # type: ignore[misc]
            o, year, themes=False),
                           1 if size >= 1_000_000 else 3)
        points[size] = seconds
    xs = [math.log(size) for size in points]
    ys = [math.log(seconds) for seconds in points.values()]
    slope = statistics.linear_regression(xs, ys).slope if len(points) > 1 else float("nan")
    return {"report_s_by_size": {str(k): v for k, v in points.items()},
            "report_growth_slope": slope}
