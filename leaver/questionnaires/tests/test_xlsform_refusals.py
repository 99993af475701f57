"""Workbooks refused as a whole, each problem with its sheet, row and column."""

from __future__ import annotations

import pytest

from leaver.questionnaires.conditions import ConditionError, parse
from leaver.questionnaires.spec import ItemType
from leaver.questionnaires.tests.xlsform_workbooks import CHOICES, HEADER, SEEDS, where, workbook
from leaver.questionnaires.xlsform import Problem, XLSFormError, read_xlsform
from leaver.questionnaires.xlsform_pyxform import pyxform_problems


def problems_of(data: bytes) -> list[Problem]:
    with pytest.raises(XLSFormError) as refused:
        read_xlsform(data)
    return refused.value.problems


# Each case: extra columns, then the rows after the header (row 2 on), then where it is refused.
A = ["text", "a", "A"]
CASES = {
    "repeat": ([], [A, ["begin repeat", "r", "R"], ["text", "b", "B"], ["end repeat"]],
               (3, "type")),
    "calculate": ([], [A, ["calculate", "c", "C"]], (3, "type")),
    "geopoint": ([], [A, ["geopoint", "where", "Where?"]], (3, "type")),
    "geotrace": ([], [A, ["geotrace", "route", "Route?"]], (3, "type")),
    "geoshape": ([], [A, ["geoshape", "area", "Area?"]], (3, "type")),
    "barcode": ([], [A, ["barcode", "code", "Code?"]], (3, "type")),
    "image type": ([], [A, ["image", "photo", "Photo?"]], (3, "type")),
    "audio type": ([], [A, ["audio", "voice", "Voice?"]], (3, "type")),
    "video type": ([], [A, ["video", "film", "Film?"]], (3, "type")),
    "file type": ([], [A, ["file", "upload", "Upload?"]], (3, "type")),
    "unknown type": ([], [A, ["colour_picker", "c", "C"]], (3, "type")),
    "missing choice list": ([], [A, ["select_one sizes", "size", "Size?"]], (3, "type")),
    "calculation column": (["calculation"], [A, ["calculate", "c", "", "", "1 + 1"]],
                           (3, "calculation")),
    "external choices": ([], [A, ["select_one_from_file places.csv", "p", "P"]], (3, "type")),
    "osm": ([], [A, ["osm building", "b", "B"]], (3, "type")),
    "time": ([], [A, ["time", "t", "T"]], (3, "type")),
    "hint with an answer": (["hint"], [A, ["text", "b", "B", "", "You said ${a}"]], (3, "hint")),
    "choice_filter": (["choice_filter"], [A, ["select_one colours", "b", "B", "", "x = 1"]],
                      (3, "choice_filter")),
    "duplicate name": ([], [A, ["text", "a", "Again"]], (3, "name")),
    "invalid key": ([], [A, ["text", "Bad-Key", "B"]], (3, "name")),
    "key too long": ([], [A, ["text", "k" * 64, "B"]], (3, "name")),
    "no English label": (["label::Welsh (cy)"], [A, ["text", "b", "", "", "Cymraeg"]],
                         (3, "label")),
    "wording with an answer": ([], [A, ["text", "b", "You said ${a}"]], (3, "label")),
    "conditional required": (["required"], [A, ["text", "b", "B", "", "${a} = 'x'"]],
                             (3, "required")),
    "easy read on a group": (["easy_read"], [["begin group", "g", "G", "", "Easy"], A,
                                             ["end group"]], (2, "easy_read")),
    "end group without begin": ([], [A, ["end group"]], (3, "type")),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_unsupported_feature_is_refused_where_it_is_used(case):
    extra, rows, (row, column) = CASES[case]
    problems = problems_of(workbook([[*HEADER, *extra], *rows]))
    assert ("survey", row, column) in where(problems)


@pytest.mark.parametrize("column", ["relevant", "safeguarding_trigger"])
def test_condition_that_does_not_parse_is_refused_with_the_parsers_message_and_position(column):
    condition = "${a} = 'yes' and ${b} = ${a}"
    with pytest.raises(ConditionError) as parsed:
        parse(condition, {"a": ItemType.YES_NO_NOT_SURE, "b": ItemType.SHORT_TEXT})
    written = [condition, ""] if column == "relevant" else ["", condition]
    problems = problems_of(workbook([[*HEADER, "safeguarding_trigger"],
                                     ["select_one yes_no_not_sure", "a", "A"],
                                     ["text", "b", "B", *written]]))
    assert where(problems) == [("survey", 3, column)]
    assert parsed.value.message in problems[0].message
    assert f"at character {parsed.value.position + 1}" in problems[0].message


def test_condition_with_bad_syntax_that_pyxform_lets_through_is_refused():
    problems = problems_of(workbook([HEADER, ["text", "a", "A"], ["text", "b", "B",
                                                                   "${a} = = 'x'"]]))
    assert where(problems) == [("survey", 3, "relevant")]
    assert "(at character 8)" in problems[0].message


def test_reserved_list_name_with_other_values_is_refused_at_the_list():
    choices = [*CHOICES, ["scale_1_5", "low", "Low"], ["scale_1_5", "high", "High"]]
    problems = problems_of(workbook([HEADER, ["select_one scale_1_5", "a", "A"]], choices))
    assert where(problems) == [("choices", 7, "list_name")]


@pytest.mark.parametrize(("choice", "column"), [
    (["colours", "red", "Red again"], "name"), (["colours", "light blue", "Light blue"], "name"),
    (["colours", "green", None], "label"), ([None, "green", "Green"], "list_name")])
def test_bad_choice_is_refused(choice, column):
    problems = problems_of(workbook([HEADER, ["select_one colours", "a", "A"]],
                                    [*CHOICES, choice]))
    assert where(problems) == [("choices", 7, column)]


@pytest.mark.parametrize(("sheet", "column"), [
    ([["form_title", "form_id"], ["Title", "!!!"]], "form_id"),
    ([["form_title", "form_title_"], ["Title", "Untitled"]], "form_title_")])
def test_bad_settings_are_refused(sheet, column):
    problems = problems_of(workbook([HEADER, ["text", "a", "A"]], settings=sheet))
    assert column in [p.column for p in problems if p.sheet == "settings"]


def test_missing_survey_sheet_is_refused():
    problems = problems_of(workbook([["list_name"]], choices=None))
    assert ("survey", 0, "") in where(problems)


def test_unclosed_group_and_form_without_questions_are_refused():
    problems = problems_of(workbook([HEADER, ["begin group", "g", "G"]]))
    assert where(problems) == [("survey", 2, "type")]
    problems = problems_of(workbook([HEADER, ["begin group", "g", "G"], ["end group"]]))
    assert where(problems) == [("survey", 0, "")]


def test_every_problem_in_a_workbook_is_reported_in_sheet_and_row_order():
    problems = problems_of(workbook(
        [[*HEADER, "constraint"],
         ["text", "a", "A"],
         ["begin repeat", "visits", "Visits"],
         ["geopoint", "where", "Where?"],
         ["end repeat"],
         ["text", "a", "Again", "${missing} = 'x'"],
         ["integer", "n", "N", "", ". > 0 and"],
         ["select_one sizes", "size", "Size?"]],
        [*CHOICES, ["colours", "red", "Red again"]],
        [["form_id", "colour"], ["---", "red"]]))
    assert where(problems) == [
        ("survey", 3, "type"), ("survey", 4, "type"), ("survey", 6, "name"),
        ("survey", 6, "relevant"), ("survey", 7, "constraint"), ("survey", 8, "type"),
        ("choices", 7, "name"), ("settings", 2, "form_id")]
    assert "\n" in str(XLSFormError(problems))


def test_pyxform_error_on_a_row_already_reported_is_not_repeated():
    survey = [HEADER, ["text", "a", "A"], ["text", "a", "B"]]
    assert where(pyxform_problems(workbook(survey))) == [("survey", 3, "name")]
    problems = problems_of(workbook(survey))
    assert len(problems) == 1
    assert "already used on row 2" in problems[0].message


def test_pyxform_and_this_reader_count_rows_the_same_way_past_an_empty_row():
    data = workbook([HEADER, ["text", "a", "A"], [None], ["text", "a", "B"]])
    (problem,) = pyxform_problems(data)
    assert (problem.sheet, problem.row, problem.column) == ("survey", 4, "name")
    assert problem.message.startswith("pyxform: [row : 4]")
    assert where(problems_of(data)) == [("survey", 4, "name")]


@pytest.mark.parametrize("data", [b"", b"type,name,label\ntext,a,A\n", b"PK\x03\x04 broken",
                                  (SEEDS / "README.md").read_bytes()])
def test_a_file_that_is_not_a_workbook_is_refused_with_one_clear_problem(data):
    (problem,) = problems_of(data)
    assert (problem.sheet, problem.row, problem.column) == ("", 0, "")
    assert problem.message.startswith("This file is not an Excel workbook (.xlsx)")


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(XLSFormError) as refused:
        read_xlsform(tmp_path / "nothing.xlsx")
    assert refused.value.problems[0].message.startswith("The file cannot be read")
