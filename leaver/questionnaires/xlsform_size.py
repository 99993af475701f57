"""How big an uploaded questionnaire may be (leaver.core.limits), checked first, for
`xlsform_read`.

An interview questionnaire has tens of questions, not thousands: a workbook over a limit is
refused before its questions, conditions and pyxform are read, so an oversized upload costs
little. Each problem names the sheet, the row where the limit is passed and the column.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from leaver.core import limits
from leaver.questionnaires.xlsform_format import TRANSLATED, Problem
from leaver.questionnaires.xlsform_workbook import Sheet

CONDITIONS = ("relevant", "safeguarding_trigger")
# Rows of the survey sheet that are not questions.
NOT_QUESTIONS = {"begin group", "end group", "begin repeat", "end repeat"}


def file_too_big(size: int) -> Problem | None:
    if size <= limits.UPLOAD_BYTES:
        return None
    return Problem("", 0, "", f"The file is {size / 1024 / 1024:.1f} MB: a questionnaire "
                   f"workbook must be {limits.UPLOAD_BYTES // 1024 // 1024} MB or smaller.")


def size_problems(sheets: Mapping[str, Sheet]) -> list[Problem]:
    """Every limit the workbook passes; empty when it is within all of them."""
    problems = [Problem(name, sheet.cut_at, "", f"The {name} sheet has more than "
                        f"{limits.SHEET_ROWS:,} rows, far more than any questionnaire needs, "
                        "so it was read no further.")
                for name, sheet in sheets.items() if sheet.cut_at]
    if "survey" in sheets:
        problems += _survey(sheets["survey"])
    if "choices" in sheets:
        problems += _choices(sheets["choices"])
    if "settings" in sheets:
        problems += _settings(sheets["settings"])
    return problems


def _too_long(sheet: str, row: int, column: str, text: str, limit: int, what: str
              ) -> list[Problem]:
    if len(text) <= limit:
        return []
    return [Problem(sheet, row, column, f"This is {len(text):,} characters long: {what} can be "
                    f"at most {limit:,} characters.")]


def _survey(sheet: Sheet) -> list[Problem]:
    problems: list[Problem] = []
    questions = groups = 0
    for row, cells in sheet.rows:
        kind = " ".join(cells.get("type", "").lower().replace("_", " ").split())
        if kind == "begin group":
            groups += 1
            if groups == limits.SECTIONS + 1:
                problems.append(Problem("survey", row, "type", f"This is group {groups}: a "
                                        f"questionnaire can have at most {limits.SECTIONS} "
                                        "sections (groups)."))
        elif kind and kind not in NOT_QUESTIONS:
            questions += 1
            if questions == limits.QUESTIONS + 1:
                problems.append(Problem("survey", row, "type", f"This is question {questions}: "
                                        f"a questionnaire can have at most {limits.QUESTIONS} "
                                        "questions."))
        for column, text in cells.items():
            base = column.partition("::")[0]
            if base in TRANSLATED:
                problems += _too_long("survey", row, column, text, limits.WORDING,
                                      "a label, hint or easy-read wording")
            elif base in CONDITIONS:
                problems += _too_long("survey", row, column, text, limits.CONDITION,
                                      "a condition")
    return problems


def _choices(sheet: Sheet) -> list[Problem]:
    problems: list[Problem] = []
    per_list: Counter[str] = Counter()
    for total, (row, cells) in enumerate(sheet.rows, start=1):
        list_name = cells.get("list_name", "")
        per_list[list_name] += 1
        if per_list[list_name] == limits.CHOICES_PER_LIST + 1:
            problems.append(Problem("choices", row, "list_name", f"This is choice "
                                    f"{per_list[list_name]} of the list {list_name!r}: a list "
                                    f"can have at most {limits.CHOICES_PER_LIST} choices."))
        if total == limits.CHOICES + 1:
            problems.append(Problem("choices", row, "", f"This is choice {total:,}: a "
                                    f"questionnaire's lists can have at most "
                                    f"{limits.CHOICES:,} choices together."))
        for column, text in cells.items():
            if column.partition("::")[0] == "label":
                problems += _too_long("choices", row, column, text, limits.CHOICE_LABEL,
                                      "a choice's label")
    return problems


def _settings(sheet: Sheet) -> list[Problem]:
    return [problem for row, cells in sheet.rows for column, text in cells.items()
            if column.startswith("form_title")
            for problem in _too_long("settings", row, column, text, limits.TITLE, "a title")]
