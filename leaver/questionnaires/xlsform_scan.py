"""The workbook's cells, row by row, before pyxform reads it: what is refused where it is used
(by sheet, row and column), which columns are ignored (by sheet and column), and where each
survey name is, so that later problems can name their row.

Refused: question types that would change what is asked or recorded (`REFUSED_TYPES`: repeats,
calculations, locations, media capture, choices from a file, OpenStreetMap, …), the columns of
`REFUSED_COLUMNS`, wording that pipes in answers (`${…}`), and pyxform's sheets for external
choices, entities and OpenStreetMap. Ignored with a warning: any other column that holds a
value and is not read (media, autoplay, rows, body::…, theme settings such as `style`), and
the metadata types ODK apps record by themselves (start, end, deviceid, …).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from leaver.questionnaires.conditions import ConditionError, parse
from leaver.questionnaires.spec import ItemType
from leaver.questionnaires.xlsform_defaults import CALCULATED, calculated
from leaver.questionnaires.xlsform_format import (
    CONDITIONS,
    READ_COLUMNS,
    REFUSED_COLUMNS,
    TRANSLATED,
    UNSUPPORTED_SHEETS,
    Problem,
    item_type,
)
from leaver.questionnaires.xlsform_types import kind_of
from leaver.questionnaires.xlsform_workbook import Sheet

# Columns that only change how ODK apps present a form.
PRESENTATION = frozenset({"media", "image", "big-image", "audio", "video", "autoplay", "rows",
                          "body", "style", "theme", "parameters", "instance_name",
                          "allow_choice_duplicates", "clean_text_values"})
_READ_TEXTS = {"survey": frozenset(TRANSLATED), "choices": frozenset({"label"}),
               "settings": frozenset()}


@dataclass
class Scan:
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # survey name -> its first row
    or_other: set[int] = field(default_factory=set)  # rows of selects with `or_other`
    meta: set[str] = field(default_factory=set)  # names of metadata rows, left out


def scan(sheets: Mapping[str, Sheet]) -> Scan:
    result = Scan()
    for name in sheets:
        if name in UNSUPPORTED_SHEETS:
            result.problems.append(Problem("", 0, "", f"The sheet {name!r} uses "
                                           f"{UNSUPPORTED_SHEETS[name]}, which this "
                                           "questionnaire engine does not support."))
    for name in ("survey", "choices", "settings"):
        if name in sheets:
            _columns(sheets[name], result)
    lists = _list_names(sheets.get("choices"), result)
    if "survey" in sheets:
        _types(sheets["survey"], lists, result)
    return result


# pyxform's names for the survey columns read or refused here, to name them as this module does.
_PYXFORM_NAMES: dict[object, str] = {
    ("bind", "relevant"): "relevant", ("bind", "required"): "required",
    ("bind", "constraint"): "constraint", ("bind", "jr:constraintMsg"): "constraint_message",
    ("bind", "jr:requiredMsg"): "required_message", ("bind", "calculate"): "calculation",
    ("control", "appearance"): "appearance", ("control", "jr:count"): "repeat_count",
    ("bind", "entities:saveto"): "save_to"}


def canonical(sheet: str, header: str) -> str:
    """A column heading as pyxform reads it, through its own alias table: on the survey sheet
    "relevance" and "bind::relevant" are "relevant", "requiredMsg::English" is
    "required_message::English", "calculate" and "bind::calculate" are "calculation"."""
    from pyxform import aliases

    table = {"survey": aliases.survey_header, "choices": aliases.list_header}.get(sheet, {})
    base, _, rest = header.partition("::")
    if base in ("bind", "control") and rest and sheet == "survey":
        return _PYXFORM_NAMES.get((base, rest), header)
    alias = table.get(base, base)
    if isinstance(alias, tuple):
        alias = _PYXFORM_NAMES.get(alias, base)
    elif alias in ("control", "list name"):  # body::…, a presentation column; list name
        alias = base
    return f"{alias}::{rest}" if rest else alias


def _columns(sheet: Sheet, result: Scan) -> None:
    for header in sheet.headers:
        base = canonical(sheet.name, header).partition("::")[0]
        texts = _READ_TEXTS[sheet.name]
        if base == "default" and sheet.name == "survey":
            result.problems += [Problem(sheet.name, row, header, CALCULATED)
                                for row, cells in sheet.rows
                                if calculated(cells.get(header, ""))]
        elif base in texts:
            result.problems += [Problem(sheet.name, row, header, "Wording cannot include the "
                                        "answers to other questions (${…}): this questionnaire "
                                        "engine does not support it.")
                                for row, cells in sheet.rows if "${" in cells.get(header, "")]
        elif base in READ_COLUMNS[sheet.name] or (
                sheet.name == "settings" and base.startswith("form_title_")):
            continue
        elif base in REFUSED_COLUMNS and sheet.name == "survey":
            result.problems += [Problem(sheet.name, row, header, f"This uses "
                                        f"{REFUSED_COLUMNS[base]}, which this questionnaire "
                                        "engine does not support.")
                                for row in sheet.used(header)]
        elif any(sheet.used(header)):
            why = ("it only changes how ODK apps show the form" if base in PRESENTATION
                   else "this questionnaire engine does not use it")
            result.warnings.append(Problem(sheet.name, 0, header, f"Ignored: {why}."))


def _types(sheet: Sheet, lists: set[str], result: Scan) -> None:
    groups: list[int] = []  # rows of the groups open
    for row, cells in sheet.rows:
        name, written = cells.get("name", ""), cells.get("type", "")
        kind = kind_of(written)
        if name and kind.name not in ("end group", "end repeat"):
            if name in result.rows:
                result.problems.append(Problem("survey", row, "name", f"The name {name!r} is "
                                               f"already used on row {result.rows[name]}; "
                                               "every name must be different."))
            else:
                result.rows[name] = row
        if kind.name == "refused":
            result.problems.append(Problem("survey", row, "type", f"This uses {kind.feature}, "
                                           "which this questionnaire engine does not support."))
        elif kind.name == "unknown":
            result.problems.append(Problem("survey", row, "type", f"Unknown type {written!r}."
                                           if written else "This row has no type."))
        elif kind.name == "meta":
            result.meta.add(name)
            result.warnings.append(Problem("survey", row, "type", "Ignored: ODK apps record "
                                           f"{written!r} by themselves; an interview here "
                                           "does not."))
        elif kind.name == "group":
            groups.append(row)
        elif kind.name == "end group" and groups:
            groups.pop()
        elif kind.name == "end group":
            result.problems.append(Problem("survey", row, "type", "This 'end group' has no "
                                           "matching 'begin group'."))
        elif kind.name.startswith("select") and kind.list_name not in lists:
            result.problems.append(Problem("survey", row, "type", f"The choice list "
                                           f"{kind.list_name!r} is not on the choices sheet."
                                           if kind.list_name else "Write the name of a choice "
                                           "list after the type, for example 'select_one "
                                           "colours'."))
        if kind.or_other:
            result.or_other.add(row)
    result.problems += [Problem("survey", row, "type", "This group has no matching 'end "
                                "group'.") for row in groups]


def _list_names(sheet: Sheet | None, result: Scan) -> set[str]:
    names: set[str] = set()
    for row, cells in sheet.rows if sheet is not None else ():
        if cells.get("list_name"):
            names.add(cells["list_name"])
        else:
            result.problems.append(Problem("choices", row, "list_name", "This choice has no "
                                           "list_name."))
    return names


_TYPES = {"text": ItemType.SHORT_TEXT, "number": ItemType.NUMBER, "date": ItemType.DATE,
          "note": ItemType.NOTE}


def condition_problems(sheets: Mapping[str, Sheet]) -> list[Problem]:
    """The conditions of the survey sheet that do not parse, read from its cells: for when
    pyxform could not read the workbook, so that these are reported with everything else."""
    values: dict[str, tuple[str, ...]] = {}
    for _, cells in sheets["choices"].rows if "choices" in sheets else ():
        name = cells.get("list_name", "")
        values[name] = (*values.get(name, ()), cells.get("name", ""))
    known: dict[str, ItemType] = {}
    rows = sheets["survey"].rows
    for _, cells in rows:
        kind = kind_of(cells.get("type", ""))
        if kind.name.startswith("select"):
            known[cells.get("name", "")] = item_type(kind.name, kind.list_name,
                                                     values.get(kind.list_name, ()))
        elif kind.name in _TYPES:
            known[cells.get("name", "")] = _TYPES[kind.name]
    problems = []
    for row, cells in rows:
        for column in CONDITIONS:
            try:
                parse(cells.get(column, ""), known,
                      cells.get("name", "") if column == "constraint" else None)
            except ConditionError as exc:
                problems.append(Problem("survey", row, column, f"This condition cannot be "
                                        f"used: {exc}."))
    return problems
