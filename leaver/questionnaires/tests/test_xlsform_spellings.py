"""XLSForms as people write them in KoboToolbox, ODK and XLSForm Online: every spelling pyxform
accepts is read, and each workbook exports to one pyxform accepts that reads back the same."""

from __future__ import annotations

import pytest

from leaver.questionnaires.spec import OTHER_CHOICE, OTHER_LABEL, Item, ItemType, Questionnaire
from leaver.questionnaires.tests.xlsform_workbooks import SETTINGS, workbook
from leaver.questionnaires.xlsform import Imported, import_xlsform, read_xlsform, write_xlsform
from leaver.questionnaires.xlsform_pyxform import pyxform_problems

YES_NO = [["list_name", "name", "label"], ["yes_no", "yes", "Yes"], ["yes_no", "no", "No"]]


def imported(data: bytes, file_name: str | None = None) -> Imported:
    """The workbook imported, after checking it round-trips through an export."""
    assert pyxform_problems(data) == []
    result = import_xlsform(data, file_name)
    exported = write_xlsform(result.questionnaire)
    assert pyxform_problems(exported) == []
    assert read_xlsform(exported) == result.questionnaire
    return result


def only(q: Questionnaire) -> Item:
    (item,) = q.items()
    return item


@pytest.mark.parametrize(("english", "welsh"), [
    ("label", "label::Welsh (cy)"), ("label:english", "label:welsh"),
    ("label::English", "label::Cymraeg"), ("label::English (en)", "label::cy"),
    ("label::EN", "label::WELSH"), ("label :: english", "label::Welsh")])
def test_every_spelling_of_english_and_welsh_is_read(english, welsh):
    q = imported(workbook([["type", "name", english, welsh], ["text", "town", "Town?", "Tref?"]],
                          [["list_name", "name", english, welsh]])).questionnaire
    assert only(q).label == {"en": "Town?", "cy": "Tref?"}


def test_choice_labels_take_the_same_spellings_and_list_name_may_have_a_space():
    q = imported(workbook(
        [["type", "name", "label:English"], ["select one from yes_no", "ok", "OK?"]],
        [["list name", "name", "label:English", "label:Cymraeg"], ["yes_no", "yes", "Yes", "Ie"],
         ["yes_no", "no", "No", "Na"]])).questionnaire
    item = only(q)
    assert (item.type, item.label) == (ItemType.SINGLE_CHOICE, {"en": "OK?"})
    assert [(c.value, c.label) for c in item.choices] == [
        ("yes", {"en": "Yes", "cy": "Ie"}), ("no", {"en": "No", "cy": "Na"})]


def test_other_languages_are_kept_and_the_bare_column_is_the_default_language():
    q = imported(workbook(
        [["type", "name", "label", "label::English (en)", "label::Français (fr)", "hint::es"],
         ["text", "town", "Tref?", "Town?", "Ville ?", "Ciudad"]],
        [["list_name", "name", "label"]],
        settings=[["form_id", "form_title", "form_title_en", "default_language"],
                  ["towns", "Trefi", "Towns", "Welsh (cy)"]])).questionnaire
    item = only(q)
    assert item.label == {"cy": "Tref?", "en": "Town?", "fr": "Ville ?"}
    assert item.hint == {"es": "Ciudad"}
    assert q.title == {"cy": "Trefi", "en": "Towns"}


@pytest.mark.parametrize(("written", "item_type"), [
    ("phone number", ItemType.SHORT_TEXT), ("string", ItemType.SHORT_TEXT),
    ("int", ItemType.NUMBER), ("percentage", ItemType.NUMBER), ("q date", ItemType.DATE),
    ("select one from yes_no", ItemType.SINGLE_CHOICE),
    ("select all that apply from yes_no", ItemType.MULTIPLE_CHOICE),
    ("select_multiple yes_no", ItemType.MULTIPLE_CHOICE), ("note", ItemType.NOTE),
    ("q note", ItemType.NOTE)])
def test_type_aliases_are_read_as_pyxform_reads_them(written, item_type):
    q = imported(workbook([["type", "name", "label"], [written, "q", "Q"]], YES_NO)).questionnaire
    assert only(q).type == item_type


