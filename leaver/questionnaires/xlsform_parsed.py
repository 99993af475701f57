"""pyxform's parsed form (see `xlsform_pyxform`) as the sections and items of a spec, with this
engine's own rules on top: keys, English wording, required as yes or no, the reserved choice
lists, conditions in the supported subset.

Groups become sections. A group inside another is flattened: its questions are a section of
their own, shown when both groups' conditions hold (`(outer) and (inner)`), and the outer
group's questions after it continue in a section keyed `<outer>_2`. Questions outside any group
form a section of their own, one per run of them, keyed `main` (or `main_2`, …) and titled with
the form title. A select with `or_other` gets the choice "Other" and, after it, a text question
`<key>_other` shown when "Other" is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from leaver.questionnaires.conditions import ConditionError, parse
from leaver.questionnaires.spec import (
    APPEARANCES,
    DEFAULT_LANGUAGE,
    OTHER,
    OTHER_CHOICE,
    OTHER_LABEL,
    Choice,
    Item,
    ItemType,
    Section,
    Text,
)
from leaver.questionnaires.xlsform_defaults import calculated, default_problem
from leaver.questionnaires.xlsform_format import (
    CHOICE_VALUE,
    FALSE,
    KEY,
    SCALE_PREFIX,
    SCALE_VALUES,
    TRUE,
    YES_NO_PREFIX,
    YES_NO_VALUES,
    Problem,
    item_type,
    language_code,
)
from leaver.questionnaires.xlsform_scan import Scan
from leaver.questionnaires.xlsform_types import kind_of

_PLAIN = {"text": ItemType.SHORT_TEXT, "number": ItemType.NUMBER, "date": ItemType.DATE,
          "note": ItemType.NOTE}
_GENERATED_NOTE = re.compile(r"generated_note_name_(\d+)")


@dataclass
class _Group:
    key: str
    title: Text
    intro: Text
    relevant: str
    uses: int = 0


@dataclass
class _Draft:
    group: _Group | None  # None: questions outside any group
    key: str | None  # None: outside any group, keyed once all names are known
    title: Text
    intro: Text = field(default_factory=dict)
    relevant: str = ""
    items: list[Item] = field(default_factory=list)


def texts(value: Any, default: str) -> Text:
    """A pyxform text (words, or language -> words) as a `Text`; "default" is `default`."""
    if isinstance(value, str):
        return {default: value.strip()} if value.strip() else {}
    if not isinstance(value, Mapping):
        return {}
    result: Text = {}
    # The bare column first: a column naming the same language explicitly wins.
    for language, words in sorted(value.items(), key=lambda pair: pair[0] != "default"):
        if isinstance(words, str) and words.strip():
            code = default if language == "default" else language_code(str(language))
            result[code] = words.strip()
    return result


class FormReader:
    """The survey of pyxform's parsed `form`: `sections()` gives its sections; every problem
    and warning is added to `scan`."""

    def __init__(self, form: Mapping[str, Any], scan: Scan, language: str, title: Text,
                 choice_rows: Mapping[tuple[str, str], int]) -> None:
        self.form, self.scan, self.language, self.title = form, scan, language, title
        self.choice_rows = choice_rows
        self.lists: dict[str, tuple[Choice, ...]] = {}
        self.drafts: list[_Draft] = []
        self.keys: dict[str, int] = {}
        self.conditions: list[tuple[int, str, str, str | None]] = []

    def problem(self, row: int, column: str, message: str) -> None:
        self.scan.problems.append(Problem("survey", row, column, message))

    def row(self, name: str) -> int:
        if match := _GENERATED_NOTE.fullmatch(name):
            return int(match.group(1))
        return self.scan.rows.get(name, 0)

    def text(self, value: Any) -> Text:
        return texts(value, self.language)

    def sections(self) -> tuple[Section, ...]:
        self._choices(self.form.get("choices") or {})
        self._children(self.form.get("children") or [], ())
        if not any(draft.items for draft in self.drafts):
            self.problem(0, "", "The survey sheet has no questions.")
        known = {i.key: i.type for d in self.drafts for i in d.items}
        for row, column, text, current in self.conditions:
            try:
                parse(text, known, current)
            except ConditionError as exc:
                self.problem(row, column, f"This condition cannot be used: {exc}.")
        names = set(self.keys) | {d.key for d in self.drafts if d.key}
        loose = (k for k in ("main", *(f"main_{n}" for n in range(2, 10_000))) if k not in names)
        return tuple(Section(d.key or next(loose), d.title, d.intro, d.relevant, tuple(d.items))
                     for d in self.drafts if d.items)

    def _choices(self, lists: Mapping[str, Any]) -> None:
        for list_name, choices in lists.items():
            kept: list[Choice] = []
            for choice in choices:
                value = str(choice.get("name", ""))
                row = self.choice_rows.get((list_name, value), 0)
                label = self.text(choice.get("label"))
                if not CHOICE_VALUE.fullmatch(value):
                    self.scan.problems.append(Problem("choices", row, "name", f"The choice name "
                                                      f"{value!r} is not valid: use letters, "
                                                      "digits, _ . and -, without spaces."))
                elif DEFAULT_LANGUAGE not in label:
                    self.scan.problems.append(Problem("choices", row, "label", "This choice "
                                                      "needs an English label."))
                else:
                    kept.append(Choice(value, label))
            self.lists[list_name] = tuple(kept)
            values = tuple(c.value for c in kept)
            for prefix, wanted in ((YES_NO_PREFIX, YES_NO_VALUES), (SCALE_PREFIX, SCALE_VALUES)):
                if list_name.startswith(prefix) and values != wanted:
                    row = min((r for (n, _), r in self.choice_rows.items() if n == list_name),
                              default=0)
                    self.scan.problems.append(Problem(
                        "choices", row, "list_name", f"A list whose name starts {prefix!r} must "
                        f"have exactly the choices {', '.join(wanted)}, in that order; rename "
                        "the list to use other choices."))

    def _children(self, nodes: list[Mapping[str, Any]], stack: tuple[_Group, ...]) -> None:
        for node in nodes:
            name = str(node.get("name", ""))
            control = node.get("control") or {}
            if name in self.scan.meta or (not stack and name == "meta"
                                          and control.get("bodyless")):
                continue
            kind = kind_of(str(node.get("type", "")))
            if kind.name == "group":
                group = self._group(node, stack)
                self._children(node.get("children") or [], (*stack, group))
            elif kind.name in _PLAIN or kind.name.startswith("select"):
                self._item(node, kind.name, stack)
            elif kind.name not in ("refused", "meta"):  # refused: reported by its row already
                self.problem(self.row(name), "type", f"Unknown type {node.get('type')!r}.")

    def _key(self, row: int, key: str) -> None:
        if not KEY.fullmatch(key):
            self.problem(row, "name", f"The name {key!r} is not a valid key: use lowercase "
                         "letters, digits and _, starting with a letter, at most 63 characters.")
        elif key in self.keys:
            self.problem(row, "name", f"The name {key!r} is already used on row "
                         f"{self.keys[key]}; every name must be different.")
        else:
            self.keys[key] = row

    def _group(self, node: Mapping[str, Any], stack: tuple[_Group, ...]) -> _Group:
        key = str(node.get("name", ""))
        row = self.row(key)
        self._key(row, key)
        for column in ("easy_read", "safeguarding_trigger"):
            if node.get(column):
                self.problem(row, column, f"A group cannot have {column}: set it on its "
                             "questions instead.")
        if str((node.get("bind") or {}).get("required", "")).lower() not in FALSE:
            self.problem(row, "required", "A group cannot have required: set it on its "
                         "questions instead.")
        relevant = str((node.get("bind") or {}).get("relevant", ""))
        if relevant:
            self.conditions.append((row, "relevant", relevant, None))
        outer = stack[-1] if stack else None
        if outer and outer.relevant and relevant:
            relevant = f"({outer.relevant}) and ({relevant})"
        title = self.text(node.get("label")) or (outer.title if outer else dict(self.title))
        if DEFAULT_LANGUAGE not in title:
            self.problem(row, "label", "This group needs an English label (its title).")
        return _Group(key, title, self.text(node.get("hint")),
                      relevant or (outer.relevant if outer else ""))

    def _place(self, item: Item, stack: tuple[_Group, ...]) -> None:
        group = stack[-1] if stack else None
        if self.drafts and self.drafts[-1].group is group:
            self.drafts[-1].items.append(item)
            return
        if group is None:
            self.drafts.append(_Draft(None, None, dict(self.title)))
        else:
            group.uses += 1
            key, number = group.key, group.uses
            while number > 1 and (key == group.key or key in self.keys
                                  or any(d.key == key for d in self.drafts)):
                key, number = f"{group.key}_{number}", number + 1
            self.drafts.append(_Draft(group, key, group.title, group.intro if group.uses == 1
                                      else {}, group.relevant))
        self.drafts[-1].items.append(item)

    def _default(self, row: int, default: str, item_kind: ItemType, integer: bool,
                 choices: tuple[Choice, ...]) -> str:
        if default and item_kind == ItemType.NOTE:
            self.scan.warnings.append(Problem("survey", row, "default", "Ignored: a note is "
                                              "shown, not answered, so it has no default."))
            return ""
        problem = None if not default or calculated(default) else default_problem(
            default, item_kind, integer, tuple(c.value for c in choices))
        if problem:
            self.problem(row, "default", problem)
        return default

    def _item(self, node: Mapping[str, Any], kind: str, stack: tuple[_Group, ...]) -> None:
        key = str(node.get("name", ""))
        row = self.row(key)
        self._key(row, key)
        bind = node.get("bind") or {}
        label = self.text(node.get("label"))
        if DEFAULT_LANGUAGE not in label:
            self.problem(row, "label", "This question needs an English label.")
        required = str(bind.get("required", "")).lower()
        if required not in TRUE | FALSE:
            self.problem(row, "required", f"required must be yes or no, not "
                         f"{bind.get('required')!r} (a conditional 'required' is not supported).")
        appearance = str((node.get("control") or {}).get("appearance", "")).lower().split()
        for ignored in sorted(set(appearance) - APPEARANCES - {"multiline"}):
            self.scan.warnings.append(Problem("survey", row, "appearance", f"Ignored: the "
                                              f"appearance {ignored!r} is not used here."))
        choices: tuple[Choice, ...] = ()
        or_other = row in self.scan.or_other
        if kind.startswith("select"):
            list_name = str(node.get("list_name") or node.get("itemset") or "")
            choices = self.lists.get(list_name, ())
            item_kind = item_type(kind, list_name, tuple(c.value for c in choices))
            if or_other and OTHER not in {c.value for c in choices}:
                choices = (*choices, OTHER_CHOICE)
        elif kind == "text" and "multiline" in appearance:
            item_kind = ItemType.LONG_TEXT
        else:
            item_kind = _PLAIN[kind]
        columns = {"relevant": str(bind.get("relevant", "")), "constraint": str(
            bind.get("constraint", "")), "safeguarding_trigger": str(
            node.get("safeguarding_trigger", ""))}
        for column, text in columns.items():
            if text:
                self.conditions.append((row, column, text, key if column == "constraint"
                                        else None))
        default = self._default(row, str(node.get("default", "")).strip(), item_kind,
                                kind_of(str(node.get("type", ""))).integer, choices)
        self._place(Item(
            key, item_kind, label, hint=self.text(node.get("hint")),
            easy_read=self.text(node.get("easy_read")), required=required in TRUE,
            relevant=columns["relevant"], safeguarding_trigger=columns["safeguarding_trigger"],
            choices=choices, constraint=columns["constraint"],
            constraint_message=self.text(bind.get("jr:constraintMsg")),
            required_message=self.text(bind.get("jr:requiredMsg")),
            guidance_hint=self.text(node.get("guidance_hint")),
            default=default,
            appearance=" ".join(a for a in appearance if a in APPEARANCES), or_other=or_other,
        ), stack)
        if or_other:
            self._key(row, f"{key}_other")
            self._place(Item(f"{key}_other", ItemType.SHORT_TEXT, dict(OTHER_LABEL),
                             relevant=f"selected(${{{key}}}, '{OTHER}')"), stack)
