"""Points a review of the XLSForm import found: a form in another language with English
labels but no English title, pyxform's aliases of columns, and defaults."""

from __future__ import annotations

import pytest

from leaver.questionnaires.tests.xlsform_workbooks import where, workbook
from leaver.questionnaires.xlsform import (
    Problem,
    XLSFormError,
    import_xlsform,
    read_xlsform,
    write_xlsform,
)


def refused(data: bytes) -> list[Problem]:
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


@pytest.mark.parametrize("column", ["calculate", "bind::calculate", "calculation"])
def test_a_calculate_column_under_any_of_pyxforms_names_is_refused(column):
    problems = refused(workbook([["type", "name", "label", column],
                                 ["integer", "n", "N", ""], ["integer", "m", "M", "${n} * 2"]],
                                choices=None))
    assert where(problems) == [("survey", 3, column)]
    assert "calculations" in problems[0].message


@pytest.mark.parametrize("column", ["constraint_message", "constraining_message",
                                    "bind::jr:constraintMsg", "constraint_message::English"])
def test_answers_piped_into_a_constraint_message_under_any_name_are_refused(column):
    problems = refused(workbook([["type", "name", "label", "constraint", column],
                                 ["integer", "n", "N", ". > 0", "must be more than ${n}"]],
                                choices=None))
    assert where(problems) == [("survey", 2, column)]


@pytest.mark.parametrize("column", ["requiredMsg", "requiredmsg", "bind::jr:requiredMsg"])
def test_answers_piped_into_a_required_message_under_any_name_are_refused(column):
    problems = refused(workbook([["type", "name", "label", "required", column],
                                 ["integer", "n", "N", "yes", "answer ${n}"]], choices=None))
    # A heading is named as pyxform reads it: lowercase before any "::".
    assert where(problems) == [("survey", 2, column if "::" in column else column.lower())]


@pytest.mark.parametrize(("written", "read"), [
    ("bind::constraint", "constraint"), ("bind::relevant", "relevant"),
    ("relevance", "relevant"), ("constraining_message", "constraint_message"),
    ("requiredMsg", "required_message")])
def test_pyxforms_aliases_of_read_columns_are_read_not_ignored(written, read):
    cells = {"constraint": ". > 0", "relevant": "${a} > 1",
             "constraint_message": "Too small", "required_message": "Answer this"}
    header = ["type", "name", "label", "required", "constraint", written]
    if written.endswith("constraint"):
        header = ["type", "name", "label", "required", written]
    row = ["integer", "b", "B", "yes", ". > 0", cells[read]][:len(header)]
    result = import_xlsform(workbook([header, ["integer", "a", "A"], row], choices=None))
    assert result.warnings == []


@pytest.mark.parametrize("default", ["${n}", "today()", "now()", "concat(${n}, 'x')",
                                     "once(today())",
                                     "date('2025-01-01') + 1"])
def test_a_default_worked_out_from_answers_or_the_date_is_refused_as_a_calculation(default):
    problems = refused(workbook([["type", "name", "label", "default"],
                                 ["integer", "n", "N"], ["text", "t", "T", default]],
                                choices=None))
    assert where(problems) == [("survey", 3, "default")]
    assert "worked out from other answers or the date" in problems[0].message


@pytest.mark.parametrize(("question", "default", "words"), [
    ("integer", "2.5", "whole number"), ("int", "many", "whole number"),
    ("decimal", "two", "not a number"), ("date", "31/01/2025", "YYYY-MM-DD"),
    ("date", "2025-02-30", "YYYY-MM-DD"), ("select_one colours", "Red", "choices"),
    ("select_multiple colours", "red green", "choices"),
    ("select_one yes_no_not_sure", "maybe", "choices")])
def test_a_default_that_is_not_an_answer_to_its_question_is_refused_by_row(
        question, default, words):
    problems = refused(workbook([["type", "name", "label", "default"],
                                 ["text", "a", "A"], [question, "q", "Q", default]]))
    assert where(problems) == [("survey", 3, "default")]
    assert words in problems[0].message


@pytest.mark.parametrize(("question", "default"), [
    ("integer", "-3"), ("decimal", "2.5"), ("decimal", "7"), ("date", "2025-01-31"),
    ("select_one colours", "blue"), ("select_multiple colours", "red blue"),
    ("select_one yes_no_not_sure", "not_sure"), ("text", "today"),
    ("text", "Not known (yet)")])
def test_a_literal_default_that_answers_its_question_is_kept(question, default):
    q = import_xlsform(workbook([["type", "name", "label", "default"],
                                 [question, "q", "Q", default]])).questionnaire
    (item,) = q.items()
    assert item.default == default
    assert read_xlsform(write_xlsform(q)) == q


def test_a_default_on_a_note_is_ignored_with_a_warning():
    result = import_xlsform(workbook([["type", "name", "label", "default"],
                                      ["text", "a", "A"], ["note", "n", "Hello", "hi"]],
                                     choices=None))
    assert [i.default for i in result.questionnaire.items()] == ["", ""]
    assert where(result.warnings) == [("survey", 3, "default")]


@pytest.mark.parametrize(("form_id", "key"), [
    ("HouseholdSurvey_v2", "householdsurvey_v2"), ("YesNo", "yesno"),
    ("My Form (v2)", "my-form-v2")])
def test_a_form_id_that_is_not_a_key_as_written_is_normalised_with_a_warning(form_id, key):
    result = import_xlsform(workbook([["type", "name", "label"], ["text", "a", "A"]],
                                     choices=None,
                                     settings=[["form_title", "form_id"], ["Title", form_id]]))
    assert result.questionnaire.key == key
    assert where(result.warnings) == [("settings", 2, "form_id")]
    assert repr(key) in result.warnings[0].message


@pytest.mark.parametrize(("english", "welsh"), [
    ("label::English (en-GB)", "label::Welsh (cy-GB)"), ("label::en-GB", "label::cy-GB"),
    ("label::en-US", "label::Cymraeg (cy-gb)")])
def test_regional_english_and_welsh_are_read_as_english_and_welsh(english, welsh):
    q = import_xlsform(workbook([["type", "name", english, welsh], ["text", "a", "Town", "Tref"]],
                                choices=None)).questionnaire
    (item,) = q.items()
    assert item.label == {"en": "Town", "cy": "Tref"}


def test_a_regional_english_default_language_reads_the_bare_label_as_english():
    q = import_xlsform(workbook([["type", "name", "label"], ["text", "a", "Town"]], choices=None,
                                settings=[["form_id", "form_title", "default_language"],
                                          ["towns", "Towns", "English (en-GB)"]])).questionnaire
    assert (q.title, q.items()[0].label) == ({"en": "Towns"}, {"en": "Town"})
