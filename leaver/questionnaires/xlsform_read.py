"""Reading an XLSForm workbook: see `leaver.questionnaires.xlsform` for what is read.

Size first (xlsform_size), then the cells row by row for what is refused or ignored
(xlsform_scan), then pyxform's parsed form (xlsform_pyxform) made into a spec with this
engine's rules (xlsform_parsed). The settings sheet is read here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from leaver.questionnaires.spec import DEFAULT_LANGUAGE, Questionnaire, Section, Text
from leaver.questionnaires.xlsform_format import (
    FORM_ID,
    LANGUAGE_CODE,
    Problem,
    XLSFormError,
    language_code,
)
from leaver.questionnaires.xlsform_parsed import FormReader
from leaver.questionnaires.xlsform_pyxform import parsed_form
from leaver.questionnaires.xlsform_scan import Scan, condition_problems, scan
from leaver.questionnaires.xlsform_size import file_too_big, size_problems
from leaver.questionnaires.xlsform_workbook import Sheet, load_sheets, unpacks_too_big


@dataclass(frozen=True)
class Imported:
    """A workbook read: its questionnaire, and what in it was ignored (by sheet and column, or
    row), or said of it (a form_id taken from the file name)."""

    questionnaire: Questionnaire
    warnings: list[Problem] = field(default_factory=list)


@dataclass
class _Settings:
    key: str = ""
    title: Text = field(default_factory=dict)
    version: str = ""
    language: str = DEFAULT_LANGUAGE


def key_from_file_name(name: str) -> str:
    """A file name as a template key: "My Form (v2).xlsx" -> "my-form-v2"."""
    return _as_key(Path(name).stem) or "questionnaire"


def _as_key(text: str) -> str:
    """Text as a template key: lowercase, runs of other characters as "-", at most 64."""
    return re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")[:64].strip("-_")


def _settings(sheet: Sheet | None, file_name: str | None, result: Scan) -> _Settings:
    settings = _Settings()
    cells = sheet.rows[0][1] if sheet is not None and sheet.rows else {}
    if language := cells.get("default_language"):
        settings.language = language_code(language)
    settings.key = cells.get("form_id", "")
    if not settings.key:
        settings.key = key_from_file_name(file_name or "questionnaire")
        result.warnings.append(Problem("settings", 0, "form_id", "There is no form_id, so the "
                                       f"template key is {settings.key!r}, from the file name."))
    elif not FORM_ID.fullmatch(settings.key) and FORM_ID.fullmatch(_as_key(settings.key)):
        written, settings.key = settings.key, _as_key(settings.key)
        result.warnings.append(Problem("settings", 2, "form_id", f"The form_id {written!r} is "
                                       f"not a template key as written, so the template key is "
                                       f"{settings.key!r}: lowercase, other characters as -."))
    elif not FORM_ID.fullmatch(settings.key):
        result.problems.append(Problem("settings", 2, "form_id", f"The form_id {settings.key!r} "
                                       "is not a valid template key: use lowercase letters, "
                                       "digits, - and _, starting with a letter or digit, at "
                                       "most 64 characters."))
    settings.version = cells.get("version", "")
    title = cells.get("form_title") or settings.key
    settings.title = {settings.language: title}
    for header, words in cells.items():
        code = header.removeprefix("form_title_")
        if header.startswith("form_title_") and LANGUAGE_CODE.fullmatch(code):
            settings.title[code] = words
        elif header.startswith("form_title_"):
            result.problems.append(Problem("settings", 1, header, "Name the column form_title_ "
                                           "and a language code, for example form_title_cy."))
    if DEFAULT_LANGUAGE not in settings.title:
        settings.title = {DEFAULT_LANGUAGE: settings.key, **settings.title}
        result.warnings.append(Problem("settings", 0, f"form_title_{DEFAULT_LANGUAGE}", "There "
                                       "is no English title, so the English title is "
                                       f"{settings.key!r}, the form_id; add a column "
                                       f"form_title_{DEFAULT_LANGUAGE} to give one."))
    return settings


def _choice_rows(sheet: Sheet | None) -> dict[tuple[str, str], int]:
    rows: dict[tuple[str, str], int] = {}
    for row, cells in sheet.rows if sheet is not None else ():
        rows.setdefault((cells.get("list_name", ""), cells.get("name", "")), row)
    return rows


def read(source: str | os.PathLike[str] | bytes, file_name: str | None = None) -> Imported:
    """See `leaver.questionnaires.xlsform.import_xlsform`."""
    if isinstance(source, bytes):
        data = source
    else:
        file_name = file_name or os.fspath(source)
        try:
            with open(source, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise XLSFormError([Problem("", 0, "", f"The file cannot be read: {exc}.")]) from exc
    too_big = file_too_big(len(data)) or unpacks_too_big(data)
    if too_big:
        raise XLSFormError([too_big])
    loading: list[Problem] = []
    sheets = load_sheets(data, loading)
    if sheets is None:
        raise XLSFormError(loading)
    # Over a size limit: refused before its questions, conditions and pyxform are read.
    over = size_problems(sheets)
    if over:
        raise XLSFormError(loading + over)
    result = scan(sheets)
    result.problems += loading
    if "survey" not in sheets:
        result.problems.append(Problem("survey", 0, "", "The workbook has no 'survey' sheet."))
        raise XLSFormError(result.problems)
    settings = _settings(sheets.get("settings"), file_name, result)
    form, pyxform = parsed_form(data, result.or_other, settings.key)
    sections: tuple[Section, ...] = ()
    if form is None:
        result.problems += condition_problems(sheets)
    else:
        sections = FormReader(form, result, settings.language, settings.title,
                              _choice_rows(sheets.get("choices"))).sections()
    # pyxform stops at its first error, which is usually one found here as well.
    seen = {(p.sheet, p.row) for p in result.problems}
    problems = list(dict.fromkeys(result.problems + [
        p for p in pyxform if not result.problems or (p.row and (p.sheet, p.row) not in seen)]))
    if problems or form is None:
        raise XLSFormError(_one_per_cell(problems))
    return Imported(Questionnaire(settings.key, settings.title, settings.version, sections),
                    result.warnings)


def _one_per_cell(problems: list[Problem]) -> list[Problem]:
    """The first problem found with each cell (a duplicate name is found twice)."""
    cells: dict[object, Problem] = {}
    for number, problem in enumerate(problems):
        cell = (problem.sheet, problem.row, problem.column) if problem.row else number
        cells.setdefault(cell, problem)
    return list(cells.values())
