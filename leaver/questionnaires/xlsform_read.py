"""Reading an XLSForm workbook: see `leaver.questionnaires.xlsform` for what is read.

Each sheet has a module of its own (xlsform_settings, xlsform_choices, xlsform_survey), on top of
xlsform_workbook, which opens the workbook; pyxform's check is in xlsform_pyxform.
"""

from __future__ import annotations

import os

from leaver.questionnaires.spec import Questionnaire, Section
from leaver.questionnaires.xlsform_choices import read_choices
from leaver.questionnaires.xlsform_format import UNSUPPORTED_SHEETS, Problem, XLSFormError
from leaver.questionnaires.xlsform_pyxform import pyxform_problems
from leaver.questionnaires.xlsform_settings import read_settings
from leaver.questionnaires.xlsform_size import file_too_big, size_problems
from leaver.questionnaires.xlsform_survey import SurveyReader
from leaver.questionnaires.xlsform_workbook import load_sheets, unpacks_too_big


def read(source: str | os.PathLike[str] | bytes) -> Questionnaire:
    """See `leaver.questionnaires.xlsform.read_xlsform`."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with open(source, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise XLSFormError([Problem("", 0, "", f"The file cannot be read: {exc}.")]) from exc
    problems: list[Problem] = []
    too_big = file_too_big(len(data)) or unpacks_too_big(data)
    if too_big:
        raise XLSFormError([too_big])
    sheets = load_sheets(data, problems)
    if sheets is None:
        raise XLSFormError(problems)
    # Over a size limit: refused before its questions, conditions and pyxform are read.
    over = size_problems(sheets)
    if over:
        raise XLSFormError(problems + over)
    problems += [Problem("", 0, "", f"The sheet {name!r} uses {UNSUPPORTED_SHEETS[name]}, "
                         "which this questionnaire engine does not support.")
                 for name in sheets if name in UNSUPPORTED_SHEETS]
    settings = read_settings(sheets.get("settings"), problems)
    lists = read_choices(sheets.get("choices"), settings.language, problems)
    sections: tuple[Section, ...] = ()
    if "survey" in sheets:
        sections = SurveyReader(sheets["survey"], settings, lists, problems).read()
    else:
        problems.append(Problem("survey", 0, "", "The workbook has no 'survey' sheet."))
    # pyxform stops at its first error, which is usually one found above as well.
    seen = {(p.sheet, p.row) for p in problems}
    problems += [p for p in pyxform_problems(data)
                 if not problems or (p.row and (p.sheet, p.row) not in seen)]
    if problems:
        raise XLSFormError(problems)
    return Questionnaire(settings.key, settings.title, settings.version, sections)
