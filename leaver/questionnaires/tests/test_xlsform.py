"""Reading XLSForm: the two seeded workbooks, and what a workbook's columns and types become."""

from __future__ import annotations

import socket
import subprocess

import pytest

from leaver.questionnaires.spec import YES_NO_NOT_SURE, ItemType
from leaver.questionnaires.tests.xlsform_workbooks import SEEDS, workbook
from leaver.questionnaires.xlsform import read_xlsform, write_xlsform
from leaver.questionnaires.xlsform_pyxform import pyxform_problems
from scripts.appendix_1 import SECTIONS
from scripts.make_seed_xlsforms import staff_exit, young_person

YP = SEEDS / "yp-appendix-1.xlsx"
STAFF = SEEDS / "staff-exit.xlsx"


# Appendix 1 of seed 002: its sections and the stable keys of its questions, in order. Reports
# compare answers across versions by key, so a key must never change or disappear.
APPENDIX_1 = {
    "living_here": ["happy_living_here", "rather_lived_elsewhere", "asked_what_you_wanted"],
    "moving_on": ["happy_leaving_now", "who_decided", "want_to_stay_longer",
                  "helped_prepare_move"],
    "care_and_safety": ["people_took_care", "someone_safe_to_talk_to",
                        "saw_social_worker_enough", "time_with_keyworker",
                        "talked_and_helped_enough", "property_cared_for", "felt_safe",
                        "made_uncomfortable", "experienced_bullying", "bullying_dealt_with"],
    "being_listened_to": ["listened_to_views", "say_in_care_plan", "listened_when_worried"],
    "school": ["encouraged_school", "helped_ready_for_school", "asked_about_school",
               "asked_about_homework", "helped_with_homework", "carers_attended_school"],
    "health": ["health_looked_after", "when_ill", "taken_to_doctor", "saw_dentist",
               "talked_about_health"],
    "having_a_say": ["say_in_home", "say_menus_bedtimes_activities", "encouraged_bring_friends"],
    "activities": ["spare_time", "encouraged_outside_activities", "missed_activities",
                   "tried_new_hobbies"],
    "friends_and_relationships": ["got_on_with_others", "friends_outside",
                                  "talked_about_relationships"],
    "good_and_bad": ["good_things", "bad_things"],
    "in_charge": ["would_change"],
}
# The appendix's open ("what / how / who") questions; every other question is closed.
OPEN = {"who_decided", "bullying_dealt_with", "when_ill", "spare_time", "got_on_with_others",
        "good_things", "bad_things", "would_change"}


def test_young_persons_form_has_every_appendix_question_with_the_interview_keys():
    q = read_xlsform(YP)
    assert (q.key, q.version) == ("yp-appendix-1", "2")
    assert [s.key for s in q.sections] == list(APPENDIX_1)
    assert len(APPENDIX_1) == 11
    questions = [i for i in q.items() if not i.key.endswith("_comment")]
    assert len(questions) == 44
    for section, appendix in zip(q.sections, SECTIONS, strict=True):
        assert section.title["en"] == appendix.title
        asked = [i for i in section.items if not i.key.endswith("_comment")]
        assert [i.key for i in asked] == APPENDIX_1[section.key]
        assert [(i.key, i.label["en"]) for i in asked] == [(o.key, o.text)
                                                            for o in appendix.questions]


def test_closed_questions_are_yes_no_not_sure_with_an_optional_comment_and_open_are_text():
    q = read_xlsform(YP)
    items = {i.key: i for i in q.items()}
    keys = [key for section in APPENDIX_1.values() for key in section]
    assert len(keys) == 44
    assert set(keys) >= OPEN
    for key in keys:
        item = items[key]
        if key in OPEN:
            assert (item.type, item.required) == (ItemType.LONG_TEXT, False)
            assert f"{key}_comment" not in items
            continue
        if key != "say_menus_bedtimes_activities":
            assert (item.type, item.choices) == (ItemType.YES_NO_NOT_SURE, YES_NO_NOT_SURE)
        assert item.required
        comment = items[f"{key}_comment"]
        assert (comment.type, comment.required) == (ItemType.LONG_TEXT, False)
    assert len(items) == 44 + 36


