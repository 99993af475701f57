"""The report document that every output shares (ADR 0023): the HTML page, the PDF, the CSV
and the XLSX are all drawn from one `Document`, so they cannot disagree.

A document is a title, the audience it is for ("For the Joint Senior Managers", "For
governors"), a period and sections; a section holds tables, and a table may carry a chart.
Every figure in a table is a `Figure` already under disclosure control
(leaver.reports.disclosure): a withheld one is stored, shown and exported as its words
("fewer than 5", "not shown"), never its value. Other cells (a row's name, a mean, a rate)
are plain text. A document round-trips through JSON for the stored copy (`as_json`,
`from_json`).

Adding a table is one line: `table_of(...)` turns a protected table into a `Table`, and a
builder lists the tables of each section (leaver.reports.builders).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from leaver.reports.disclosure import Figure, Protected

Value = Figure | str  # a figure under disclosure control, or words


@dataclass(frozen=True)
class Chart:
    """A bar chart of one column of its table (`column`: its index among the headings),
    one bar per row except those in `leave_out` (a total, which would dwarf the rest)."""

    title: str
    column: int
    axis: str = "Number"
    leave_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    key: str  # unique within the document: the XLSX sheet and the HTML anchor
    caption: str
    headings: tuple[str, ...]  # the first heads the row names
    rows: tuple[tuple[Value, ...], ...]  # each row starts with its name
    chart: Chart | None = None
    note: str = ""

    def bars(self) -> list[tuple[str, Figure]]:
        """(row name, figure) for each bar of the chart: the published figures only."""
        assert self.chart is not None
        found = []
        for row in self.rows:
            name, value = str(row[0]), row[self.chart.column]
            if name in self.chart.leave_out:
                continue
            found.append((name, value if isinstance(value, Figure) else Figure(None, str(value))))
        return found


@dataclass(frozen=True)
class Section:
    title: str
    tables: tuple[Table, ...] = ()
    paragraphs: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return "section-" + "-".join("".join(
            ch if ch.isalnum() else " " for ch in self.title.lower()).split())


@dataclass(frozen=True)
class Document:
    kind: str  # "monitoring" or "turnover"
    title: str
    audience: str  # the heading saying who it is for
    period: str
    introduction: str
    sections: tuple[Section, ...] = field(default_factory=tuple)

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "title": self.title, "audience": self.audience,
            "period": self.period, "introduction": self.introduction,
            "sections": [{
                "title": s.title, "paragraphs": list(s.paragraphs),
                "tables": [_table_json(t) for t in s.tables]} for s in self.sections],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(
            kind=data["kind"], title=data["title"], audience=data["audience"],
            period=data["period"], introduction=data["introduction"],
            sections=tuple(Section(
                title=s["title"], paragraphs=tuple(s["paragraphs"]),
                tables=tuple(_table_from(t) for t in s["tables"])) for s in data["sections"]))


def _value_json(value: Value) -> Any:
    if isinstance(value, Figure):
        return {"value": value.value, "reason": value.reason}
    return value


def _value_from(data: Any) -> Value:
    if isinstance(data, dict):
        return Figure(data["value"], data["reason"])
    return str(data)


def _table_json(table: Table) -> dict[str, Any]:
    chart = table.chart
    return {
        "key": table.key, "caption": table.caption, "headings": list(table.headings),
        "rows": [[_value_json(v) for v in row] for row in table.rows], "note": table.note,
        "chart": None if chart is None else {
            "title": chart.title, "column": chart.column, "axis": chart.axis,
            "leave_out": list(chart.leave_out)},
    }


def _table_from(data: dict[str, Any]) -> Table:
    chart = data["chart"]
    return Table(
        key=data["key"], caption=data["caption"], headings=tuple(data["headings"]),
        rows=tuple(tuple(_value_from(v) for v in row) for row in data["rows"]),
        note=data["note"],
        chart=None if chart is None else Chart(
            title=chart["title"], column=chart["column"], axis=chart["axis"],
            leave_out=tuple(chart["leave_out"])))


def table_of(key: str, caption: str, protected: Protected, *,
             columns: Sequence[tuple[str, str]], row_heading: str,
             row_labels: dict[str, str] | None = None, total_row: str | None = None,
             total_column: str | None = None, chart: Chart | None = None,
             note: str = "") -> Table:
    """A protected table (leaver.reports.disclosure) as a document table: one row per row
    shown (named through `row_labels`), with the row totals as a last column when
    `total_column` names it, and the column totals as a last row when `total_row` does."""
    labels = row_labels or {}
    headings = (row_heading, *(label for _, label in columns),
                *((total_column,) if total_column else ()))
    rows: list[tuple[Value, ...]] = []
    for row in protected.rows:
        rows.append((labels.get(row, row), *(protected.cell(row, c) for c, _ in columns),
                     *((protected.row_total(row),) if total_column else ())))
    if total_row:
        rows.append((total_row, *(protected.column_total(c) for c, _ in columns),
                     *((protected.total,) if total_column else ())))
    return Table(key=key, caption=caption, headings=headings, rows=tuple(rows), chart=chart,
                 note=note)


def single_row(key: str, caption: str, protected: Protected, row: str, *,
               columns: Sequence[tuple[str, str]], heading: str,
               total: str | None = None, chart: Chart | None = None) -> Table:
    """A one-row protected table (counts by status) turned on its side: one line per
    column, the figure beside it, the total last when `total` names it; easier to read
    and to chart than one wide row."""
    rows: list[tuple[Value, ...]] = [(label, protected.cell(row, code)) for code, label in columns]
    if total:
        rows.append((total, protected.row_total(row)))
    return Table(key=key, caption=caption, headings=(heading, "Number"), rows=tuple(rows),
                 chart=chart)


def text(value: Value) -> str:
    """A cell as every output shows it: a withheld figure as its words."""
    return str(value)
