"""Reading an XLSForm workbook: see `leaver.questionnaires.xlsform` for what is read."""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from leaver.questionnaires.conditions import ConditionError, parse
from leaver.questionnaires.spec import (
    DEFAULT_LANGUAGE,
    Choice,
    Item,
    ItemType,
    Questionnaire,
    Section,
    Text,
)
from leaver.questionnaires.xlsform_format import (
    CHOICE_VALUE,
    FALSE,
    FORM_ID,
    KEY,
    LANGUAGE_CODE,
    SCALE_PREFIX,
    SCALE_VALUES,
    SETTINGS_COLUMNS,
    SURVEY_COLUMNS,
    TRANSLATED,
    TRUE,
    UNSUPPORTED_COLUMNS,
    UNSUPPORTED_SHEETS,
    UNSUPPORTED_TYPES,
    YES_NO_PREFIX,
    YES_NO_VALUES,
    Problem,
    XLSFormError,
    item_type,
    language_code,
)


def _cell_text(value: Any) -> str:
    """A cell as text, the way pyxform reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).replace("\xa0", " ").strip()


def _header(text: str) -> str:
    """A column heading tidied: "Label :: Welsh (cy)" -> "label::Welsh (cy)"."""
    base, sep, language = " ".join(text.split()).partition("::")
    return base.strip().lower() + sep + language.strip()


@dataclass
class _Sheet:
    name: str
    headers: list[str]  # in column order, tidied by _header
    rows: list[tuple[int, dict[str, str]]]  # (row number, header -> non-empty value)

    def used(self, header: str) -> Iterator[int]:
        return (number for number, cells in self.rows if cells.get(header))


def _read_sheet(name: str, ws: Any, problems: list[Problem]) -> _Sheet:
    rows = ws.iter_rows(values_only=True)
    headers: list[str | None] = []
    for cell in next(rows, ()):
        header = _header(_cell_text(cell)) or None
        if header is not None and header in headers:
            problems.append(Problem(name, 1, header, "This column heading appears twice."))
            header = None
        headers.append(header)
    sheet = _Sheet(name, [h for h in headers if h], [])
    for number, values in enumerate(rows, start=2):
        cells = {h: text for h, v in zip(headers, values, strict=False)
                 if h and (text := _cell_text(v))}
        if cells:
            sheet.rows.append((number, cells))
    return sheet


# A questionnaire workbook is a few hundred kilobytes unpacked; refuse a "zip bomb" before
# openpyxl or pyxform unpack it. zipfile never unpacks more than a member's declared size,
# so the declared sizes are a real bound.
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


def _unpacks_too_big(data: bytes) -> Problem | None:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            total = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        return None  # _load reports that this is not a workbook
    if total <= MAX_UNPACKED_BYTES:
        return None
    return Problem("", 0, "", "This workbook unpacks to more than 50 MB, far more than any "
                   "questionnaire needs, so it was not opened.")


def _load(data: bytes, problems: list[Problem]) -> dict[str, _Sheet] | None:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        problems.append(Problem("", 0, "", "This file is not an Excel workbook (.xlsx): save the "
                                "XLSForm as an .xlsx file and try again "
                                f"({type(exc).__name__}: {exc})."))
        return None
    try:
        return {name.lower(): _read_sheet(name.lower(), workbook[name], problems)
                for name in workbook.sheetnames}
    finally:
        workbook.close()


def _check_columns(sheet: _Sheet, exact: Iterable[str], translated: Iterable[str],
                   problems: list[Problem]) -> None:
    """Refuse columns this engine does not read, where they hold a value."""
    exact, translated = set(exact), set(translated)
    for header in sheet.headers:
        base = header.partition("::")[0]
        if header in exact or base in translated:
            continue
        if base in UNSUPPORTED_COLUMNS and sheet.name != "settings":
            feature = UNSUPPORTED_COLUMNS[base]
            problems.extend(Problem(sheet.name, row, header, f"This uses {feature}, which this "
                                    "questionnaire engine does not support.")
                            for row in sheet.used(header))
        elif any(sheet.used(header)):
            names = sorted(exact | {f"{t}::Language (code)" for t in translated})
            problems.append(Problem(sheet.name, 1, header, f"Unknown column {header!r}: the "
                                    f"{sheet.name} sheet may have only the columns "
                                    f"{', '.join(names)}."))


class _Texts:
    """The translated columns (label, hint, easy_read) of a sheet: header -> (field, code)."""

    def __init__(self, sheet: _Sheet, fields: Iterable[str], default: str,
                 problems: list[Problem]) -> None:
        self.sheet = sheet.name
        self.columns: dict[str, tuple[str, str]] = {}
        taken: dict[tuple[str, str], str] = {}
        for header in sheet.headers:
            base, _, language = header.partition("::")
            if base not in fields:
                continue
            code = language_code(language) if language else default
            if code is None:
                problems.append(Problem(sheet.name, 1, header, "Write the language as "
                                        f"'Name (code)', for example '{base}::Welsh (cy)'."))
            elif (base, code) in taken:
                problems.append(Problem(sheet.name, 1, header, "This is the same language as "
                                        f"the column {taken[base, code]!r}."))
            else:
                taken[base, code] = header
                self.columns[header] = (base, code)

    def get(self, cells: Mapping[str, str], name: str) -> Text:
        return {code: cells[h] for h, (base, code) in self.columns.items()
                if base == name and cells.get(h)}

    def check(self, row: int, cells: Mapping[str, str], problems: list[Problem]) -> None:
        for header in self.columns:
            if "${" in cells.get(header, ""):
                problems.append(Problem(self.sheet, row, header, "Wording cannot include the "
                                        "answers to other questions (${…}): this questionnaire "
                                        "engine does not support it."))


@dataclass
class _Settings:
    key: str = ""
    title: Text = field(default_factory=dict)
    version: str = ""
    language: str = DEFAULT_LANGUAGE


def _read_settings(sheet: _Sheet | None, problems: list[Problem]) -> _Settings:
    settings = _Settings()
    if sheet is None:
        problems.append(Problem("settings", 0, "", "The workbook needs a settings sheet with a "
                                "form_id (the template key) and a form_title."))
        return settings
    titles = {h: h.removeprefix("form_title_") for h in sheet.headers
              if h.startswith("form_title_")}
    _check_columns(sheet, [*SETTINGS_COLUMNS, *titles], [], problems)
    cells: dict[str, str] = {}
    for row, values in sheet.rows:
        if row == 2:
            cells = values
        else:
            problems.append(Problem("settings", row, "", "The settings sheet has one row of "
                                    "values, row 2."))
    if language := cells.get("default_language"):
        code = language_code(language)
        if code is None:
            problems.append(Problem("settings", 2, "default_language", "Write the language "
                                    "as 'Name (code)', for example 'English (en)'."))
        settings.language = code or DEFAULT_LANGUAGE
    settings.key = cells.get("form_id", "")
    if not FORM_ID.fullmatch(settings.key):
        problems.append(Problem("settings", 2, "form_id", f"The form_id {settings.key!r} is not "
                                "a valid template key: use lowercase letters, digits, - and _, "
                                "starting with a letter or digit, at most 64 characters."))
    settings.version = cells.get("version", "")
    title = cells.get("form_title") or settings.key
    settings.title = {settings.language: title} if title else {}
    for header, code in titles.items():
        if not LANGUAGE_CODE.fullmatch(code):
            problems.append(Problem("settings", 1, header, "Name the column form_title_ and a "
                                    "language code, for example form_title_cy."))
        elif cells.get(header):
            settings.title[code] = cells[header]
    if DEFAULT_LANGUAGE not in settings.title and settings.key:
        problems.append(Problem("settings", 2, "form_title", "The form needs an English title "
                                f"(column form_title_{DEFAULT_LANGUAGE})."))
    return settings


@dataclass
class _List:
    row: int  # where the list starts
    choices: list[Choice] = field(default_factory=list)

    def values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.choices)


def _read_choices(sheet: _Sheet | None, language: str,
                  problems: list[Problem]) -> dict[str, _List]:
    lists: dict[str, _List] = {}
    if sheet is None:
        return lists
    texts = _Texts(sheet, ["label"], language, problems)
    _check_columns(sheet, ["list_name", "name"], ["label"], problems)
    for row, cells in sheet.rows:
        list_name, value = cells.get("list_name", ""), cells.get("name", "")
        texts.check(row, cells, problems)
        if not list_name:
            problems.append(Problem("choices", row, "list_name", "This choice has no list_name."))
            continue
        choices = lists.setdefault(list_name, _List(row))
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


class _SurveyReader:
    def __init__(self, sheet: _Sheet, settings: _Settings, lists: Mapping[str, _List],
                 problems: list[Problem]) -> None:
        self.sheet, self.settings, self.lists, self.problems = sheet, settings, lists, problems
        self.texts = _Texts(sheet, TRANSLATED, settings.language, problems)
        _check_columns(sheet, SURVEY_COLUMNS, TRANSLATED, problems)
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


_PYXFORM_ROW = re.compile(r"\[row : (\d+)\]")
_PYXFORM_SHEET = re.compile(r"On the '(\w+)' sheet")
_PYXFORM_COLUMN = re.compile(r"the '([\w:]+)' value")


def pyxform_problems(data: bytes) -> list[Problem]:
    """What pyxform says of the workbook: no external validator runs, nothing is fetched."""
    from pyxform.xls2xform import convert

    try:
        convert(data, validate=False, enketo=False, file_type=".xlsx")
    except Exception as exc:  # pyxform raises PyXFormError, and some others for odd input
        message = " ".join(str(exc).split())
        row = _PYXFORM_ROW.search(message)
        sheet = _PYXFORM_SHEET.search(message)
        column = _PYXFORM_COLUMN.search(message)
        return [Problem(sheet.group(1) if sheet else "survey" if row else "",
                        int(row.group(1)) if row else 0, column.group(1) if column else "",
                        f"pyxform: {message}")]
    return []


def read(source: str | os.PathLike[str] | bytes) -> Questionnaire:
    """See `leaver.questionnaires.xlsform.read_xlsform`."""
    if isinstance(source, bytes):
        data = source
    else:
        try:
            with open(source, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise XLSFormError([Problem("", 0, "", f"The file cannot be read: {exc}.")]) from exc
    problems: list[Problem] = []
    too_big = _unpacks_too_big(data)
    if too_big:
        raise XLSFormError([too_big])
    sheets = _load(data, problems)
    if sheets is None:
        raise XLSFormError(problems)
    problems += [Problem("", 0, "", f"The sheet {name!r} uses {UNSUPPORTED_SHEETS[name]}, "
                         "which this questionnaire engine does not support.")
                 for name in sheets if name in UNSUPPORTED_SHEETS]
    settings = _read_settings(sheets.get("settings"), problems)
    lists = _read_choices(sheets.get("choices"), settings.language, problems)
    sections: tuple[Section, ...] = ()
    if "survey" in sheets:
        sections = _SurveyReader(sheets["survey"], settings, lists, problems).read()
    else:
        problems.append(Problem("survey", 0, "", "The workbook has no 'survey' sheet."))
    # pyxform stops at its first error, which is usually one found above as well.
    seen = {(p.sheet, p.row) for p in problems}
    problems += [p for p in pyxform_problems(data)
                 if not problems or (p.row and (p.sheet, p.row) not in seen)]
    if problems:
        raise XLSFormError(problems)
    return Questionnaire(settings.key, settings.title, settings.version, sections)
