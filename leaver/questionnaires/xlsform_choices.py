"""Reading an XLSForm workbook's choices sheet: the choice lists, by list name."""

from __future__ import annotations

from dataclasses import dataclass, field

from leaver.questionnaires.spec import DEFAULT_LANGUAGE, Choice
from leaver.questionnaires.xlsform_format import (
    CHOICE_VALUE,
    SCALE_PREFIX,
    SCALE_VALUES,
    YES_NO_PREFIX,
    YES_NO_VALUES,
    Problem,
)
from leaver.questionnaires.xlsform_workbook import Sheet, Texts, check_columns


@dataclass
class ChoiceList:
    row: int  # where the list starts
    choices: list[Choice] = field(default_factory=list)

    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


def read_choices(sheet: Sheet | None, language: str,
                  problems: list[Problem]) -> dict[str, ChoiceList]:
    lists: dict[str, ChoiceList] = {}
    if sheet is None:
        return lists
    texts = Texts(sheet, ["label"], language, problems)
    check_columns(sheet, ["list_name", "name"], ["label"], problems)
    for row, cells in sheet.rows:
        list_name, value = cells.get("list_name", ""), cells.get("name", "")
        texts.check(row, cells, problems)
        if not list_name:
            problems.append(Problem("choices", row, "list_name", "This choice has no list_name."))
            continue
        choices = lists.setdefault(list_name, ChoiceList(row))
        label = texts.get(cells, "label")
        if not CHOICE_VALUE.fullmatch(value):
            problems.append(Problem("choices", row, "name", f"The choice name {value!r} is not "
                                    "valid: use letters, digits, _ . and -, without spaces."))
        elif value in choices.values():
            problems.append(Problem("choices", row, "name", f"The list {list_name!r} already "
                                    f"has a choice {value!r}."))
        elif DEFAULT_LANGUAGE not in label:
            problems.append(Problem("choices", row, "label", "This choice needs an English "
                                    "label."))
        else:
            choices.choices.append(Choice(value, label))
    for name, choices in lists.items():
        for prefix, wanted in ((YES_NO_PREFIX, YES_NO_VALUES), (SCALE_PREFIX, SCALE_VALUES)):
            if name.startswith(prefix) and choices.values() != wanted:
                problems.append(Problem("choices", choices.row, "list_name", f"A list whose "
                                        f"name starts {prefix!r} must have exactly the choices "
                                        f"{', '.join(wanted)}, in that order; rename the list "
                                        "to use other choices."))
    return lists
