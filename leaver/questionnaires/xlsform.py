"""XLSForm workbooks (.xlsx) to and from `Questionnaire` specs: `import_xlsform` (and
`read_xlsform`, for the questionnaire alone), `write_xlsform`.

pyxform, the reference XLSForm implementation (called from Python with no Java validator and
nothing fetched from the network), reads the workbook: every spelling it accepts is accepted
here (`label::Welsh (cy)`, `label::English`, `label:english`, a bare `label`, `list name`,
`select one from yes_no`, type aliases such as `phone number`, no settings sheet). Its parsed
form becomes the spec (xlsform_parsed), with this engine's rules on top. Every problem is
reported with its sheet, spreadsheet row (1-based: the header is row 1) and column; a workbook
with any problem is refused as a whole. What is not used but changes nothing that is asked or
recorded is ignored, and listed as a warning.

Read, on the survey sheet: type, name, label, hint, guidance_hint, required, required_message,
relevant, constraint, constraint_message, default, appearance (`multiline` makes a long text;
`horizontal`, `horizontal-compact` and `likert` lay choices side by side), and our own columns
easy_read and safeguarding_trigger. Wording columns take a language in any spelling pyxform
accepts; English and Welsh are known by name or code in any case (en, English, cy, Welsh,
Cymraeg); other languages are kept as written. The bare column is in the default language:
settings default_language, or English. Types: groups (nested ones are flattened into sections,
see xlsform_parsed), select_one / select_multiple (with `or_other`), text, integer, decimal,
date, note; ODK metadata types (start, end, deviceid, …) are ignored.
choices: list_name, name, label. settings: form_title, form_id (else taken from the file name),
version, default_language, and our own `form_title_<code>` (e.g. form_title_cy).
Choice lists whose names start `yes_no_not_sure` or `scale` are reserved: the first must hold
exactly yes, no, not_sure (a select_one of it is YES_NO_NOT_SURE), the second exactly 1 to 5 (a
select_one of it is SCALE). `relevant`, `constraint` (where `.` is the answer itself) and
`safeguarding_trigger` are conditions in the subset of `leaver.questionnaires.conditions`.

Refused, each where it is used (xlsform_scan): calculations, wording that pipes in answers
(`${…}`), repeats, choices from a file and entities, choice filters, locations, media capture,
barcodes, OpenStreetMap, and question types with no meaning here (time, range, rank, …);
duplicate or invalid names, conditions that do not parse, a conditional `required`. pyxform's
own error is added when it is on a row no other problem is on, or when it is the only one.

Size comes first (xlsform_size, with the limits of leaver.core.limits). Writing is
deterministic (the same spec gives the same bytes) and reading what was written gives the same
spec back.
"""

from __future__ import annotations

import os

from leaver.questionnaires.spec import Questionnaire
from leaver.questionnaires.xlsform_format import Problem, XLSFormError
from leaver.questionnaires.xlsform_read import Imported, read
from leaver.questionnaires.xlsform_write import write

__all__ = ["Imported", "Problem", "XLSFormError", "import_xlsform", "read_xlsform",
           "write_xlsform"]


def import_xlsform(source: str | os.PathLike[str] | bytes,
                   file_name: str | None = None) -> Imported:
    """The questionnaire in the .xlsx workbook `source` (a path or the file's bytes), and what
    in it was ignored. `file_name` (else the path) gives the key when there is no form_id.

    Raises XLSFormError listing every problem when the workbook is not valid XLSForm or uses
    a feature the engine does not support; nothing is returned half-read.
    """
    return read(source, file_name)


def read_xlsform(source: str | os.PathLike[str] | bytes,
                 file_name: str | None = None) -> Questionnaire:
    """The questionnaire of `import_xlsform`, without its warnings."""
    return read(source, file_name).questionnaire


def write_xlsform(q: Questionnaire) -> bytes:
    """`q` as an .xlsx XLSForm workbook; the same `q` always gives the same bytes."""
    return write(q)
