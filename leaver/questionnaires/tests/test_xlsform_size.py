"""How big an uploaded questionnaire may be (leaver.core.limits; issue 9's attack run): each
limit accepted at its value and refused one over, with a message naming the sheet, row and
column; an oversized workbook is refused before anything else in it is read, and the upload
page stores nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from leaver.core import limits
from leaver.questionnaires.models import Template, Version
from leaver.questionnaires.tests.xlsform_workbooks import CHOICES, HEADER, SETTINGS, workbook
from leaver.questionnaires.xlsform import XLSFormError, read_xlsform

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def questions(count: int) -> list[list[str]]:
    return [HEADER, *(["text", f"q{n}", f"Question {n}"] for n in range(1, count + 1))]


def problems(data: bytes) -> list[str]:
    with pytest.raises(XLSFormError) as refused:
        read_xlsform(data)
    return [str(p) for p in refused.value.problems]


def test_300_questions_are_accepted():
    assert len(read_xlsform(workbook(questions(limits.QUESTIONS))).items()) == 300


def test_question_301_is_refused_on_its_row():
    assert problems(workbook(questions(limits.QUESTIONS + 1))) == [
        "sheet 'survey', row 302, column 'type': This is question 301: a questionnaire can "
        "have at most 300 questions."]


def test_more_than_50_sections_are_refused():
    survey = [HEADER]
    for n in range(1, limits.SECTIONS + 2):
        survey += [["begin group", f"g{n}", f"Part {n}"], ["text", f"q{n}", "Q"],
                   ["end group", "", ""]]
    assert problems(workbook(survey)) == [
        "sheet 'survey', row 152, column 'type': This is group 51: a questionnaire can have "
        "at most 50 sections (groups)."]
    read_xlsform(workbook(survey[:-3]))  # 50 are accepted


def _list(name: str, count: int) -> list[list[str]]:
    return [[name, f"c{n}", f"Choice {n}"] for n in range(1, count + 1)]


def test_a_list_may_have_100_choices_and_no_more():
    survey = [HEADER, ["select_one many", "pick", "Pick one"]]
    accepted = read_xlsform(workbook(survey, [CHOICES[0], *_list("many", 100)]))
    assert len(accepted.items()[0].choices) == 100
    assert problems(workbook(survey, [CHOICES[0], *_list("many", 101)])) == [
        "sheet 'choices', row 102, column 'list_name': This is choice 101 of the list 'many': "
        "a list can have at most 100 choices."]


def test_the_lists_together_may_have_2000_choices_and_no_more():
    survey = [HEADER, ["select_one l1", "pick", "Pick one"]]
    lists = [row for n in range(1, 21) for row in _list(f"l{n}", 100)]
    read_xlsform(workbook(survey, [CHOICES[0], *lists]))
    assert problems(workbook(survey, [CHOICES[0], *lists, ["l21", "extra", "Extra"]])) == [
        "sheet 'choices', row 2002: This is choice 2,001: a questionnaire's lists can have at "
        "most 2,000 choices together."]


@pytest.mark.parametrize("column", ["label", "hint", "easy_read", "label::Welsh (cy)"])
def test_wording_may_be_1000_characters_and_no_more(column):
    header = ["type", "name", "label", column] if column != "label" else ["type", "name", column]

    def survey(length: int) -> list[list[str]]:
        row = ["text", "q1", "A question", "w" * length] if column != "label" else [
            "text", "q1", "w" * length]
        return [header, row]

    read_xlsform(workbook(survey(limits.WORDING)))
    assert problems(workbook(survey(limits.WORDING + 1))) == [
        f"sheet 'survey', row 2, column '{column}': This is 1,001 characters long: a label, "
        "hint or easy-read wording can be at most 1,000 characters."]


def test_a_choice_label_may_be_500_characters_and_no_more():
    survey = [HEADER, ["select_one colours", "pick", "Pick one"]]

    def choices(length: int) -> list[list[str]]:
        return [CHOICES[0], ["colours", "red", "r" * length], ["colours", "blue", "Blue"]]

    read_xlsform(workbook(survey, choices(limits.CHOICE_LABEL)))
    assert problems(workbook(survey, choices(limits.CHOICE_LABEL + 1))) == [
        "sheet 'choices', row 2, column 'label': This is 501 characters long: a choice's "
        "label can be at most 500 characters."]


def _condition(length: int) -> str:
    """A working condition padded with spaces to exactly `length` characters."""
    start, end = "${q1} ", "= 'yes'"
    return start + " " * (length - len(start) - len(end)) + end


@pytest.mark.parametrize("column", ["relevant", "safeguarding_trigger"])
def test_a_condition_may_be_500_characters_and_no_more(column):
    def survey(length: int) -> list[list[str]]:
        return [["type", "name", "label", column],
                ["select_one yes_no_not_sure", "q1", "First"],
                ["text", "q2", "Second", _condition(length)]]

    read_xlsform(workbook(survey(limits.CONDITION)))
    assert problems(workbook(survey(limits.CONDITION + 1))) == [
        f"sheet 'survey', row 3, column '{column}': This is 501 characters long: a condition "
        "can be at most 500 characters."]


def test_the_title_may_be_200_characters_and_no_more():
    survey = questions(1)
    read_xlsform(workbook(survey, settings=[SETTINGS[0], ["t" * 200, "test-form", "1"]]))
    assert problems(workbook(survey, settings=[SETTINGS[0], ["t" * 201, "test-form", "1"]])) == [
        "sheet 'settings', row 2, column 'form_title': This is 201 characters long: a title "
        "can be at most 200 characters."]


def test_a_sheet_is_read_no_further_than_5000_rows():
    survey = [HEADER, ["select_one many", "pick", "Pick one"]]
    found = problems(workbook(survey, [CHOICES[0], *_list("many", limits.SHEET_ROWS + 1)]))
    assert ("sheet 'choices', row 5002: The choices sheet has more than 5,000 rows, far more "
            "than any questionnaire needs, so it was read no further.") in found


def test_an_oversized_workbook_is_refused_before_anything_else_is_read():
    """Its other problems (an unknown type, a broken condition) are not even looked at."""
    survey = [*questions(limits.QUESTIONS + 1), ["bogus", "bad", "Bad", "${nowhere} = 1"]]
    assert problems(workbook(survey)) == [
        "sheet 'survey', row 302, column 'type': This is question 301: a questionnaire can "
        "have at most 300 questions."]


def test_a_file_over_2_mb_is_not_opened():
    assert problems(b"x" * (limits.UPLOAD_BYTES + 1)) == [
        "The file is 2.0 MB: a questionnaire workbook must be 2 MB or smaller."]


# The upload page -------------------------------------------------------------------------------

def upload(client, data: bytes):
    return client.post("/questionnaires/upload/", {
        "workbook": SimpleUploadedFile("form.xlsx", data, content_type=XLSX),
        "pathway": "young_person"})


def test_the_upload_page_names_the_row_and_stores_nothing(client, cast):
    client.force_login(cast.org_admin)
    before = (Template.objects.count(), Version.objects.count())
    response = upload(client, workbook(questions(limits.QUESTIONS + 1)))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The workbook was not imported" in page
    assert "row 302" in page
    assert "at most 300 questions" in page
    assert (Template.objects.count(), Version.objects.count()) == before


def test_the_upload_page_refuses_a_file_over_2_mb(client, cast):
    client.force_login(cast.org_admin)
    before = Version.objects.count()
    response = upload(client, b"x" * (limits.UPLOAD_BYTES + 1))
    assert response.status_code == 400
    assert "The selected file must be 2 MB or smaller." in response.content.decode()
    assert Version.objects.count() == before
