"""Writing XLSForm: export then import gives the same questionnaire, and the bytes are stable."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from typing import Any

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaver.questionnaires.spec import (
    CHOICE_TYPES,
    OTHER_CHOICE,
    OTHER_LABEL,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
    Text,
)
from leaver.questionnaires.tests.xlsform_workbooks import SEEDS
from leaver.questionnaires.xlsform import read_xlsform, write_xlsform
from leaver.questionnaires.xlsform_pyxform import pyxform_problems

KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)
VALUES = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
# Welsh letters, punctuation, and "=" to check that words are never written as formulas. pyxform
# runs spaces together (its setting clean_text_values), so words have no two spaces together.
WORDS = st.text("abcdefwxyzABCWŵŷâô0123 ,.?!'()-=&<", min_size=1, max_size=24).map(
    lambda words: " ".join(words.split())).filter(bool)


def texts(required: bool = True) -> st.SearchStrategy[Text]:
    """Words in English (unless not required), maybe Welsh, and maybe a language the interface
    does not show, kept all the same: French by its code, Spanish by its name only."""
    english = WORDS if required else st.none() | WORDS
    other = st.none() | WORDS
    return st.builds(lambda en, cy, fr, es: {k: v for k, v in (
        ("en", en), ("cy", cy), ("fr", fr), ("Español", es)) if v}, english, other,
        st.none() | st.none() | WORDS, st.none() | st.none() | WORDS)


def choices_for(item_type: ItemType) -> st.SearchStrategy[tuple[Choice, ...]]:
    if item_type == ItemType.YES_NO_NOT_SURE:
        values: st.SearchStrategy[list[str]] = st.just(["yes", "no", "not_sure"])
    elif item_type == ItemType.SCALE:
        values = st.just(["1", "2", "3", "4", "5"])
    elif item_type in CHOICE_TYPES:
        values = st.lists(VALUES, min_size=1, max_size=4, unique=True)
    else:
        return st.just(())
    return values.flatmap(lambda vs: st.tuples(*(st.builds(Choice, st.just(v), texts())
                                                 for v in vs)))


def condition_on(item: Item) -> st.SearchStrategy[str]:
    """A simple condition that holds for some answers to `item`."""
    ref = f"${{{item.key}}}"
    if item.type == ItemType.MULTIPLE_CHOICE:
        return st.sampled_from([f"selected({ref}, '{c.value}')" for c in item.choices])
    if item.type in CHOICE_TYPES:
        return st.sampled_from([f"{ref} = '{c.value}'" for c in item.choices] +
                               [f"{ref} != '{item.choices[0].value}'"])
    if item.type == ItemType.NUMBER:
        return st.sampled_from([f"{ref} > 3", f"{ref} <= -1.5"])
    if item.type == ItemType.DATE:
        return st.just(f"{ref} < '2024-01-31'")
    return st.sampled_from([f"{ref} != ''", f"not({ref} = '')"])


@st.composite
def conditions(draw: st.DrawFn, earlier: list[Item]) -> str:
    if not earlier or draw(st.booleans()):
        return ""
    parts = [draw(condition_on(i)) for i in draw(
        st.lists(st.sampled_from(earlier), min_size=1, max_size=2))]
    return draw(st.sampled_from([" and ", " or "])).join(parts)


@st.composite
def extras(draw: st.DrawFn, key: str, item_type: ItemType) -> dict[str, Any]:
    """Constraint, messages, guidance, default and appearance, where they fit the type."""
    found: dict[str, Any] = {
        "required_message": draw(texts(required=False)),
        "guidance_hint": draw(texts(required=False)),
    }
    if item_type == ItemType.NUMBER and draw(st.booleans()):
        found["constraint"] = draw(st.sampled_from([". > 3", ". >= 0 and . <= 120",
                                                    f"${{{key}}} != 7"]))
        found["constraint_message"] = draw(texts(required=False))
    if item_type in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE, ItemType.SINGLE_CHOICE):
        found["appearance"] = draw(st.sampled_from(["", "likert", "horizontal"]))
    if item_type == ItemType.YES_NO_NOT_SURE:
        found["default"] = draw(st.sampled_from(["", "no"]))
    if item_type == ItemType.SHORT_TEXT:
        found["default"] = draw(st.sampled_from(["", "none"]))
    return found


@st.composite
def questionnaires(draw: st.DrawFn) -> Questionnaire:
    shape = draw(st.lists(st.integers(1, 4), min_size=1, max_size=3))
    keys = draw(st.lists(KEYS, min_size=len(shape) + sum(shape),
                         max_size=len(shape) + sum(shape), unique=True))
    all_keys = set(keys)
    earlier: list[Item] = []
    sections = []
    for count in shape:
        section_key, keys = keys[0], keys[1:]
        title, intro = draw(texts()), draw(texts(required=False))
        relevant = draw(conditions(earlier))
        items = []
        for key in keys[:count]:
            item_type = draw(st.sampled_from(list(ItemType)))
            item = Item(key, item_type, draw(texts()), hint=draw(texts(required=False)),
                        easy_read=draw(texts(required=False)), required=draw(st.booleans()),
                        relevant=draw(conditions(earlier)), choices=draw(choices_for(item_type)),
                        **draw(extras(key, item_type)))
            trigger = draw(conditions([*earlier, item]))
            items.append(replace(item, safeguarding_trigger=trigger))
            earlier.append(items[-1])
            if draw(st.booleans()) and item_type in (ItemType.SINGLE_CHOICE,
                                                     ItemType.MULTIPLE_CHOICE) \
                    and f"{key}_other" not in all_keys \
                    and "other" not in {c.value for c in item.choices}:
                items[-1] = replace(items[-1], or_other=True,
                                    choices=(*item.choices, OTHER_CHOICE))
                items.append(Item(f"{key}_other", ItemType.SHORT_TEXT, dict(OTHER_LABEL),
                                  relevant=f"selected(${{{key}}}, 'other')"))
                earlier[-1] = items[-2]
        keys = keys[count:]
        sections.append(Section(section_key, title, intro, relevant, tuple(items)))
    # A title in another language is in a column form_title_<code>: it needs a code.
    title = draw(texts().map(lambda t: {k: v for k, v in t.items() if k != "Español"}))
    return Questionnaire(draw(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)), title,
                         draw(st.from_regex(r"[0-9a-z.]{0,6}", fullmatch=True)),
                         tuple(sections))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questionnaires())
def test_export_then_import_gives_the_same_questionnaire(q):
    data = write_xlsform(q)
    assert pyxform_problems(data) == []
    assert read_xlsform(data) == q
    assert write_xlsform(q) == data


def test_export_then_import_of_the_seeds_gives_the_same_questionnaires():
    for path in sorted(SEEDS.glob("*.xlsx")):
        q = read_xlsform(path)
        assert read_xlsform(write_xlsform(q)) == q


def test_questions_with_the_same_choices_share_one_list_and_others_get_their_own():
    yes_no = (Choice("yes", {"en": "Yes"}), Choice("no", {"en": "No"}),
              Choice("not_sure", {"en": "Not sure"}))
    sizes = (Choice("s", {"en": "Small"}), Choice("l", {"en": "Large"}))
    q = Questionnaire("shared", {"en": "Shared"}, "2", (Section("only", {"en": "Only"}, items=(
        Item("a", ItemType.YES_NO_NOT_SURE, {"en": "A"}, choices=yes_no),
        Item("b", ItemType.YES_NO_NOT_SURE, {"en": "B"}, choices=yes_no),
        Item("c", ItemType.YES_NO_NOT_SURE, {"en": "C"}, choices=(
            Choice("yes", {"en": "Yes", "cy": "Do"}), *yes_no[1:])),
        Item("scale_of_it", ItemType.SINGLE_CHOICE, {"en": "D"}, choices=sizes),
        Item("e", ItemType.MULTIPLE_CHOICE, {"en": "E"}, choices=sizes),
    )),))
    book = openpyxl.load_workbook(BytesIO(write_xlsform(q)), read_only=True)
    types = [row[0] for row in book["survey"].iter_rows(min_row=2, values_only=True)]
    assert types == ["begin group", "select_one yes_no_not_sure", "select_one yes_no_not_sure",
                     "select_one yes_no_not_sure_2", "select_one choices_scale_of_it",
                     "select_multiple choices_scale_of_it", "end group"]
    assert read_xlsform(write_xlsform(q)) == q