def test_without_a_settings_sheet_the_key_comes_from_the_file_name_and_it_says_so():
    result = imported(workbook([["type", "name", "label"], ["text", "a", "A"]], settings=None),
                      "Exit Interview (2024).xlsx")
    assert (result.questionnaire.key, result.questionnaire.title) == (
        "exit-interview-2024", {"en": "exit-interview-2024"})
    (warning,) = result.warnings
    assert (warning.sheet, warning.column) == ("settings", "form_id")
    assert "'exit-interview-2024', from the file name" in warning.message


def test_display_only_columns_are_ignored_with_a_warning_by_sheet_and_column():
    result = imported(workbook(
        [["type", "name", "label", "rows", "autoplay", "body::accept", "media::image",
          "big-image", "audio::English"],
         ["text", "a", "A", "3", "audio", "image/*", "a.png", "b.png", "c.mp3"]],
        [["list_name", "name", "label", "image"], ["colours", "red", "Red", "red.png"]],
        [["form_id", "style", "instance_name"], ["ok", "pages", "x"]]))
    assert [(w.sheet, w.row, w.column) for w in result.warnings] == [
        ("survey", 0, "rows"), ("survey", 0, "autoplay"), ("survey", 0, "body::accept"),
        ("survey", 0, "media::image"), ("survey", 0, "big-image"),
        ("survey", 0, "audio::English"), ("choices", 0, "image"), ("settings", 0, "style"),
        ("settings", 0, "instance_name")]
    assert all(w.message.startswith("Ignored: ") for w in result.warnings)
    assert only(result.questionnaire).label == {"en": "A"}


def test_metadata_that_odk_records_by_itself_is_ignored_by_row():
    result = imported(workbook([["type", "name", "label"], ["start", "start", None],
                                ["deviceid", "device", None], ["text", "a", "A"]]))
    assert [i.key for i in result.questionnaire.items()] == ["a"]
    assert [(w.row, w.column) for w in result.warnings] == [(2, "type"), (3, "type")]


def test_notes_constraints_messages_guidance_defaults_and_appearances():
    q = imported(workbook(
        [["type", "name", "label", "hint", "guidance_hint", "constraint",
          "constraint_message", "required", "required_message", "default", "appearance"],
         ["note", "intro", "Explain the interview first.", "", "", "", "", "", "", "", ""],
         ["integer", "age", "Age?", "In years", "Ask gently", ". >= 10 and . <= 25",
          "Between 10 and 25", "yes", "Record their age", "16", ""],
         ["select_one yes_no", "ok", "OK?", "", "", "", "", "", "", "no", "likert"],
         ["select_one yes_no", "fine", "Fine?", "", "", "", "", "", "", "", "horizontal"],
         ["text", "why", "Why?", "", "", "", "", "", "", "", "multiline"]],
        YES_NO)).questionnaire
    items = {i.key: i for i in q.items()}
    assert items["intro"].type == ItemType.NOTE
    age = items["age"]
    assert (age.constraint, age.constraint_message, age.required, age.required_message) == (
        ". >= 10 and . <= 25", {"en": "Between 10 and 25"}, True, {"en": "Record their age"})
    assert (age.hint, age.guidance_hint, age.default) == (
        {"en": "In years"}, {"en": "Ask gently"}, "16")
    assert (items["ok"].appearance, items["ok"].default) == ("likert", "no")
    assert items["fine"].appearance == "horizontal"
    assert items["why"].type == ItemType.LONG_TEXT


def test_or_other_adds_the_other_choice_and_a_question_asking_what():
    q = imported(workbook([["type", "name", "label"],
                           ["select_multiple yes_no or_other", "which", "Which?"],
                           ["select_one yes_no", "plain", "Plain?"]], YES_NO)).questionnaire
    which, other, plain = q.items()
    assert which.or_other
    assert which.choices[-1] == OTHER_CHOICE
    assert (other.key, other.type, other.label, other.relevant) == (
        "which_other", ItemType.SHORT_TEXT, OTHER_LABEL, "selected(${which}, 'other')")
    assert [c.value for c in plain.choices] == ["yes", "no"]


