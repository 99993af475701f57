"""The XLSForm subset of `leaver.questionnaires.xlsform`, shared by its reader and writer.

Patterns for keys, form ids, choice values and language codes; the reserved choice lists
(`yes_no_not_sure…`, `scale…`) and the item type a select of one becomes; the columns, types and
sheets that are read or refused; and `Problem` / `XLSFormError`, how a refused workbook is
reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from leaver.questionnaires.spec import LANGUAGES, ItemType

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
