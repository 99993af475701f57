"""Writing a questionnaire as an XLSForm workbook: see `leaver.questionnaires.xlsform`.

Every section is written as a top-level group. A question with `or_other` is written as
`select_one <list> or_other`, its list without the "Other" choice and without the question
`<key>_other` after it, which reading adds back. Choice lists are shared between questions with
identical choices: yes / no / not sure lists are named `yes_no_not_sure` (then `_2`, …), 1–5
scales `scale_1_5` (then `_2`, …), other lists after their first question's key, never with a
reserved prefix. Columns that would be empty in every row are left out. The bytes are the same
for the same spec: fixed document dates and fixed timestamps in the zip.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from io import BytesIO
from typing import Any

from leaver.questionnaires.spec import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    OTHER_CHOICE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
    Text,
)
from leaver.questionnaires.xlsform_format import (
    LANGUAGE_CODE,
    SCALE_PREFIX,
    YES_NO_PREFIX,
    language_header,
)

FIXED_TIME = datetime(2000, 1, 1)  # document dates: a constant, so the bytes never change
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
WIDTHS = {"type": 28, "name": 30, "label": 60, "hint": 40, "easy_read": 50, "relevant": 36,
          "safeguarding_trigger": 36, "list_name": 24, "form_title": 40, "constraint": 30,
          "guidance_hint": 40, "constraint_message": 40, "required_message": 40}
TRANSLATED = ("label", "hint", "guidance_hint", "easy_read", "constraint_message",
              "required_message")


def _own_choices(item: Item) -> tuple[Choice, ...]:
    """The choices written on the choices sheet: without the one `or_other` adds."""
    if item.or_other and item.choices and item.choices[-1] == OTHER_CHOICE:
        return item.choices[:-1]
    return item.choices


def _languages(texts: Iterable[Text]) -> list[str]:
    codes = {code for text in texts for code in text}
    order = [DEFAULT_LANGUAGE, *LANGUAGES]
    return sorted(codes, key=lambda c: (order.index(c) if c in order else len(order), c))


def _same(item: Item) -> tuple[bool, tuple[tuple[str, tuple[tuple[str, str], ...]], ...]]:
    """Questions with the same `_same` share a choice list."""
    special = item.type in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE)
    return special, tuple((c.value, tuple(sorted(c.label.items()))) for c in _own_choices(item))


class _Lists:
    """Choice list names, shared between questions with the same choices."""

    def __init__(self, items: list[Item]) -> None:
        self.names: dict[object, str] = {}
        self.lists: list[tuple[str, tuple[Choice, ...]]] = []
        used = {SCALE_PREFIX: 0, YES_NO_PREFIX: 0}
        taken: set[str] = set()
        for item in items:
            if item.type not in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE,
                                 ItemType.SINGLE_CHOICE, ItemType.MULTIPLE_CHOICE):
                continue
            if _same(item) in self.names:
                continue
            if item.type in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE):
                base = "yes_no_not_sure" if item.type == ItemType.YES_NO_NOT_SURE else "scale_1_5"
                prefix = YES_NO_PREFIX if item.type == ItemType.YES_NO_NOT_SURE else SCALE_PREFIX
                used[prefix] += 1
                name = base if used[prefix] == 1 else f"{base}_{used[prefix]}"
            else:
                name = item.key
                if name.startswith((YES_NO_PREFIX, SCALE_PREFIX)):
                    name = f"choices_{name}"
                while name in taken:
                    name += "_"
            taken.add(name)
            self.names[_same(item)] = name
            self.lists.append((name, _own_choices(item)))

    def name(self, item: Item) -> str:
        return self.names[_same(item)]


def _type(item: Item, lists: _Lists) -> str:
    other = " or_other" if item.or_other else ""
    if item.type == ItemType.MULTIPLE_CHOICE:
        return f"select_multiple {lists.name(item)}{other}"
    if item.type in (ItemType.YES_NO_NOT_SURE, ItemType.SCALE, ItemType.SINGLE_CHOICE):
        return f"select_one {lists.name(item)}{other}"
    return {ItemType.SHORT_TEXT: "text", ItemType.LONG_TEXT: "text", ItemType.DATE: "date",
            ItemType.NUMBER: "decimal", ItemType.NOTE: "note"}[item.type]


def _items(section: Section) -> Iterator[Item]:
    """The items written: not the `<key>_other` question reading adds after an `or_other`."""
    previous: Item | None = None
    for item in section.items:
        if not (previous and previous.or_other and item.key == f"{previous.key}_other"):
            yield item
        previous = item


def _survey_rows(q: Questionnaire, lists: _Lists) -> Iterator[dict[str, str]]:
    for section in q.sections:
        yield {"type": "begin group", "name": section.key, **_texts("label", section.title),
               **_texts("hint", section.intro), "relevant": section.relevant}
        for item in _items(section):
            appearance = ["multiline"] if item.type == ItemType.LONG_TEXT else []
            yield {"type": _type(item, lists), "name": item.key, **_texts("label", item.label),
                   **_texts("hint", item.hint), **_texts("guidance_hint", item.guidance_hint),
                   **_texts("easy_read", item.easy_read),
                   "required": "yes" if item.required else "",
                   **_texts("required_message", item.required_message),
                   "relevant": item.relevant, "constraint": item.constraint,
                   **_texts("constraint_message", item.constraint_message),
                   "default": item.default,
                   "appearance": " ".join([*appearance, *item.appearance.split()]),
                   "safeguarding_trigger": item.safeguarding_trigger}
        yield {"type": "end group", "name": section.key}


def _texts(column: str, text: Text) -> dict[str, str]:
    return {f"{column}::{language_header(code)}": words for code, words in text.items()}


def _columns(rows: list[dict[str, str]], order: Iterable[str]) -> list[str]:
    """The columns of `order` that hold a value in some row."""
    return [c for c in order if any(row.get(c) for row in rows)]


def _sheet(workbook: Any, title: str, columns: list[str], rows: list[dict[str, str]]) -> None:
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(c) or None for c in columns])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # words, not a formula
    for index, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(column.partition("::")[0], 16)
    sheet.freeze_panes = "A2"


def write(q: Questionnaire) -> bytes:
    """See `leaver.questionnaires.xlsform.write_xlsform`."""
    import openpyxl
    from openpyxl.writer.excel import ExcelWriter

    items = q.items()
    lists = _Lists(items)
    texts = [q.title] + [t for s in q.sections for t in (s.title, s.intro)] + [
        t for i in items for t in (i.label, i.hint, i.easy_read, i.guidance_hint,
                                   i.constraint_message, i.required_message)]
    languages = _languages(texts + [c.label for _, cs in lists.lists for c in cs])
    survey = list(_survey_rows(q, lists))
    choices = [{"list_name": name, "name": c.value, **_texts("label", c.label)}
               for name, cs in lists.lists for c in cs]
    translated = [f"{column}::{language_header(code)}" for column in TRANSLATED
                  for code in languages]
    settings = {"form_title": q.title.get(DEFAULT_LANGUAGE, ""), "form_id": q.key,
                "version": q.version, "default_language": language_header(DEFAULT_LANGUAGE),
                **{f"form_title_{code}": words for code, words in q.title.items()
                   if code != DEFAULT_LANGUAGE and LANGUAGE_CODE.fullmatch(code)}}

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    _sheet(workbook, "survey", ["type", "name", *_columns(survey, [
        *translated, "required", "relevant", "constraint", "default", "appearance",
        "safeguarding_trigger"])], survey)
    _sheet(workbook, "choices", ["list_name", "name", *_columns(choices, translated)], choices)
    _sheet(workbook, "settings", _columns([settings], [
        "form_title", "form_id", "version", "default_language",
        *(f"form_title_{code}" for code in languages)]), [settings])
    workbook.properties.creator = "Leaver"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME

    written = BytesIO()
    with zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()  # save_workbook() would stamp the time
    result = BytesIO()
    with zipfile.ZipFile(BytesIO(written.getvalue())) as source, \
            zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(fixed, source.read(info.filename))
    return result.getvalue()
