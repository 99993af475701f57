"""What pyxform, the reference XLSForm implementation, makes of a workbook: its parsed form (the
nested dictionary of `pyxform.xls2json.workbook_to_json`, with every alias, language spelling
and default resolved), checked by building the XForm from it. No external validator runs and
nothing is fetched.

Two things are changed before pyxform reads the sheets: `label:English` (one colon, which
pyxform passes through untranslated) is read as `label::English`, and `or_other` is taken off
select types (this engine adds the "Other" choice and its question itself; pyxform would add
"other" to the shared list of every question using it).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any

from leaver.questionnaires.xlsform_format import TRANSLATED, Problem

_PYXFORM_ROW = re.compile(r"\[row : (\d+)\]")
_PYXFORM_SHEET = re.compile(r"On the '(\w+)' sheet|for sheet: '(\w+)'")
_PYXFORM_COLUMN = re.compile(r"the '([\w:]+)' value")
_ONE_COLON = re.compile(r"\s*([A-Za-z_]+)\s*:(?!:)\s*(.+)")
_OR_OTHER = re.compile(r"\s+or(?:_other| other| specify other)\s*$", re.IGNORECASE)


def _key(header: str) -> str:
    match = _ONE_COLON.fullmatch(header)
    if match and match.group(1).lower() in (*TRANSLATED, "form_title"):
        return f"{match.group(1)}::{match.group(2).strip()}"
    return header


def _rows(rows: Sequence[Mapping[str, Any]] | None, or_other: set[int] = frozenset()  # type: ignore[assignment]
          ) -> list[dict[str, Any]] | None:
    if rows is None:
        return None
    tidied = []
    for number, row in enumerate(rows, start=2):
        cells = {_key(str(k)): v for k, v in row.items()}
        if number in or_other and isinstance(cells.get("type"), str):
            cells["type"] = _OR_OTHER.sub("", cells["type"])
        tidied.append(cells)
    return tidied


def _problem(exc: Exception) -> Problem:
    message = " ".join(str(exc).split())
    row = _PYXFORM_ROW.search(message)
    sheet = _PYXFORM_SHEET.search(message)
    column = _PYXFORM_COLUMN.search(message)
    return Problem((sheet.group(1) or sheet.group(2)) if sheet else "survey" if row else "",
                   int(row.group(1)) if row else 0, column.group(1) if column else "",
                   f"pyxform: {message}")


def parsed_form(data: bytes, or_other: set[int], fallback_name: str | None
                ) -> tuple[dict[str, Any] | None, list[Problem]]:
    """pyxform's parsed form of the workbook `data` (rows `or_other` have or_other taken off
    their type; `fallback_name` names a form without a form_id), and what pyxform says is
    wrong: the form is None when pyxform could not read the sheets, and there is a problem
    also when it read them but could not make an XForm of them."""
    from pyxform.builder import create_survey_element_from_dict
    from pyxform.xls2json import workbook_to_json
    from pyxform.xls2json_backends import get_xlsform

    warnings: list[str] = []
    try:
        workbook = get_xlsform(data, file_type=".xlsx")
        workbook = dataclasses.replace(
            workbook, survey=_rows(workbook.survey, or_other), choices=_rows(workbook.choices),
            settings=_rows(workbook.settings), survey_header=_rows(workbook.survey_header),
            choices_header=_rows(workbook.choices_header),
            settings_header=_rows(workbook.settings_header), fallback_form_name=fallback_name)
        form: dict[str, Any] = workbook_to_json(
            workbook, fallback_form_name=fallback_name, warnings=warnings)
    except Exception as exc:  # pyxform raises PyXFormError, and some others for odd input
        return None, [_problem(exc)]
    try:
        create_survey_element_from_dict(form).to_xml(validate=False, warnings=warnings)
    except Exception as exc:  # as above
        return form, [_problem(exc)]
    return form, []


def pyxform_problems(data: bytes) -> list[Problem]:
    """What pyxform says of the workbook as it is: [] when it accepts it."""
    from pyxform.xls2xform import convert

    try:
        convert(data, validate=False, enketo=False, file_type=".xlsx")
    except Exception as exc:  # pyxform raises PyXFormError, and some others for odd input
        return [_problem(exc)]
    return []