def test_how_was_this_dealt_with_is_shown_only_after_a_yes_to_bullying():
    items = {i.key: i for i in read_xlsform(YP).items()}
    assert items["bullying_dealt_with"].relevant == "${experienced_bullying} = 'yes'"
    assert [k for k, i in items.items() if i.relevant] == [
        "bullying_dealt_with", "say_menus_bedtimes_activities",
        "say_menus_bedtimes_activities_comment"]


def test_menus_bedtimes_activities_are_parts_of_having_a_say_in_the_home():
    items = {i.key: i for i in read_xlsform(YP).items()}
    parts = items["say_menus_bedtimes_activities"]
    assert parts.type == ItemType.MULTIPLE_CHOICE
    assert parts.label["en"] == "Menus? Bedtimes? Activities?"
    assert [c.value for c in parts.choices] == ["menus", "bedtimes", "activities", "none"]
    assert parts.relevant == "${say_in_home} = 'yes'"


def test_triggers_on_not_feeling_safe_and_on_bullying_and_nowhere_else():
    q = read_xlsform(YP)
    assert {i.key: i.safeguarding_trigger for i in q.items() if i.safeguarding_trigger} == {
        "felt_safe": "${felt_safe} = 'no'",
        "experienced_bullying": "${experienced_bullying} = 'yes'",
    }


def test_young_persons_form_is_in_welsh_and_easy_read_throughout():
    q = read_xlsform(YP)
    assert set(q.title) == {"en", "cy"}
    for section in q.sections:
        assert set(section.title) == {"en", "cy"}
    for item in q.items():
        assert set(item.label) == {"en", "cy"}, item.key
        assert set(item.easy_read) == {"en", "cy"}, item.key
        assert item.easy_read["en"] != item.label["en"] or item.key.endswith("_comment")
        for choice in item.choices:
            assert set(choice.label) == {"en", "cy"}
        assert set(item.hint) in (set(), {"en", "cy"})


def test_staff_exit_form_has_the_reason_taxonomy_and_seven_ratings():
    q = read_xlsform(STAFF)
    assert (q.key, [s.key for s in q.sections]) == (
        "staff-exit", ["leaving", "ratings", "looking_back"])
    items = {i.key: i for i in q.items()}
    reason = items["reason_for_leaving"]
    assert reason.type == ItemType.SINGLE_CHOICE
    assert [c.value for c in reason.choices] == [
        "retirement", "career_progression", "promotion_elsewhere", "workload", "pay",
        "leadership_and_management", "pupil_behaviour", "relocation", "family_or_personal",
        "health", "end_of_contract", "leaving_teaching", "other"]
    assert items["reason_other"].relevant == "${reason_for_leaving} = 'other'"
    ratings = [i for i in q.items() if i.type == ItemType.SCALE]
    assert [i.label["en"] for i in ratings] == [
        "Workload", "Leadership", "Support from colleagues", "Professional development",
        "Pay and conditions", "Wellbeing", "Pupil behaviour"]
    assert all([c.value for c in i.choices] == ["1", "2", "3", "4", "5"] for i in ratings)
    assert items["recommend_working_here"].type == ItemType.YES_NO_NOT_SURE
    assert {items[k].type for k in ("would_have_stayed", "school_does_well", "anything_else")} \
        == {ItemType.LONG_TEXT}
    assert len(items) == 13


@pytest.mark.parametrize("path", [YP, STAFF], ids=["yp", "staff"])
def test_pyxform_accepts_the_seeded_workbooks(path):
    assert pyxform_problems(path.read_bytes()) == []


@pytest.mark.parametrize(("path", "spec"), [(YP, young_person), (STAFF, staff_exit)],
                         ids=["yp", "staff"])
def test_seeded_workbooks_are_what_the_generator_script_writes(path, spec):
    assert read_xlsform(path) == spec()
    assert write_xlsform(read_xlsform(path)) == path.read_bytes()


