"""XLSForm workbooks (.xlsx) to and from `Questionnaire` specs: `read_xlsform`, `write_xlsform`.

Reading checks a workbook twice: with pyxform (the reference XLSForm implementation, called
from Python with no Java validator and nothing fetched from the network), and by reading
`survey`, `choices` and `settings` here, refusing every feature the engine does not support.
Every problem is reported, each with its sheet, spreadsheet row (1-based: the header is row 1)
and column; a workbook with any problem is refused as a whole. Writing is deterministic (the
same spec gives the same bytes) and `read_xlsform(write_xlsform(q)) == q` for every valid q:
keys, choice values, languages and conditions as the reader accepts them, and wording without
surrounding spaces. What is read:

survey   type, name, label, hint, required, relevant, appearance (only `multiline` on text
         matters; other appearances are presentation and are ignored), and our own columns
         easy_read and safeguarding_trigger. label, hint and easy_read take a language:
         `label::Welsh (cy)`; a plain `label` is in the default language (English unless the
         settings say otherwise).
choices  list_name, name, label (with languages).
settings form_title, form_id, version, default_language, and our own `form_title_<code>`
         (e.g. form_title_cy) for the title in another language (pyxform refuses `::` here).

Types: `begin group`/`end group` (top-level only: a section), `select_one`, `select_multiple`,
`text` (LONG_TEXT with appearance `multiline`), `date`, `integer` and `decimal` (NUMBER).
Choice lists whose names start `yes_no_not_sure` or `scale` are reserved: the first must hold
exactly yes, no, not_sure (a select_one of it is YES_NO_NOT_SURE), the second exactly 1 to 5 (a
select_one of it is SCALE). Questions outside any group form a section of their own, one per
run of such questions, keyed `main` (or `main_2`, …) and titled with the form title.
`required` is yes/true/TRUE()/1 or no/false/FALSE()/0/empty. `relevant` and
`safeguarding_trigger` are conditions in the subset of `leaver.questionnaires.conditions`.

Refused, each where it is used: repeats, calculations, notes, media, locations, barcodes,
files, constraints, triggers, choice filters, default answers, `or_other`, nested groups,
wording that pipes in answers (`${…}` in a label), unknown types and columns (an unknown column
only if it holds a value), duplicate or invalid names, conditions that do not parse (with the
parser's message and position), a select of a list that is not on the choices sheet. pyxform
stops at its first error, which is nearly always one found by this module too: its message is
added when it is on a row no other problem is on, or when it is the only problem. Sheets other
than survey, choices and settings are ignored, except pyxform's external_choices, entities and
osm, which are refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from leaver.questionnaires.spec import LANGUAGES, ItemType, Questionnaire

KEY = re.compile(r"[a-z][a-z0-9_]{0,62}")
FORM_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
CHOICE_VALUE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
YES_NO_PREFIX, YES_NO_VALUES = "yes_no_not_sure", ("yes", "no", "not_sure")
SCALE_PREFIX, SCALE_VALUES = "scale", ("1", "2", "3", "4", "5")
TRANSLATED = ("label", "hint", "easy_read")
SURVEY_COLUMNS = ("type", "name", "required", "relevant", "appearance", "safeguarding_trigger")
SETTINGS_COLUMNS = ("form_title", "form_id", "version", "default_language")
SHEETS = ("", "survey", "choices", "settings")  # "" is the workbook as a whole

_MEDIA = "media (images, audio, video)"
UNSUPPORTED_COLUMNS = {
    "constraint": "answer constraints", "constraint_message": "answer constraints",
    "required_message": "custom 'required' messages", "calculation": "calculations",
    "trigger": "triggers", "choice_filter": "choice filters", "repeat_count": "repeats",
    "default": "default answers", "read_only": "read-only questions",
    "parameters": "question parameters", "guidance_hint": "guidance hints",
    "media": _MEDIA, "image": _MEDIA, "big-image": _MEDIA, "audio": _MEDIA, "video": _MEDIA,
    "body": "XForm attributes", "bind": "XForm attributes", "instance": "XForm attributes",
    "save_to": "entities", "readonly": "read-only questions", "calculate": "calculations",
    "count": "repeats", "jr:count": "repeats",
}
_GPS, _META, _FILE = "locations (GPS)", "automatic metadata fields", "choices from a file"
UNSUPPORTED_TYPES = {
    "calculate": "calculations", "note": "notes (text without an answer)",
    "begin repeat": "repeats", "geopoint": _GPS, "geotrace": _GPS, "geoshape": _GPS,
    "start-geopoint": _GPS, "background-geopoint": _GPS, "barcode": "barcodes",
    "image": _MEDIA, "audio": _MEDIA, "video": _MEDIA, "file": "file uploads",
    "background-audio": _MEDIA, "range": "ranges", "rank": "ranking questions",
    "time": "time questions", "datetime": "date-and-time questions",
    "acknowledge": "acknowledgements", "trigger": "triggers", "hidden": "hidden fields",
    "xml-external": "external data", "csv-external": "external data",
    "select_one_from_file": _FILE, "select_multiple_from_file": _FILE,
    "select_one_external": _FILE,
    "start": _META, "end": _META, "today": _META, "deviceid": _META, "phonenumber": _META,
    "username": _META, "email": _META, "simserial": _META, "subscriberid": _META,
    "audit": _META,
}
UNSUPPORTED_SHEETS = {"external_choices": _FILE, "entities": "entities",
                      "osm": "OpenStreetMap questions"}
TRUE = frozenset({"yes", "true", "true()", "1"})
FALSE = frozenset({"", "no", "false", "false()", "0"})


@dataclass(frozen=True)
class Problem:
    sheet: str  # "survey", "choices", "settings", or "" for the workbook as a whole
    row: int  # 1-based spreadsheet row (the header is row 1); 0: not one row
    column: str  # the column heading ("label::Welsh (cy)"); "": not one column
    message: str

    def __str__(self) -> str:
        where = [f"sheet {self.sheet!r}"] if self.sheet else []
        where += [f"row {self.row}"] if self.row else []
        where += [f"column {self.column!r}"] if self.column else []
        return f"{', '.join(where)}: {self.message}" if where else self.message


class XLSFormError(ValueError):
    """The workbook was refused; `problems` lists every reason, in sheet and row order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (
            SHEETS.index(p.sheet) if p.sheet in SHEETS else len(SHEETS), p.row))
        super().__init__("\n".join(str(p) for p in self.problems))


