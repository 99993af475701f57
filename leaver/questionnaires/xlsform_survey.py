"""Reading an XLSForm workbook's survey sheet: its groups and questions become sections and
items; every type, column and condition the engine does not support is a problem."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from leaver.questionnaires.conditions import ConditionError, parse
from leaver.questionnaires.spec import DEFAULT_LANGUAGE, Choice, Item, ItemType, Section, Text
from leaver.questionnaires.xlsform_choices import ChoiceList
from leaver.questionnaires.xlsform_format import (
    FALSE,
    KEY,
    SURVEY_COLUMNS,
    TRANSLATED,
    TRUE,
    UNSUPPORTED_TYPES,
    Problem,
    item_type,
)
from leaver.questionnaires.xlsform_settings import Settings
from leaver.questionnaires.xlsform_workbook import Sheet, Texts, check_columns

PLAIN_TYPES = {"text": ItemType.SHORT_TEXT, "date": ItemType.DATE,
               "integer": ItemType.NUMBER, "decimal": ItemType.NUMBER}
SELECTS = {"select_one": "select_one", "select one": "select_one",
           "select_multiple": "select_multiple", "select all that apply": "select_multiple"}
_SELECT = re.compile(r"(select_one|select one|select_multiple|select all that apply)"
                     r"(?: (\S+))?(?: (.*))?", re.IGNORECASE)
STRUCTURE = ("begin group", "end group", "begin repeat", "end repeat")


@dataclass
class _Draft:
    key: str | None  # None: questions outside any group, keyed once all names are known
    title: Text
    intro: Text = field(default_factory=dict)
    relevant: str = ""
    items: list[Item] = field(default_factory=list)


class SurveyReader:
    """The survey sheet, row by row: `read()` gives its sections and records every problem."""

    def __init__(self, sheet: Sheet, settings: Settings, lists: Mapping[str, ChoiceList],
                 problems: list[Problem]) -> None:
        self.sheet, self.settings, self.lists, self.problems = sheet, settings, lists, problems
        self.texts = Texts(sheet, TRANSLATED, settings.language, problems)
        check_columns(sheet, SURVEY_COLUMNS, TRANSLATED, problems)
        self.sections: list[_Draft] = []
        self.group: tuple[int, int] | None = None  # (row, depth) of the open top-level group
        self.repeats = 0
        self.names: dict[str, int] = {}
        self.conditions: list[tuple[int, str, str]] = []  # (row, column, condition)

    def problem(self, row: int, column: str, message: str) -> None:
        self.problems.append(Problem("survey", row, column, message))

    def read(self) -> tuple[Section, ...]:
        for row, cells in self.sheet.rows:
            self.texts.check(row, cells, self.problems)
            self.row(row, cells)
        if self.group is not None:
            self.problem(self.group[0], "type", "This group has no matching 'end group'.")
        if not any(draft.items for draft in self.sections):
            self.problem(0, "", "The survey sheet has no questions.")
        known = {i.key: i.type for d in self.sections for i in d.items}
        for row, column, text in self.conditions:
            try:
                parse(text, known)
            except ConditionError as exc:
                self.problem(row, column, f"This condition cannot be used: {exc}.")
        loose = (k for k in ("main", *(f"main_{n}" for n in range(2, 10_000)))
                 if k not in self.names)
        return tuple(Section(d.key or next(loose), d.title, d.intro, d.relevant, tuple(d.items))
                     for d in self.sections)

    def row(self, row: int, cells: dict[str, str]) -> None:
        written = " ".join(cells.get("type", "").split())
        kind = written.lower()
        if kind.replace("_", " ") in STRUCTURE:
            self.structure(row, kind.replace("_", " "), cells)
        elif select := _SELECT.fullmatch(written):
            self.select(row, cells, SELECTS[select.group(1).lower()], select.group(2) or "",
                        select.group(3) or "")
        elif kind in PLAIN_TYPES:
            appearance = cells.get("appearance", "").lower().split()
            multiline = kind == "text" and "multiline" in appearance
            self.item(row, cells, ItemType.LONG_TEXT if multiline else PLAIN_TYPES[kind], ())
        elif not kind:
            self.problem(row, "type", "This row has no type.")
        else:
            self.name(row, cells)
            feature = UNSUPPORTED_TYPES.get(kind) or UNSUPPORTED_TYPES.get(kind.split()[0])
            if feature:
                self.problem(row, "type", f"The type {written!r} uses {feature}, which this "
                             "questionnaire engine does not support.")
            else:
                self.problem(row, "type", f"Unknown type {written!r}.")

    def structure(self, row: int, kind: str, cells: dict[str, str]) -> None:
        if kind == "begin repeat":
            self.repeats += 1
            self.name(row, cells)
            self.problem(row, "type", "This uses repeats, which this questionnaire engine does "
                         "not support.")
        elif kind == "end repeat":
            if self.repeats:
                self.repeats -= 1
            else:
                self.problem(row, "type", "This 'end repeat' has no matching 'begin repeat'.")
        elif kind == "begin group" and self.group is not None:
            start, depth = self.group
            self.group = (start, depth + 1)
            self.name(row, cells)
            self.problem(row, "type", f"This group is inside another group (the one on row "
                         f"{start}): groups cannot be nested; make each group a section of "
                         "its own.")
        elif kind == "begin group":
            self.group = (row, 1)
            self.begin_group(row, cells)
        elif self.group is None:
            self.problem(row, "type", "This 'end group' has no matching 'begin group'.")
        else:
            start, depth = self.group
            self.group = (start, depth - 1) if depth > 1 else None

    def begin_group(self, row: int, cells: dict[str, str]) -> None:
        key = self.name(row, cells)
        title = self.texts.get(cells, "label")
        if DEFAULT_LANGUAGE not in title:
            self.problem(row, "label", "This group needs an English label (its title).")
        not_for_groups = [h for h, (base, _) in self.texts.columns.items() if base == "easy_read"]
        not_for_groups.append("safeguarding_trigger")
        if cells.get("required", "").lower() not in FALSE:
            not_for_groups.append("required")
        for header in not_for_groups:
            if cells.get(header):
                self.problem(row, header, f"A group cannot have {header.partition('::')[0]}: "
                             "set it on its questions instead.")
        relevant = self.condition(row, cells, "relevant")
        self.sections.append(_Draft(key, title, self.texts.get(cells, "hint"), relevant))

    def select(self, row: int, cells: dict[str, str], select: str, list_name: str,
               rest: str) -> None:
        if rest.lower().replace("_", " ") in ("or other", "or specify other"):
            self.problem(row, "type", f"{rest!r} is not supported: add an 'other' choice and a "
                         "text question shown when it is chosen.")
        elif rest or not list_name:
            self.problem(row, "type", f"Write {select} and the name of a choice list, for "
                         f"example '{select} colours'.")
        choices = self.lists.get(list_name)
        if choices is None:
            self.name(row, cells)
            if list_name:
                self.problem(row, "type", f"The choice list {list_name!r} is not on the choices "
                             "sheet.")
            return
        self.item(row, cells, item_type(select, list_name, choices.values()),
                  tuple(choices.choices))

    def name(self, row: int, cells: Mapping[str, str]) -> str:
        key = cells.get("name", "")
        if not KEY.fullmatch(key):
            self.problem(row, "name", f"The name {key!r} is not a valid key: use lowercase "
                         "letters, digits and _, starting with a letter, at most 63 characters.")
        elif key in self.names:
            self.problem(row, "name", f"The name {key!r} is already used on row "
                         f"{self.names[key]}; every name must be different.")
        else:
            self.names[key] = row
        return key

    def condition(self, row: int, cells: Mapping[str, str], column: str) -> str:
        text = cells.get(column, "")
        if text:
            self.conditions.append((row, column, text))
        return text

    def item(self, row: int, cells: dict[str, str], item_type: ItemType,
             choices: tuple[Choice, ...]) -> None:
        key = self.name(row, cells)
        label = self.texts.get(cells, "label")
        if DEFAULT_LANGUAGE not in label:
            self.problem(row, "label", "This question needs an English label.")
        required = cells.get("required", "").lower()
        if required not in TRUE | FALSE:
            self.problem(row, "required", f"required must be yes or no, not {cells['required']!r} "
                         "(a conditional 'required' is not supported).")
        item = Item(key, item_type, label, hint=self.texts.get(cells, "hint"),
                    easy_read=self.texts.get(cells, "easy_read"), required=required in TRUE,
                    relevant=self.condition(row, cells, "relevant"),
                    safeguarding_trigger=self.condition(row, cells, "safeguarding_trigger"),
                    choices=choices)
        if self.group is None and (not self.sections or self.sections[-1].key is not None):
            self.sections.append(_Draft(None, dict(self.settings.title)))
        self.sections[-1].items.append(item)
