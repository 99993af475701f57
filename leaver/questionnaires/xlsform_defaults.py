"""An XLSForm `default` checked for `xlsform_scan` and `xlsform_parsed`.

A default worked out from other answers or the date (`${n}`, `today()`, `concat(…)`) is a
calculation, refused where it is written; a literal default must be an answer the question
accepts: a whole number for an integer, a number for a decimal, a date written YYYY-MM-DD, and
a choice's name (or names, for a select_multiple) of the question's list.
"""

from __future__ import annotations

import datetime
import re

from leaver.questionnaires.spec import ItemType

# A default that starts with a function call (today(), once(…), date(…) + 1); words with a
# bracket further on ("Not known (yet)") are a written-out answer.
_FUNCTION_CALL = re.compile(r"\s*[A-Za-z_][\w:.-]*\(")
_INTEGER = re.compile(r"[-+]?\d+")
_DECIMAL = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_SINGLE = (ItemType.SINGLE_CHOICE, ItemType.YES_NO_NOT_SURE, ItemType.SCALE)


def calculated(default: str) -> bool:
    """Whether a default is worked out from other answers or the date, not written out."""
    return "${" in default or bool(_FUNCTION_CALL.match(default))


CALCULATED = ("This default is worked out from other answers or the date (a calculation), "
              "which this questionnaire engine does not support: write the answer itself, or "
              "leave the default empty.")


def default_problem(default: str, item_type: ItemType, integer: bool,
                    choices: tuple[str, ...]) -> str | None:
    """Why a literal `default` cannot be the answer to a question of this type, or None."""
    if item_type == ItemType.NUMBER and integer and not _INTEGER.fullmatch(default):
        return f"The default {default!r} is not a whole number, which this question needs."
    if item_type == ItemType.NUMBER and not _DECIMAL.fullmatch(default):
        return f"The default {default!r} is not a number, which this question needs."
    if item_type == ItemType.DATE:
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", default):
                raise ValueError
            datetime.date.fromisoformat(default)
        except ValueError:
            return f"The default {default!r} is not a date written YYYY-MM-DD (e.g. 2025-01-31)."
    wanted = default.split() if item_type == ItemType.MULTIPLE_CHOICE else (
        [default] if item_type in _SINGLE else [])
    missing = [value for value in wanted if value not in choices]
    if missing:
        return (f"The default {default!r} is not one of this question's choices (use the "
                f"choice's name, not its label: {', '.join(choices)}).")
    return None
