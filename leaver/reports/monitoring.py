"""The annual monitoring report (seed 002: "The IRO will provide an annual monitoring report
to Joint Senior Managers") for a financial year (1 April to 31 March), from the young
people's cases whose move was notified in it: interviews by home and outcome, uptake, time
from the move to the interview, the answers to every yes/no question, safeguarding concerns
(counts only) and recommendations; offers and consent, days from the record to the IRO's
review, recommendations by their owner's role (leaver.reports.monitoring_parts) and the
themes of the open answers (leaver.reports.free_text). Aggregates only, every count under
disclosure control (leaver.reports.disclosure); a time is shown only over 5 or more
interviews."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone

from leaver.cases.models import Answer, Interview
from leaver.organisations.models import Organisation, Pathway, SettingKind
from leaver.questionnaires.selection import version_for
from leaver.questionnaires.spec import DID_NOT_ANSWER, NOT_ASKED, ItemType
from leaver.reports import monitoring_parts as parts
from leaver.reports.counting import WholeDays, histogram
from leaver.reports.disclosure import THRESHOLD, Protected, protect
from leaver.reports.free_text import young_person_themes
from leaver.reports.monitoring_parts import OFFERS, Days
from leaver.reports.themes import ItemThemes, theme_rows
from leaver.reviews.models import Letter
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


def _empty() -> Protected:
    return protect({}, [])


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
    # Added by issue 12's second part (defaults keep older callers working).
    offers: Protected = field(default_factory=_empty)  # row ALL; columns: OFFERS codes
    to_review: Days = field(default_factory=lambda: Days(0, None, None))  # record to review
    by_owner: Protected = field(default_factory=_empty)  # rows: roles; RECOMMENDATIONS
    themes: list[ItemThemes] = field(default_factory=list)

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


def monitoring(organisation: Organisation, year: int, today: dt.date | None = None, *,
               themes: bool = True) -> Monitoring:
    """The report; `themes=False` leaves out the free-text themes, the costly part (seconds
    per thousand answers), which the page worked out on request leaves to the built report."""
    today = today or timezone.localdate()
    start, end = year_span(year)
    cases = cases_of(organisation, year)
    counts: dict[str, dict[str, int]] = {}
    for setting in organisation.settings.exclude(kind=SettingKind.SCHOOL).order_by("name"):
        counts[setting.name] = {}
    # Counted by the database (GROUP BY): one row per home, state and whether recorded.
    for name, state, recorded, n in cases.annotate(recorded=ExpressionWrapper(
            Q(record__isnull=False), output_field=BooleanField())).values(
            "setting__name", "state", "recorded").annotate(n=Count("pk")).order_by(
            ).values_list("setting__name", "state", "recorded", "n"):
        row = counts.setdefault(name, {})
        code = _outcome(state, bool(recorded))
        row[code] = row.get(code, 0) + n
    questions, answers = _answers(organisation, cases)
    by_setting = protect(counts, [code for code, _ in OUTCOMES])
    by_owner = parts.by_owner(cases, today, [code for code, _ in RECOMMENDATIONS])
    return Monitoring(
        year=year, start=start, end=end, by_setting=by_setting,
        to_interview=_days(cases), questions=questions, answers=answers,
        concerns=_concerns(cases), recommendations=parts.totals_row(by_owner, ALL),
        letters=protect({ALL: {"sent": Letter.objects.filter(
            interview__in=cases, sent_at__isnull=False).count()}}, ["sent"],
            min_row_total=0),
        offers=parts.offers(cases, by_setting, ALL), to_review=parts.review_days(cases),
        by_owner=by_owner,
        themes=young_person_themes(organisation, cases) if themes else [])


def _days(cases: QuerySet[Interview]) -> Days:
    return parts.days_counted(histogram(cases.filter(
        held_at__isnull=False, held_at__gte=F("created_at")).annotate(
        days=WholeDays("created_at", "held_at"))))


def _answers(organisation: Organisation, cases: QuerySet[Interview]
             ) -> tuple[list[tuple[str, str]], Protected]:
    version = version_for(organisation_id=organisation.pk, pathway=Pathway.YOUNG_PERSON)
    items = [i for i in version.questionnaire.items()
             if i.type == ItemType.YES_NO_NOT_SURE] if version is not None else []
    counts: dict[str, dict[str, int]] = {i.key: {} for i in items}
    # By stable key, across questionnaire versions: only the record's answers.
    for key, value, n in Answer.objects.filter(
            interview__in=cases.filter(record__isnull=False),
            item_key__in=list(counts)).values("item_key", "value").annotate(
            n=Count("pk")).order_by().values_list("item_key", "value", "n"):
        counts[key][value] = counts[key].get(value, 0) + n
    questions = [(i.key, i.label.get("en", i.key)) for i in items]
    return questions, protect(counts, [code for code, _ in ANSWERS])


def _concerns(cases: QuerySet[Interview]) -> Protected:
    row = {"open": 0, "referral": 0, "no_further_action": 0}
    for status, outcome, n in Concern.objects.filter(interview__in=cases).values(
            "status", "outcome").annotate(n=Count("pk")).order_by().values_list(
            "status", "outcome", "n"):
        if status != Status.CLOSED:
            row["open"] += n
        elif outcome == Outcome.REFERRAL:
            row["referral"] += n
        else:
            row["no_further_action"] += n
    return protect({ALL: row}, [code for code, _ in CONCERNS], min_row_total=0)


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
    yield from more_rows(report)


def _days_text(value: float | None) -> str:
    return "not shown" if value is None else f"{value:g}"


def more_rows(report: Monitoring) -> Iterator[tuple[str, str, str, str]]:
    """The CSV of the offers, the days to the IRO's review, recommendations by owner's role
    and the themes."""
    offers = report.offers
    for code, label in OFFERS:
        yield "Offers", label, ALL, str(offers.cell(ALL, code))
    yield "Offers", "Offered", ALL, str(offers.row_total(ALL))
    for name, days in (("Days from move notified to interview", report.to_interview),
                       ("Days from record to IRO review", report.to_review)):
        yield name, "Median", ALL, _days_text(days.median)
        yield name, "90th percentile", ALL, _days_text(days.p90)
        yield name, "Interviews", ALL, (
            "fewer than 5" if 0 < days.count < THRESHOLD else str(days.count))
    owners = report.by_owner
    for role in owners.rows:
        for code, label in RECOMMENDATIONS:
            yield "Recommendations by owner's role", role, label, str(owners.cell(role, code))
        yield "Recommendations by owner's role", role, "Completed", completed(owners, role)
        yield "Recommendations by owner's role", role, "Made", str(owners.row_total(role))
    for code, label in RECOMMENDATIONS:
        yield ("Recommendations by owner's role", "All roles", label,
               str(owners.column_total(code)))
    yield ("Recommendations by owner's role", "All roles", "Completed",
           completed(report.recommendations, ALL))
    yield "Recommendations by owner's role", "All roles", "Made", str(owners.total)
    for found in report.themes:
        yield from theme_rows(found)


def completed(table: Protected, row: str) -> str:
    """Answered on time plus answered late: shown only when both are (a sum of two
    published figures gives nothing away)."""
    on_time, late = table.cell(row, "on_time"), table.cell(row, "late")
    if on_time.value is None or late.value is None:
        return "not shown"
    return f"{on_time.value + late.value:,}"
