"""Reading an XLSForm workbook's settings sheet: template key, title, version, language."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaver.questionnaires.spec import DEFAULT_LANGUAGE, Text
from leaver.questionnaires.xlsform_format import (
    FORM_ID,
    LANGUAGE_CODE,
    SETTINGS_COLUMNS,
    Problem,
    language_code,
)
from leaver.questionnaires.xlsform_workbook import Sheet, check_columns


@dataclass
class Settings:
    key: str = ""
    title: Text = field(default_factory=dict)
    version: str = ""
    language: str = DEFAULT_LANGUAGE


def read_settings(sheet: Sheet | None, problems: list[Problem]) -> Settings:
    settings = Settings()
    if sheet is None:
        problems.append(Problem("settings", 0, "", "The workbook needs a settings sheet with a "
                                "form_id (the template key) and a form_title."))
        return settings
    titles = {h: h.removeprefix("form_title_") for h in sheet.headers
              if h.startswith("form_title_")}
    check_columns(sheet, [*SETTINGS_COLUMNS, *titles], [], problems)
    cells: dict[str, str] = {}
    for row, values in sheet.rows:
        if row == 2:
            cells = values
        else:
            problems.append(Problem("settings", row, "", "The settings sheet has one row of "
                                    "values, row 2."))
    if language := cells.get("default_language"):
        code = language_code(language)
        if code is None:
            problems.append(Problem("settings", 2, "default_language", "Write the language "
                                    "as 'Name (code)', for example 'English (en)'."))
        settings.language = code or DEFAULT_LANGUAGE
    settings.key = cells.get("form_id", "")
    if not FORM_ID.fullmatch(settings.key):
        problems.append(Problem("settings", 2, "form_id", f"The form_id {settings.key!r} is not "
                                "a valid template key: use lowercase letters, digits, - and _, "
                                "starting with a letter or digit, at most 64 characters."))
    settings.version = cells.get("version", "")
    title = cells.get("form_title") or settings.key
    settings.title = {settings.language: title} if title else {}
    for header, code in titles.items():
        if not LANGUAGE_CODE.fullmatch(code):
            problems.append(Problem("settings", 1, header, "Name the column form_title_ and a "
                                    "language code, for example form_title_cy."))
        elif cells.get(header):
            settings.title[code] = cells[header]
    if DEFAULT_LANGUAGE not in settings.title and settings.key:
        problems.append(Problem("settings", 2, "form_title", "The form needs an English title "
                                f"(column form_title_{DEFAULT_LANGUAGE})."))
    return settings
