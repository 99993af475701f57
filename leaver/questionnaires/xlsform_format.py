"""The XLSForm subset of `leaver.questionnaires.xlsform`, shared by its reader and writer.

Patterns for keys, form ids, choice values and language codes; the reserved choice lists
(`yes_no_not_sure…`, `scale…`) and the item type a select of one becomes; the columns, types and
sheets that are read, ignored or refused; and `Problem` / `XLSFormError`, how a refused workbook
(or an ignored column) is reported.
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
# Columns holding wording, each in any number of languages (`label::Welsh (cy)`).
TRANSLATED = ("label", "hint", "easy_read", "guidance_hint", "constraint_message",
              "required_message")
CONDITIONS = ("relevant", "safeguarding_trigger", "constraint")
# Columns read, beside TRANSLATED; a column that is in none of these and holds a value is
# ignored with a warning (ODK's presentation columns: media, autoplay, rows, body::…).
READ_COLUMNS = {
    "survey": frozenset({"type", "name", "required", "relevant", "appearance",
                         "safeguarding_trigger", "constraint", "default"}),
    "choices": frozenset({"list_name", "name"}),
    "settings": frozenset({"form_title", "form_id", "version", "default_language"}),
}
# Columns whose every use is refused: they change what is asked or recorded.
REFUSED_COLUMNS = {"calculation": "calculations", "choice_filter": "choice filters",
                   "repeat_count": "repeats", "save_to": "entities"}
SHEETS = ("", "survey", "choices", "settings")  # "" is the workbook as a whole

_MEDIA = "media capture (photos, audio, video, files)"
_GPS = "locations (GPS and maps)"
# Question types refused, by pyxform's name for them after its aliases.
REFUSED_TYPES = {
    "calculate": "calculations", "repeat": "repeats", "geopoint": _GPS, "geotrace": _GPS,
    "geoshape": _GPS, "binary": _MEDIA, "barcode": "barcode scanning", "osm": "OpenStreetMap",
    "odk:rank": "ranking questions", "range": "ranges", "time": "time questions",
    "dateTime": "date-and-time questions", "trigger": "acknowledgements",
    "external": "choices from a file", "hidden": "hidden fields",
}
UNSUPPORTED_SHEETS = {"external_choices": "choices from a file", "entities": "entities",
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


_NAMED = {"en": "en", "english": "en", "cy": "cy", "welsh": "cy", "cymraeg": "cy"}


def language_code(text: str) -> str:
    """The language a column or setting names, as the key of a `Text`: "Welsh (cy)", "cy",
    "Welsh", "welsh" and "Cymraeg" are all "cy"; "English (en)", "en", "English" are "en";
    "English (en-GB)", "en-GB" and "cy-GB" are "en" and "cy" too;
    "Français (fr)" and "fr" are "fr"; a name without a code is kept as written ("Français")."""
    text = " ".join(text.split())
    if match := re.fullmatch(r"(.*?)\s*\(([^()]*)\)", text):
        code = match.group(2).strip().lower()
        if LANGUAGE_CODE.fullmatch(code):
            return _regional(code)
        text = match.group(1)
    if text.lower() in _NAMED:
        return _NAMED[text.lower()]
    return _regional(text.lower()) if LANGUAGE_CODE.fullmatch(text.lower()) else text


def _regional(code: str) -> str:
    """English or Welsh of a region as plain English or Welsh: "en-gb" -> "en", "cy-gb" -> "cy"."""
    language = code.partition("-")[0]
    return language if language in ("en", "cy") else code


def language_header(code: str) -> str:
    """How a workbook names the language `code` (a `Text` key): "Welsh (cy)", "fr", "Français"."""
    if code in LANGUAGES:
        return f"{LANGUAGES[code]} ({code})"
    return code


def item_type(select: str, list_name: str, values: tuple[str, ...]) -> ItemType:
    """The type of a `select_one` / `select_multiple` question of the named list."""
    if select == "select_multiple":
        return ItemType.MULTIPLE_CHOICE
    if list_name.startswith(YES_NO_PREFIX) and values == YES_NO_VALUES:
        return ItemType.YES_NO_NOT_SURE
    if list_name.startswith(SCALE_PREFIX) and values == SCALE_VALUES:
        return ItemType.SCALE
    return ItemType.SINGLE_CHOICE