def test_reading_runs_no_program_and_opens_no_connection(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("reading an XLSForm must not start a program or connect")

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert read_xlsform(YP.read_bytes()).key == "yp-appendix-1"


def test_plain_label_is_english_and_language_columns_add_translations():
    q = read_xlsform(workbook([
        ["type", "name", "label", "label::Welsh (cy)", "hint::Welsh", "easy_read",
         "easy_read::Welsh (cy)"],
        ["text", "town", "Town?", "Tref?", "Eich tref", "Where do you live?", "Ble?"]]))
    (item,) = q.items()
    assert item.label == {"en": "Town?", "cy": "Tref?"}
    assert (item.hint, item.easy_read) == ({"cy": "Eich tref"}, {"en": "Where do you live?",
                                                                 "cy": "Ble?"})


def test_types_map_to_item_types():
    q = read_xlsform(workbook([
        ["type", "name", "label", "appearance", "required"],
        ["select_one yes_no_not_sure", "a", "A", "", "yes"],
        ["select_one colours", "b", "B", "minimal", "TRUE()"],
        ["select_multiple colours", "c", "C", "", True],
        ["text", "d", "D", "", "no"],
        ["text", "e", "E", "multiline", ""],
        ["date", "f", "F"], ["integer", "g", "G"], ["decimal", "h", "H"],
        ["select_one scale_agree", "i", "I"]],
        choices=[["list_name", "name", "label"], ["yes_no_not_sure", "yes", "Yes"],
                 ["yes_no_not_sure", "no", "No"], ["yes_no_not_sure", "not_sure", "Not sure"],
                 ["colours", "red", "Red"], *[["scale_agree", n, f"{n}"] for n in range(1, 6)]]))
    assert [(i.key, i.type, i.required) for i in q.items()] == [
        ("a", ItemType.YES_NO_NOT_SURE, True), ("b", ItemType.SINGLE_CHOICE, True),
        ("c", ItemType.MULTIPLE_CHOICE, True), ("d", ItemType.SHORT_TEXT, False),
        ("e", ItemType.LONG_TEXT, False), ("f", ItemType.DATE, False),
        ("g", ItemType.NUMBER, False), ("h", ItemType.NUMBER, False),
        ("i", ItemType.SCALE, False)]


def test_yes_no_not_sure_values_under_another_list_name_are_a_single_choice():
    q = read_xlsform(workbook(
        [["type", "name", "label"], ["select_one answers", "a", "A"]],
        choices=[["list_name", "name", "label"], ["answers", "yes", "Yes"],
                 ["answers", "no", "No"], ["answers", "not_sure", "Not sure"]]))
    assert q.items()[0].type == ItemType.SINGLE_CHOICE


def test_groups_are_sections_and_questions_outside_groups_a_section_of_their_own():
    q = read_xlsform(workbook([
        [*["type", "name", "label", "hint", "relevant"]],
        ["text", "first", "First"],
        ["begin group", "about_you", "About you", "Some questions about you", "${first} != ''"],
        ["text", "age", "Age"],
        ["end group"],
        ["text", "main", "Last"]],
        settings=[["form_title", "form_id", "form_title_cy"], ["My form", "my-form", "Fy"]]))
    assert [(s.key, s.title, [i.key for i in s.items]) for s in q.sections] == [
        ("main_2", {"en": "My form", "cy": "Fy"}, ["first"]),
        ("about_you", {"en": "About you"}, ["age"]),
        ("main_3", {"en": "My form", "cy": "Fy"}, ["main"])]
    assert (q.sections[1].intro, q.sections[1].relevant) == (
        {"en": "Some questions about you"}, "${first} != ''")
    assert (q.key, q.version) == ("my-form", "")


def test_empty_rows_and_columns_without_values_are_ignored():
    q = read_xlsform(workbook([
        ["type", "name", "label", "constraint", "colour"],
        ["text", "a", "A"], [None], [None, None, None], ["text", "b", "B"]]))
    assert [i.key for i in q.items()] == ["a", "b"]
