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

from leaver.questionnaires.xlsform_format import (
    READ_COLUMNS,
    REFUSED_COLUMNS,
    TRANSLATED,
    UNSUPPORTED_SHEETS,
    Problem,
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
    if "survey" in sheets:
        _types(sheets["survey"], result)
    return result


def _columns(sheet: Sheet, result: Scan) -> None:
    for header in sheet.headers:
        base = header.partition("::")[0]
        texts = _READ_TEXTS[sheet.name]
        if base in texts:
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


def _types(sheet: Sheet, result: Scan) -> None:
    for row, cells in sheet.rows:
        name = cells.get("name", "")
        if name and name not in result.rows:
            result.rows[name] = row
        kind = kind_of(cells.get("type", ""))
        if kind.name == "refused":
            result.problems.append(Problem("survey", row, "type", f"This uses {kind.feature}, "
                                           "which this questionnaire engine does not support."))
        elif kind.name == "meta":
            result.meta.add(name)
            result.warnings.append(Problem("survey", row, "type", "Ignored: ODK apps record "
                                           f"{cells.get('type')!r} by themselves; an interview "
                                           "here does not."))
        elif kind.or_other:
            result.or_other.add(row)
