"""What an XLSForm question type is to this engine, by what pyxform's own type dictionary says
it does, so that every alias pyxform accepts ("phone number", "select one from", "q int", …) is
read the way pyxform reads it.

`kind_of` gives one of: "group", "end group", "end repeat", "select_one", "select_multiple", "text",
"number", "date", "note", "meta" (recorded automatically by ODK apps: ignored here), "refused"
(with the feature it uses) or "unknown" (pyxform reports it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from leaver.questionnaires.xlsform_format import REFUSED_TYPES

_SELECT = re.compile(
    r"(?P<kind>select[ _]one|select[ _]multiple|select all that apply)"
    r"(?P<source>[ _]from[ _]file|[ _]external|[ _]from|[ _]using)?"
    r"(?: (?P<list>\S+))?(?: (?P<rest>.*))?", re.IGNORECASE)
_OR_OTHER = ("or_other", "or specify other", "or other")
_STRUCTURE = {"begin group": "group", "end group": "end group", "begin repeat": "repeat",
              "end repeat": "end repeat", "begin loop": "repeat", "end loop": "end repeat"}


@dataclass(frozen=True)
class Kind:
    name: str  # see the module docstring
    feature: str = ""  # for "refused": what it uses, in words
    list_name: str = ""  # for a select: its choice list
    or_other: bool = False  # for a select: `or_other` follows the list name
    integer: bool = False  # for a number: whole numbers only (integer, int)


def _question_types() -> dict[str, dict[str, object]]:
    from pyxform.question_type_dictionary import QUESTION_TYPE_DICT

    return QUESTION_TYPE_DICT  # type: ignore[no-any-return]


def kind_of(written: str) -> Kind:
    """The kind of the survey type `written` as in a workbook, or as pyxform dealiased it."""
    text = " ".join(written.split())
    lower = text.lower()
    if lower.replace("_", " ") in _STRUCTURE:
        name = _STRUCTURE[lower.replace("_", " ")]
        return Kind("refused", REFUSED_TYPES["repeat"]) if name == "repeat" else Kind(name)
    if lower in ("group", "repeat"):  # pyxform's names once it has read the sheet
        return Kind("refused", REFUSED_TYPES["repeat"]) if lower == "repeat" else Kind("group")
    if select := _SELECT.fullmatch(text):
        source = (select.group("source") or "").lower().replace("_", " ").strip()
        if source in ("from file", "external"):
            return Kind("refused", REFUSED_TYPES["external"])
        kind = select.group("kind").lower().replace("_", " ")
        rest = (select.group("rest") or "").lower()
        return Kind("select_one" if kind == "select one" else "select_multiple",
                    list_name=select.group("list") or "", or_other=rest in _OR_OTHER)
    if lower.split(" ")[0] == "osm":
        return Kind("refused", REFUSED_TYPES["osm"])
    types = _question_types()
    definition = types.get(text) or types.get(lower)
    if not isinstance(definition, dict):
        return Kind("unknown")
    return _kind_of_definition(lower, definition)


def _kind_of_definition(lower: str, definition: dict[str, object]) -> Kind:
    bind = definition.get("bind")
    control = definition.get("control")
    bind = bind if isinstance(bind, dict) else {}
    tag = control.get("tag", "") if isinstance(control, dict) else ""
    value_type = str(bind.get("type", ""))
    if "jr:preload" in bind:
        return Kind("meta")
    if lower.endswith("external"):
        return Kind("refused", REFUSED_TYPES["external"])
    if value_type in REFUSED_TYPES:
        return Kind("refused", REFUSED_TYPES[value_type])
    if tag in REFUSED_TYPES or tag == "upload":
        return Kind("refused", REFUSED_TYPES["binary" if tag == "upload" else tag])
    if not tag:  # calculate and hidden: a value worked out, never asked
        return Kind("refused", REFUSED_TYPES["calculate" if "calc" in lower else "hidden"])
    if tag in ("select1", "select"):
        return Kind("select_one" if tag == "select1" else "select_multiple")
    if bind.get("readonly") == "true()":
        return Kind("note")
    if tag == "input" and value_type in ("int", "decimal"):
        return Kind("number", integer=value_type == "int")
    if tag == "input" and value_type == "date":
        return Kind("date")
    if tag == "input" and value_type == "string":
        return Kind("text")
    return Kind("refused", f"the question type {lower!r}")
