"""Words that look like spreadsheet formulas are exported as words, never formulas."""

from __future__ import annotations

import io

import openpyxl

from leaver.questionnaires.spec import Item, ItemType, Questionnaire, Section
from leaver.questionnaires.xlsform import read_xlsform, write_xlsform

DANGEROUS = ['=HYPERLINK("http://evil.example","Click")', "+1+2", "-2+3", "@SUM(A1)"]


def test_formula_like_labels_are_stored_as_text_and_round_trip():
    q = Questionnaire(key="formulas", title={"en": "Formulas"}, version="1", sections=(
        Section(key="s", title={"en": "S"}, items=tuple(
            Item(key=f"q{n}", type=ItemType.SHORT_TEXT, label={"en": text})
            for n, text in enumerate(DANGEROUS))),
    ))
    data = write_xlsform(q)
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for row in book["survey"].iter_rows() for c in row if c.value in DANGEROUS]
    assert len(cells) == len(DANGEROUS)
    assert all(c.data_type == "s" for c in cells)
    assert read_xlsform(data) == q
