"""A report document (leaver.reports.document) as the files people download: a PDF with
a contents list and its charts (WeasyPrint, with the app's url_fetcher that loads nothing
but our static files), a CSV of every table and an XLSX with one sheet per table. Every
figure is written as the page shows it (a withheld one as its words); every text cell is
formula-safe."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from leaver.core.pdf import render_pdf
from leaver.core.spreadsheets import csv_lines, formula_safe
from leaver.reports import charts
from leaver.reports.disclosure import Figure
from leaver.reports.document import Document, Table, text

CSV_HEADER = ["Table", "Row", "Column", "Figure"]


def pdf(document: Document, *, organisation: str, built_at: dt.datetime,
        svgs: dict[str, str] | None = None) -> bytes:
    """The PDF; `svgs` the charts already drawn (`chart_svgs`), else drawn here."""
    drawn = svgs if svgs is not None else chart_svgs(document)
    sections = [{
        "section": section,
        "tables": [{
            "table": table,
            # Our own markup from matplotlib, which escapes every name it draws (a setting
            # named "<script>" becomes "&lt;script&gt;"); never shown in a browser.
            "chart": mark_safe(drawn[table.key]) if table.key in drawn else "",  # noqa: S308
        } for table in section.tables],
    } for section in document.sections]
    html = render_to_string("reports/document_pdf.html", {
        "document": document, "sections": sections, "organisation": organisation,
        "built_at": built_at})
    return render_pdf(html)


def csv_rows(document: Document) -> Iterator[tuple[str, str, str, str]]:
    """(table, row, column, figure as shown) for every figure of every table."""
    for table in document.tables():
        for row in table.rows:
            for heading, value in zip(table.headings[1:], row[1:], strict=True):
                yield table.caption, text(row[0]), heading, text(value)


def csv_bytes(document: Document) -> bytes:
    return "".join(csv_lines(CSV_HEADER, csv_rows(document))).encode("utf-8")


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def sheet_titles(document: Document) -> list[str]:
    """One title per table: its caption cut to Excel's 31 characters, made unique."""
    titles: list[str] = []
    for table in document.tables():
        base = _SHEET_FORBIDDEN.sub(" ", table.caption).strip()[:28] or "Table"
        title, n = base, 2
        while title.lower() in {t.lower() for t in titles}:
            title, n = f"{base[:26]} {n}", n + 1
        titles.append(title)
    return titles


def _cell(value: object) -> object:
    """A published figure as a number, a withheld one or any text as formula-safe words."""
    if isinstance(value, Figure) and value.value is not None:
        return value.value
    return formula_safe(text(value))  # type: ignore[arg-type]


def xlsx_bytes(document: Document, *, organisation: str) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, table in zip(sheet_titles(document), document.tables(), strict=True):
        sheet = workbook.create_sheet(title)
        sheet.append([formula_safe(f"{document.title}: {table.caption}")])
        sheet.append([formula_safe(f"{organisation}, {document.period}. {document.audience}.")])
        sheet.append([formula_safe(h) for h in table.headings])
        for cell in sheet[3]:
            cell.font = Font(bold=True)
        sheet["A1"].font = Font(bold=True)
        for row in table.rows:
            sheet.append([_cell(v) for v in row])
        _as_text(sheet)
        sheet.column_dimensions["A"].width = 40
        sheet.freeze_panes = "B4"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _as_text(sheet: object) -> None:
    """Every string cell is a string, never a formula (formula_safe already added the
    apostrophe before one that starts like a formula; this keeps openpyxl from reading it)."""
    for cells in sheet.iter_rows():  # type: ignore[attr-defined]
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"


def chart_svgs(document: Document) -> dict[str, str]:
    """Each chart's SVG by its table's key (stored, served to the page as images)."""
    return {table.key: charts.svg(table) for table in document.tables() if table.chart}


def table_by_key(document: Document, key: str) -> Table | None:
    return next((t for t in document.tables() if t.key == key), None)
