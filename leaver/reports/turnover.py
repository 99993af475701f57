"""Staff turnover for a school year (seed 000: exit interviews "can be used to help to
develop a strategy to reduce staff turnover"): leavers by reason and school, mean scores by
area, "would recommend", the action plans' status, leavers by role and department and by
term over five years (leaver.reports.turnover_groups), and the themes of what would have made
them stay (leaver.reports.free_text). Aggregates only, every count under disclosure control
(leaver.reports.disclosure); a mean is shown only over 5 or more answers.

Leavers who chose "anonymous in reports" count only in aggregates: never quoted, and in the
tables by school, role, department and term never in a group of their own kind but in one row
(or column) of their own, shown only when 5 or more chose it and otherwise counted only in the
total. Their answers count in the means, "would recommend" and the themes, each of which
covers 5 answers or more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation, Pathway, Setting
from leaver.pathways.staff.models import Confidentiality, StaffLeaver
from leaver.pathways.staff.reasons import reason_choices, staff_version
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import ItemType
from leaver.reports import turnover_groups as groups
from leaver.reports.disclosure import THRESHOLD, Protected, protect
from leaver.reports.free_text import STAY_ITEM, staff_themes
from leaver.reports.themes import ItemThemes, theme_rows
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


def _empty() -> Protected:
    return protect({}, [groups.LEAVERS])


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
    # Added by issue 12's second part (defaults keep older callers working).
    by_role: Protected = field(default_factory=_empty)  # rows: roles; column: LEAVERS
    by_department: Protected = field(default_factory=_empty)
    trends: Protected = field(default_factory=_empty)  # rows: year labels; columns: TERMS
    stay: ItemThemes | None = None  # what would have made them stay

    @property
    def label(self) -> str:
        return f"{self.year} to {self.year + 1}"

    @property
    def trend_years(self) -> list[str]:
        return [groups.year_label(y) for y in groups.trend_years(self.year)]


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
    counts[groups.ANONYMOUS] = {}  # shown only with 5 or more; else only in the totals
    names = {s.pk: s.name for s in schools}
    roles: list[tuple[str, bool]] = []
    departments: list[tuple[str, bool]] = []
    for setting_id, code, chosen, role, department in StaffLeaver.objects.filter(
            interview__in=cases).values_list("interview__setting_id", "reason_code",
                                             "confidentiality", "job_role", "department"):
        code = code if code in known else "other"
        anonymous = chosen == Confidentiality.ANONYMOUS
        row = counts[groups.ANONYMOUS if anonymous else names[setting_id]]
        row[code] = row.get(code, 0) + 1
        roles.append((role, anonymous))
        departments.append((department, anonymous))
    if any("other" in row for row in counts.values()) and "other" not in known:
        reasons.append(("other", "Other"))
    recorded = cases.filter(record__isnull=False)
    first, _ = year_span(groups.trend_years(year)[0])
    over_years = StaffLeaver.objects.filter(
        interview__organisation=organisation, interview__pathway=Pathway.STAFF,
        interview__setting__in=schools, leaving_date__range=(first, end)).values_list(
        "leaving_date", "confidentiality")
    return Turnover(
        year=year, start=start, end=end, schools=schools, reasons=reasons,
        by_reason=protect(counts, [code for code, _ in reasons]),
        scores=_scores(version, recorded), recommend=_recommend(recorded),
        actions=_actions(cases, today),
        by_role=groups.by_group(roles, "Other roles"),
        by_department=groups.by_group(departments, "Other departments"),
        trends=groups.by_term(((day, chosen == Confidentiality.ANONYMOUS)
                               for day, chosen in over_years), year),
        stay=staff_themes(organisation, cases, _question(version, STAY_ITEM)))


def _question(version: Version | None, key: str) -> str:
    for item in version.questionnaire.items() if version is not None else []:
        if item.key == key:
            return item.label.get("en", key)
    return "What would have made you stay"


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
    yield from group_rows(report)
    if report.stay is not None:
        yield from theme_rows(report.stay)


def group_rows(report: Turnover) -> Iterator[tuple[str, str, str, str]]:
    """The CSV of the tables by role, department and term."""
    for name, table, everyone in (("Leavers by role", report.by_role, "All roles"),
                                  ("Leavers by department", report.by_department,
                                   "All departments")):
        for row in table.rows:
            yield name, row, "Leavers", str(table.row_total(row))
        yield name, everyone, "Leavers", str(table.total)
    trends = report.trends
    for row in trends.rows:
        for code, label in groups.TERMS:
            yield "Leavers by term", row, label, str(trends.cell(row, code))
        yield "Leavers by term", row, "All terms", str(trends.row_total(row))

