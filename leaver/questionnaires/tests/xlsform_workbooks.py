"""Small XLSForm workbooks built cell by cell, for the XLSForm tests."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import openpyxl

from leaver.questionnaires.xlsform import Problem

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SETTINGS = [["form_title", "form_id", "version"], ["Test form", "test-form", "1"]]
CHOICES = [["list_name", "name", "label"],
           ["yes_no_not_sure", "yes", "Yes"], ["yes_no_not_sure", "no", "No"],
           ["yes_no_not_sure", "not_sure", "Not sure"],
           ["colours", "red", "Red"], ["colours", "blue", "Blue"]]
HEADER = ["type", "name", "label", "relevant"]


def workbook(survey: list[list[Any]], choices: list[list[Any]] | None = CHOICES,
             settings: list[list[Any]] | None = SETTINGS) -> bytes:
    """A workbook with these rows (the first of each is the header); None leaves a sheet out."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in (("survey", survey), ("choices", choices), ("settings", settings)):
        if rows is not None:
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
    data = BytesIO()
    book.save(data)
    return data.getvalue()


def where(problems: list[Problem]) -> list[tuple[str, int, str]]:
    return [(p.sheet, p.row, p.column) for p in problems]
