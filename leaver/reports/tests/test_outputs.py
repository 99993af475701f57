"""The report document and its outputs: charts drawn from published figures only, beside
their tables, with a text alternative, names escaped; the XLSX formula-safe with a sheet
per table; the JSON copy the same document."""

from __future__ import annotations

import base64
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from leaver.organisations.models import Setting
from leaver.pathways.young_person.states import State
from leaver.reports import charts, outputs
from leaver.reports.builders import monitoring_document
from leaver.reports.disclosure import protect
from leaver.reports.document import Chart, Document, table_of
from leaver.reports.models import StoredReport
from leaver.reports.monitoring import financial_year, monitoring
from leaver.testing import make_case, make_cast

pytestmark = pytest.mark.django_db


def _table(names: dict[str, int]):
    counts = {name: {"n": value} for name, value in names.items()}
    return table_of("homes", "Moves by home", protect(counts, ["n"], min_row_total=0),
                    columns=[("n", "Moves")], row_heading="Home", total_row="All",
                    chart=Chart("Moves by home", column=1, leave_out=("All",)))


def test_a_withheld_figure_is_drawn_as_missing_never_its_value():
    table = _table({"Ash": 40, "Birch": 3, "Cedar": 27})
    bars = dict(table.bars())
    # Birch's 3 is withheld, and so is Cedar (else 70 - 40 - 27 gives the 3 back).
    assert str(bars["Birch"]) == "fewer than 5"
    assert bars["Cedar"].value is None
    svg = charts.svg(table)
    labels = re.findall(r">([^<>]*)</text>", svg)
    assert "40" in labels  # a published figure labels its bar
    assert " fewer than 5" in labels
    assert " not shown" in labels
    assert "3" not in labels
    assert "27" not in labels


def test_the_chart_is_an_image_with_a_text_alternative_pointing_to_its_table():
    svg = charts.svg(_table({"Ash": 40, "Cedar": 27}))
    opening = svg[:svg.index(">") + 1]
    assert opening.startswith('<svg role="img" aria-label="Bar chart: Moves by home. The '
                              'figures are in the table &quot;Moves by home&quot;')
    assert "<title>Bar chart: Moves by home." in svg
    assert not svg.startswith("<?xml")
    assert charts.svg(_table({"Ash": 40, "Cedar": 27})) == svg  # the same bytes each time


def test_names_are_escaped_in_the_svg():
    svg = charts.svg(_table({"<script>alert(1)</script>": 12, "Tom & Jerry's": 9}))
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "Tom &amp; Jerry" in svg


@pytest.fixture
def a_year():
    cast = make_cast()
    Setting.objects.filter(pk=cast.home.pk).update(name="=HYPERLINK(\"x\")")
    for i in range(6):
        make_case(cast, State.DECLINED, leaver_name=f"Declined {i}")
    make_case(cast, State.WITHDRAWN, leaver_name="Withdrew")
    year = financial_year(timezone.localdate())
    return cast, monitoring_document(monitoring(cast.org, year), monitoring(cast.org, year - 1))


def test_every_chart_has_its_table_and_the_json_copy_is_the_same(a_year):
    _, document = a_year
    charted = [t for t in document.tables() if t.chart]
    assert {t.key for t in charted} >= {"by-home", "outcomes", "concerns", "recommendations"}
    for table in charted:
        assert table.rows
        assert table.headings
    assert Document.from_json(document.as_json()) == document


def test_the_xlsx_has_a_sheet_per_table_and_no_formula(a_year):
    _, document = a_year
    book = openpyxl.load_workbook(io.BytesIO(outputs.xlsx_bytes(document, organisation="=1+1")))
    assert len(book.sheetnames) == len(document.tables())
    assert book.sheetnames[0].startswith("Change from April")
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    by_home = book[book.sheetnames[1]]
    cells = [c.value for row in by_home.iter_rows() for c in row]
    assert "'=HYPERLINK(\"x\")" in cells
    assert "fewer than 5" in cells  # the one withdrawal
    change = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert ["Moves notified", 7, 0, 7] in change  # published figures are numbers


def test_the_csv_of_the_document_is_formula_safe(a_year):
    _, document = a_year
    lines = outputs.csv_bytes(document).decode("utf-8-sig").splitlines()
    assert lines[0] == "Table,Row,Column,Figure"
    assert not any(",=" in line or ',"=' in line for line in lines)
    assert any("'=HYPERLINK" in line for line in lines)


def test_the_page_shows_each_chart_before_its_table_and_escapes_names(
        client, django_capture_on_commit_callbacks):
    cast = make_cast()
    Setting.objects.filter(pk=cast.home.pk).update(name="<script>alert(1)</script>")
    for i in range(6):
        make_case(cast, State.DECLINED, leaver_name=f"Declined {i}")
    client.force_login(cast.iro)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("reports:build", args=["monitoring"]),
                    {"year": financial_year(timezone.localdate())})
    report = StoredReport.objects.get()
    page = client.get(reverse("reports:stored_report", args=[report.public_id])
                      ).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    images = re.findall(r'<img class="leaver-chart__image" src="data:image/svg\+xml;base64,'
                        r'([^"]+)" alt="([^"]+)">', page)
    assert len(images) == len(report.charts) >= 4
    for encoded, alt in images:
        svg = base64.b64decode(encoded).decode()
        assert svg.startswith('<svg role="img"')
        assert "<script" not in svg
        after = page[page.index(encoded):]
        caption = re.search(r'<caption class="govuk-table__caption[^"]*">([^<]*)</caption>',
                            after)
        assert caption is not None
        assert f"&quot;{caption.group(1)}&quot;" in alt  # its alt names the table after it
    svg = base64.b64decode(images[0][0]).decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    pdf = bytes(report.pdf)
    assert pdf.startswith(b"%PDF")
