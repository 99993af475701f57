"""What pyxform, the reference XLSForm implementation, says of a workbook."""

from __future__ import annotations

import re

from leaver.questionnaires.xlsform_format import Problem

_PYXFORM_ROW = re.compile(r"\[row : (\d+)\]")
_PYXFORM_SHEET = re.compile(r"On the '(\w+)' sheet")
_PYXFORM_COLUMN = re.compile(r"the '([\w:]+)' value")


def pyxform_problems(data: bytes) -> list[Problem]:
    """What pyxform says of the workbook: no external validator runs, nothing is fetched."""
    from pyxform.xls2xform import convert

    try:
        convert(data, validate=False, enketo=False, file_type=".xlsx")
    except Exception as exc:  # pyxform raises PyXFormError, and some others for odd input
        message = " ".join(str(exc).split())
        row = _PYXFORM_ROW.search(message)
        sheet = _PYXFORM_SHEET.search(message)
        column = _PYXFORM_COLUMN.search(message)
        return [Problem(sheet.group(1) if sheet else "survey" if row else "",
                        int(row.group(1)) if row else 0, column.group(1) if column else "",
                        f"pyxform: {message}")]
    return []