def test_nested_groups_are_flattened_into_sections_that_keep_both_conditions():
    q = imported(workbook([
        ["type", "name", "label", "relevant"],
        ["select_one yes_no", "first", "First?"],
        ["begin group", "outer", "Outer", "${first} = 'yes'"],
        ["text", "a", "A"],
        ["begin_group", "inner", "Inner", "${a} != ''"],
        ["text", "b", "B"],
        ["end_group"],
        ["text", "c", "C"],
        ["end group"]], YES_NO)).questionnaire
    assert [(s.key, s.title["en"], s.relevant, [i.key for i in s.items]) for s in q.sections] == [
        ("main", "Test form", "", ["first"]),
        ("outer", "Outer", "${first} = 'yes'", ["a"]),
        ("inner", "Inner", "(${first} = 'yes') and (${a} != '')", ["b"]),
        ("outer_2", "Outer", "${first} = 'yes'", ["c"])]


def test_a_constraint_that_the_condition_parser_cannot_read_is_refused_by_row():
    from leaver.questionnaires.xlsform import XLSFormError

    with pytest.raises(XLSFormError) as refused:
        import_xlsform(workbook([["type", "name", "label", "constraint"],
                                 ["text", "a", "A", "regex(., '^[0-9]+$')"]]))
    (problem,) = refused.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("survey", 2, "constraint")
    assert "Unsupported function regex()" in problem.message


def test_settings_as_written_by_the_seeds_still_work():
    assert import_xlsform(workbook([["type", "name", "label"], ["text", "a", "A"]],
                                   settings=SETTINGS)).warnings == []


def test_a_workbook_as_kobotoolbox_exports_it_imports_with_its_extras_ignored():
    result = imported(workbook(
        [["type", "name", "label::English (en)", "label::Français (fr)", "required",
          "appearance", "$kuid", "$autoname"],
         ["start", "start", None, None, None, None, "k1", "start"],
         ["end", "end", None, None, None, None, "k2", "end"],
         ["begin_group", "about", "About you", "Vous", None, "field-list", "k3", "about"],
         ["select_one yn", "happy", "Happy here?", "Heureux ?", "true", "minimal", "k4",
          "happy"],
         ["text", "why", "Why?", "Pourquoi ?", "false", "multiline", "k5", "why"],
         ["end_group", None, None, None, None, None, "k6", None]],
        [["list_name", "name", "label::English (en)", "label::Français (fr)", "$kuid",
          "$autovalue"],
         ["yn", "yes", "Yes", "Oui", "c1", "yes"], ["yn", "no", "No", "Non", "c2", "no"]],
        [["version", "default_language", "style", "form_id", "form_title"],
         ["vXyZ", "English (en)", "theme-grid", "kobo_form", "Kobo form"]]))
    q = result.questionnaire
    assert [(i.key, i.type, i.required) for i in q.items()] == [
        ("happy", ItemType.SINGLE_CHOICE, True), ("why", ItemType.LONG_TEXT, False)]
    assert q.items()[0].label == {"en": "Happy here?", "fr": "Heureux ?"}
    assert {(w.sheet, w.row, w.column) for w in result.warnings} == {
        ("survey", 0, "$kuid"), ("survey", 0, "$autoname"), ("survey", 2, "type"),
        ("survey", 3, "type"), ("survey", 5, "appearance"), ("choices", 0, "$kuid"),
        ("choices", 0, "$autovalue"), ("settings", 0, "style")}


@pytest.mark.parametrize("sheet", ["external_choices", "entities", "osm"])
def test_sheets_for_external_choices_entities_and_osm_are_refused(sheet):
    from io import BytesIO

    import openpyxl

    from leaver.questionnaires.xlsform import XLSFormError

    book = openpyxl.load_workbook(BytesIO(workbook([["type", "name", "label"],
                                                    ["text", "a", "A"]])))
    book.create_sheet(sheet).append(["list_name", "name", "label"])
    data = BytesIO()
    book.save(data)
    with pytest.raises(XLSFormError) as refused:
        import_xlsform(data.getvalue())
    assert any(sheet in p.message and p.sheet == "" for p in refused.value.problems)