def language_code(text: str) -> str | None:
    """"Welsh (cy)" -> "cy"; also a bare known name ("Welsh") or code ("cy"); else None."""
    text = " ".join(text.split())
    if match := re.fullmatch(r"(.*?)\s*\(([^()]*)\)", text):
        code = match.group(2).strip().lower()
        return code if LANGUAGE_CODE.fullmatch(code) else None
    for code, name in LANGUAGES.items():
        if text.lower() in (code, name.lower()):
            return code
    return None


def item_type(select: str, list_name: str, values: tuple[str, ...]) -> ItemType:
    """The type of a `select_one` / `select_multiple` question of the named list."""
    if select == "select_multiple":
        return ItemType.MULTIPLE_CHOICE
    if list_name.startswith(YES_NO_PREFIX) and values == YES_NO_VALUES:
        return ItemType.YES_NO_NOT_SURE
    if list_name.startswith(SCALE_PREFIX) and values == SCALE_VALUES:
        return ItemType.SCALE
    return ItemType.SINGLE_CHOICE


def read_xlsform(source: str | os.PathLike[str] | bytes) -> Questionnaire:
    """The questionnaire in the .xlsx workbook `source` (a path or the file's bytes).

    Raises XLSFormError listing every problem when the workbook is not valid XLSForm or uses
    a feature the engine does not support; nothing is returned half-read.
    """
    from leaver.questionnaires.xlsform_read import read

    return read(source)


def write_xlsform(q: Questionnaire) -> bytes:
    """`q` as an .xlsx XLSForm workbook; the same `q` always gives the same bytes."""
    from leaver.questionnaires.xlsform_write import write

    return write(q)
