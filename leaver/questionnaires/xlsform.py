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

Size comes first (xlsform_size, with the limits of leaver.core.limits): the file, questions,
sections, choices per list and in all, wording, choice labels, titles, conditions and rows per
sheet. A workbook over any limit is refused before anything else in it is read.
"""

from __future__ import annotations

import os

from leaver.questionnaires.spec import Questionnaire
from leaver.questionnaires.xlsform_format import Problem, XLSFormError
from leaver.questionnaires.xlsform_read import read
from leaver.questionnaires.xlsform_write import write

__all__ = ["Problem", "XLSFormError", "read_xlsform", "write_xlsform"]


def read_xlsform(source: str | os.PathLike[str] | bytes) -> Questionnaire:
    """The questionnaire in the .xlsx workbook `source` (a path or the file's bytes).

    Raises XLSFormError listing every problem when the workbook is not valid XLSForm or uses
    a feature the engine does not support; nothing is returned half-read.
    """
    return read(source)


def write_xlsform(q: Questionnaire) -> bytes:
    """`q` as an .xlsx XLSForm workbook; the same `q` always gives the same bytes."""
    return write(q)
