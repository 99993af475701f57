"""Points a review of the XLSForm import found: a form in another language with English
labels but no English title, pyxform's aliases of columns, and defaults."""

from __future__ import annotations

import pytest

from leaver.questionnaires.tests.xlsform_workbooks import where, workbook
from leaver.questionnaires.xlsform import XLSFormError, import_xlsform, read_xlsform, write_xlsform


def refused(data: bytes) -> list:
    with pytest.raises(XLSFormError) as error:
        import_xlsform(data)
    return error.value.problems


@pytest.mark.parametrize("language", ["Cymraeg", "French (fr)", "Swahili"])
def test_a_form_in_another_language_with_english_labels_takes_its_english_title_from_form_id(
        language):
    result = import_xlsform(workbook(
        [["type", "name", "label", "label::English"], ["text", "town", "Tref", "Town"]],
        choices=None,
        settings=[["form_title", "form_id", "default_language"],
                  ["Trefi", "towns", language]]))
    q = result.questionnaire
    assert q.title["en"] == "towns"
    assert "Trefi" in q.title.values()
    assert [(p.sheet, p.column) for p in result.warnings] == [("settings", "form_title_en")]
    assert "English title" in result.warnings[0].message
    # A title in a language without a code has no column form_title_<code> to go back to.
    exported = read_xlsform(write_xlsform(q))
    assert exported.title == {k: v for k, v in q.title.items() if k != "Swahili"}
    assert exported.sections == q.sections


def test_a_form_in_another_language_without_english_labels_is_refused_for_the_labels():
    problems = refused(workbook(
        [["type", "name", "label"], ["text", "a", "A"]], choices=None,
        settings=[["form_id", "default_language"], ["ok", "Klingon"]]))
    assert "form_title" not in [p.column for p in problems]
    assert ("survey", 2, "label") in where(problems)
