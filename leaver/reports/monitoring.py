"""The annual monitoring report (seed 002: "The IRO will provide an annual monitoring report
to Joint Senior Managers") for a financial year (1 April to 31 March), from the young
people's cases whose move was notified in it: interviews by home and outcome, uptake, time
from the move to the interview, the answers to every yes/no question, safeguarding concerns
(counts only) and recommendations. Aggregates only, every count under disclosure control
(leaver.reports.disclosure); a time is shown only over 5 or more interviews."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.utils import timezone

from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation, Pathway, SettingKind
from leaver.questionnaires.selection import version_for
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, ItemType
from leaver.reports.disclosure import THRESHOLD, Protected, protect
from leaver.reviews.models import Letter, Recommendation
from leaver.safeguarding.models import Concern, Outcome, Status

ALL = "All homes and placements"
OUTCOMES = [
    ("completed", "Interviewed"), ("in_progress", "Still in progress"),
    ("declined", "Declined"), ("not_feasible", "Not feasible"), ("withdrawn", "Withdrawn"),
    ("unable_to_contact", "Unable to contact"),
]
ENDED = {"declined", "not_feasible", "withdrawn", "unable_to_contact"}
ANSWERS = [("yes", "Yes"), ("no", "No"), ("not_sure", "Not sure"),
           (DID_NOT_ANSWER, "Did not want to answer"), (NOT_ASKED, "Not asked")]
CONCERNS = [("referral", "Referral made"), ("no_further_action", "No further action"),
            ("open", "Still open")]
RECOMMENDATIONS = [("on_time", "Answered on time"), ("late", "Answered late"),
                   ("overdue", "Overdue"), ("waiting", "Not yet due")]


def financial_year(day: dt.date) -> int:
    """The financial year (1 April to 31 March) a day falls in, by its starting year."""
    return day.year if day.month >= 4 else day.year - 1


def year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 4, 1), dt.date(year + 1, 3, 31)


@dataclass(frozen=True)
class Days:
    """Days from one step to another: the median and 90th percentile, over `count`."""

    count: int
    median: float | None  # None: fewer than 5
    p90: float | None


@dataclass(frozen=True)
class Monitoring:
    year: int
    start: dt.date
    end: dt.date
    by_setting: Protected  # rows: setting names; columns: OUTCOMES codes
    to_interview: Days
    questions: list[tuple[str, str]]  # (key, question)
    answers: Protected  # rows: question keys; columns: ANSWERS codes
    concerns: Protected
    recommendations: Protected
    letters: Protected

    @property
    def label(self) -> str:
        return f"April {self.year} to March {self.year + 1}"

    @property
    def uptake(self) -> str:
        """Interviewed as a share of moves notified, only when both are published."""
        done, moves = self.by_setting.column_total("completed"), self.by_setting.total
        if done.value is None or moves.value is None or not moves.value:
            return "not shown"
        return f"{round(100 * done.value / moves.value)}%"


def _outcome(state: str, recorded: bool) -> str:
    if recorded:
        return "completed"
    return state if state in ENDED else "in_progress"


def cases_of(organisation: Organisation, year: int) -> QuerySet[Interview]:
    start, end = year_span(year)
    return Interview.objects.filter(
        organisation=organisation, pathway=Pathway.YOUNG_PERSON,
        created_at__date__range=(start, end))


def monitoring(organisation: Organisation, year: int, today: dt.date | None = None
               ) -> Monitoring:
    today = today or timezone.localdate()
    start, end = year_span(year)
    cases = cases_of(organisation, year)
    counts: dict[str, dict[str, int]] = {}
    for setting in organisation.settings.exclude(kind=SettingKind.SCHOOL).order_by("name"):
        counts[setting.name] = {}
    for name, state, record in cases.values_list("setting__name", "state", "record"):
        row = counts.setdefault(name, {})
        code = _outcome(state, record is not None)
        row[code] = row.get(code, 0) + 1
    questions, answers = _answers(organisation, cases)
    return Monitoring(
        year=year, start=start, end=end,
        by_setting=protect(counts, [code for code, _ in OUTCOMES]),
        to_interview=_days(cases), questions=questions, answers=answers,
        concerns=_concerns(cases), recommendations=_recommendations(cases, today),
        letters=protect({ALL: {"sent": Letter.objects.filter(
            interview__in=cases, sent_at__isnull=False).count()}}, ["sent"],
            min_row_total=0))


def _days(cases: QuerySet[Interview]) -> Days:
    waits = sorted(
        (held - created).days for created, held in cases.filter(
            held_at__isnull=False, held_at__gte=F("created_at")).values_list(
            "created_at", "held_at") if held is not None)
    if len(waits) < THRESHOLD:
        return Days(len(waits), None, None)
    deciles = statistics.quantiles(waits, n=10, method="inclusive")
    return Days(len(waits), statistics.median(waits), deciles[-1])


def _answers(organisation: Organisation, cases: QuerySet[Interview]
             ) -> tuple[list[tuple[str, str]], Protected]:
    version = version_for(organisation_id=organisation.pk, pathway=Pathway.YOUNG_PERSON)
    items = [i for i in version.questionnaire.items()
             if i.type == ItemType.YES_NO_NOT_SURE] if version is not None else []
    counts: dict[str, dict[str, int]] = {i.key: {} for i in items}
    # By stable key, across questionnaire versions: only the record's answers.
    for key, value in Answer.objects.filter(
            interview__in=cases.filter(record__isnull=False),
            item_key__in=list(counts)).values_list("item_key", "value"):
        counts[key][value] = counts[key].get(value, 0) + 1
    questions = [(i.key, i.label.get("en", i.key)) for i in items]
    return questions, protect(counts, [code for code, _ in ANSWERS])


def _concerns(cases: QuerySet[Interview]) -> Protected:
    row = {"open": 0, "referral": 0, "no_further_action": 0}
    for status, outcome in Concern.objects.filter(interview__in=cases).values_list(
            "status", "outcome"):
        if status != Status.CLOSED:
            row["open"] += 1
        elif outcome == Outcome.REFERRAL:
            row["referral"] += 1
        else:
            row["no_further_action"] += 1
    return protect({ALL: row}, [code for code, _ in CONCERNS], min_row_total=0)


def _recommendations(cases: QuerySet[Interview], today: dt.date) -> Protected:
    row = {code: 0 for code, _ in RECOMMENDATIONS}
    for due, responded in Recommendation.objects.filter(
            interview__in=cases, withdrawn_at__isnull=True).values_list(
            "due_date", "responded_at"):
        if responded is not None:
            row["on_time" if timezone.localdate(responded) <= due else "late"] += 1
        else:
            row["overdue" if due < today else "waiting"] += 1
    return protect({ALL: row}, [code for code, _ in RECOMMENDATIONS], min_row_total=0)


def table_rows(report: Monitoring) -> Iterator[tuple[str, str, str, str]]:
    """(table, row, column, figure as shown) for every figure of the report: the CSV."""
    table = report.by_setting
    for setting in table.rows:
        for code, label in OUTCOMES:
            yield "Interviews by home", setting, label, str(table.cell(setting, code))
        yield "Interviews by home", setting, "Moves notified", str(table.row_total(setting))
    for code, label in OUTCOMES:
        yield "Interviews by home", ALL, label, str(table.column_total(code))
    yield "Interviews by home", ALL, "Moves notified", str(table.total)
    yield "Interviews by home", ALL, "Uptake", report.uptake
    for key, question in report.questions:
        if key in report.answers.rows:
            for code, label in ANSWERS:
                yield "Answers", question, label, str(report.answers.cell(key, code))
    for name, codes, found in (("Safeguarding concerns", CONCERNS, report.concerns),
                               ("Recommendations", RECOMMENDATIONS, report.recommendations)):
        for code, label in codes:
            yield name, label, ALL, str(found.cell(ALL, code))
    yield "Letters", "Sent", ALL, str(report.letters.cell(ALL, "sent"))
