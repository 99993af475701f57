"""Every closed answer of a financial year as one CSV: one row per answer, pseudonymous.

For analysts beyond the annual report's tables (the IROs and CSMs: leaver.reports.access).
A row names the case only by its public reference (a UUID), the home, the questionnaire version,
the question's stable key and words, and the answer's stored value. Only closed questions (yes /
no / not sure, choices, scales): no free text, no names. The cases are those of the annual
report (leaver.reports.monitoring.cases_of) whose record was submitted.

The rows stream from a server-side cursor (`.iterator(chunk_size=…)`), so memory stays flat
however many answers there are (bench/ measures it), and the number of queries does not grow
with the rows.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Q

from leaver.cases.models import Answer
from leaver.core.spreadsheets import csv_lines
from leaver.organisations.models import Organisation, Pathway
from leaver.questionnaires.models import Version
from leaver.questionnaires.spec import CHOICE_TYPES
from leaver.reports.monitoring import cases_of

HEADER = ("Case reference", "Home", "Questionnaire version", "Question key", "Question",
          "Answer")
CHUNK = 2000


def _closed_questions(organisation: Organisation) -> dict[int, tuple[str, dict[str, str]]]:
    """For each of the organisation's young people's questionnaire versions: its name (key
    and number) and the words of each closed question, by key."""
    found: dict[int, tuple[str, dict[str, str]]] = {}
    for version in Version.objects.filter(
            template__organisation=organisation,
            template__pathway=Pathway.YOUNG_PERSON).select_related("template"):
        questions = {item.key: item.label.get("en", item.key)
                     for item in version.questionnaire.items() if item.type in CHOICE_TYPES}
        found[version.pk] = (f"{version.template.key} v{version.number}", questions)
    return found


def answer_rows(organisation: Organisation, year: int, *, limit: int | None = None
                ) -> Iterator[tuple[str, str, str, str, str, str]]:
    """(case reference, home, version, key, question, answer) for each closed answer of the
    year's recorded cases, case by case. `limit`: only the first so many (bench/)."""
    versions = _closed_questions(organisation)
    closed = Q(pk__in=[])
    for pk, (_name, questions) in versions.items():
        closed |= Q(version_id=pk, item_key__in=list(questions))
    answers = Answer.objects.filter(
        closed, interview__in=cases_of(organisation, year).filter(record__isnull=False)
    ).order_by("interview_id", "item_key").values_list(
        "interview__public_id", "interview__setting__name", "version_id", "item_key", "value")
    if limit is not None:
        answers = answers[:limit]
    for case, home, version_id, key, value in answers.iterator(chunk_size=CHUNK):
        name, questions = versions[version_id]
        yield str(case), home, name, key, questions[key], value


def answers_csv(organisation: Organisation, year: int, *, limit: int | None = None
                ) -> Iterator[str]:
    """The CSV, line by line, every cell formula-safe (leaver.core.spreadsheets)."""
    return csv_lines(HEADER, answer_rows(organisation, year, limit=limit))
