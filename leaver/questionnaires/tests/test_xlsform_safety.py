"""XLSForm files are safe both ways: formula-looking words are exported as words, and a
workbook that would unpack to gigabytes is never opened."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from leaver.questionnaires.spec import Item, ItemType, Questionnaire, Section
from leaver.questionnaires.xlsform import XLSFormError, read_xlsform, write_xlsform

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


def test_a_workbook_that_unpacks_to_gigabytes_is_not_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert len(buffer.getvalue()) < 1024 * 1024  # small to upload, huge to open
    with pytest.raises(XLSFormError) as refused:
        read_xlsform(buffer.getvalue())
    assert "unpacks to more than 50 MB" in str(refused.value)
