"""Staff turnover for a school year (seed 000: exit interviews "can be used to help to
develop a strategy to reduce staff turnover"): leavers by reason and school, mean scores by
area, "would recommend", and the action plans' status. Aggregates only, every count under
disclosure control (leaver.reports.disclosure); a mean is shown only over 5 or more answers.
Leavers who chose "anonymous in reports" count here like everyone else: only in totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils import timezone

from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation, Pathway, Setting
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.staff.reasons import reason_choices, staff_version
from leaver.questionnaires.spec import ItemType
from leaver.reports.disclosure import THRESHOLD, Protected, protect
from leaver.reviews.models import Recommendation

ALL = "All schools"
RECOMMEND_ITEM = "recommend_working_here"
RECOMMEND = [("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure")]
ACTIONS = [("open", "Open"), ("overdue", "Overdue"), ("done", "Done")]


def school_year(day: dt.date) -> int:
    """The school year (1 September to 31 August) a day falls in, by its starting year."""
    return day.year if day.month >= 9 else day.year - 1


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)


@dataclass(frozen=True)
class Score:
    area: str
    mean: float | None  # None: fewer than 5 answers
    answers: int

    @property
    def answers_text(self) -> str:
        return "fewer than 5" if 0 < self.answers < THRESHOLD else str(self.answers)


@dataclass(frozen=True)
class Turnover:
    year: int
    start: dt.date
    end: dt.date
    schools: list[Setting]
    reasons: list[tuple[str, str]]
    by_reason: Protected  # rows: school names; columns: reason codes
    scores: list[Score]
    recommend: Protected
    actions: Protected

    @property
    def label(self) -> str:
        return f"{self.year} to {self.year + 1}"


def turnover(organisation: Organisation, schools: list[Setting], year: int,
             today: dt.date | None = None) -> Turnover:
    today = today or timezone.localdate()
    start, end = year_span(year)
    cases = Interview.objects.filter(
        organisation=organisation, pathway=Pathway.STAFF, setting__in=schools,
        staff_leaver__leaving_date__range=(start, end))
    version = staff_version(organisation.pk)
    reasons = reason_choices(version)
    known = {code for code, _ in reasons}
    counts: dict[str, dict[str, int]] = {s.name: {} for s in schools}
    names = {s.pk: s.name for s in schools}
    for setting_id, code in StaffLeaver.objects.filter(interview__in=cases).values_list(
            "interview__setting_id", "reason_code"):
        code = code if code in known else "other"
        row = counts[names[setting_id]]
        row[code] = row.get(code, 0) + 1
    if any("other" in row for row in counts.values()) and "other" not in known:
        reasons.append(("other", "Other"))
    recorded = cases.filter(record__isnull=False)
    return Turnover(
        year=year, start=start, end=end, schools=schools, reasons=reasons,
        by_reason=protect(counts, [code for code, _ in reasons]),
        scores=_scores(version, recorded), recommend=_recommend(recorded),
        actions=_actions(cases, today))


def _scores(version: object, recorded: object) -> list[Score]:
    items = [i for i in version.questionnaire.items()  # type: ignore[attr-defined]
             if i.type == ItemType.SCALE] if version is not None else []
    values: dict[str, list[int]] = {i.key: [] for i in items}
    for key, value in Answer.objects.filter(
            interview__in=recorded, item_key__in=list(values)).values_list(
            "item_key", "value"):
        if value.isdigit():
            values[key].append(int(value))
    found = []
    for item in items:
        got = values[item.key]
        shown = len(got) >= THRESHOLD
        found.append(Score(item.label.get("en", item.key),
                           round(sum(got) / len(got), 1) if shown else None, len(got)))
    return found


def _recommend(recorded: object) -> Protected:
    row: dict[str, int] = {}
    for value in Answer.objects.filter(interview__in=recorded,
                                       item_key=RECOMMEND_ITEM).values_list("value", flat=True):
        row[value] = row.get(value, 0) + 1
    return protect({ALL: row}, [code for code, _ in RECOMMEND], min_row_total=0)


def _actions(cases: object, today: dt.date) -> Protected:
    row = {code: 0 for code, _ in ACTIONS}
    for due, responded in Recommendation.objects.filter(
            interview__in=cases, withdrawn_at__isnull=True).values_list(
            "due_date", "responded_at"):
        row["done" if responded is not None else "overdue" if due < today else "open"] += 1
    return protect({ALL: row}, [code for code, _ in ACTIONS], min_row_total=0)


def table_rows(report: Turnover) -> Iterator[tuple[str, str, str, str]]:
    """(table, row, column, figure as shown) for every figure of the report: the CSV."""
    reasons = dict(report.reasons)
    by_reason = report.by_reason
    for code, label in report.reasons:
        for school in by_reason.rows:
            yield "Leavers by reason", reasons[code], school, str(by_reason.cell(school, code))
        yield "Leavers by reason", label, ALL, str(by_reason.column_total(code))
    for school in by_reason.rows:
        yield "Leavers by reason", "All reasons", school, str(by_reason.row_total(school))
    yield "Leavers by reason", "All reasons", ALL, str(by_reason.total)
    for score in report.scores:
        yield ("Mean score (1 to 5)", score.area, "Mean",
               "not shown" if score.mean is None else str(score.mean))
        yield "Mean score (1 to 5)", score.area, "Answers", score.answers_text
    for code, label in RECOMMEND:
        yield "Would recommend working here", label, ALL, str(report.recommend.cell(ALL, code))
    for code, label in ACTIONS:
        yield "Action plans", label, ALL, str(report.actions.cell(ALL, code))
