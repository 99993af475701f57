"""Opening an XLSForm workbook and reading its sheets' cells, for `xlsform_read`.

A sheet is read as its tidied column headings and its non-empty rows, counted the way pyxform
counts them, so that a problem found in what pyxform made of the workbook can name its row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from leaver.core import limits
from leaver.questionnaires.xlsform_format import Problem


def _cell_text(value: Any) -> str:
    """A cell as text, the way pyxform reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def _header(text: str) -> str:
    """A column heading tidied the way pyxform reads it: "Label :: Welsh (cy)" and
    "label:Welsh (cy)" -> "label::Welsh (cy)"; "List name" -> "list_name"."""
    match = re.fullmatch(r"([^:]*?)\s*(?:::?\s*(.*))?", " ".join(text.split()))
    assert match is not None  # the pattern matches any text
    base = match.group(1).lower().replace(" ", "_")
    return f"{base}::{match.group(2)}" if match.group(2) else base


@dataclass
class Sheet:
    name: str
    headers: list[str]  # in column order, tidied by _header
    rows: list[tuple[int, dict[str, str]]]  # (row number, header -> non-empty value)
    # The row reading stopped at, having read leaver.core.limits.SHEET_ROWS rows; 0: all read.
    cut_at: int = 0

    def used(self, header: str) -> Iterator[int]:
        return (number for number, cells in self.rows if cells.get(header))


def _read_sheet(name: str, ws: Any, problems: list[Problem]) -> Sheet:
    rows = ws.iter_rows(values_only=True)
    headers: list[str | None] = []
    for cell in next(rows, ()):
        header = _header(_cell_text(cell)) or None
        if header is not None and header in headers:
            problems.append(Problem(name, 1, header, "This column heading appears twice."))
            header = None
        headers.append(header)
    sheet = Sheet(name, [h for h in headers if h], [])
    for number, values in enumerate(rows, start=2):
        cells = {h: text for h, v in zip(headers, values, strict=False)
                 if h and (text := _cell_text(v))}
        if cells:
            if len(sheet.rows) == limits.SHEET_ROWS:
                sheet.cut_at = number
                break
            sheet.rows.append((number, cells))
    return sheet


# A questionnaire workbook is a few hundred kilobytes unpacked; refuse a "zip bomb" before
# openpyxl or pyxform unpack it. zipfile never unpacks more than a member's declared size,
# so the declared sizes are a real bound.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def unpacks_too_big(data: bytes) -> Problem | None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return None  # load_sheets reports that this is not a workbook
    if total <= MAX_UNPACKED_BYTES:
        return None
    return Problem("", 0, "", "This workbook unpacks to more than 50 MB, far more than any "
                   "questionnaire needs, so it was not opened.")


def load_sheets(data: bytes, problems: list[Problem]) -> dict[str, Sheet] | None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        problems.append(Problem("", 0, "", "This file is not an Excel workbook (.xlsx): save the "
                                "XLSForm as an .xlsx file and try again "
                                f"({type(exc).__name__}: {exc})."))
        return None
    try:
        return {name.lower(): _read_sheet(name.lower(), workbook[name], problems)
                for name in workbook.sheetnames}
    finally:
        workbook.close()
