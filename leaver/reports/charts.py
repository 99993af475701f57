"""A table's chart as SVG, drawn by matplotlib offline (the Agg backend, no network).

Drawn from the published figures only: a withheld figure is a missing bar labelled with
its words ("fewer than 5"), never its true value, which the document does not even hold.
The SVG keeps its text as text (svg.fonttype "none"), which matplotlib escapes: a setting
named `<script>` is written as `&lt;script&gt;`, so the markup is safe to place inline. It
is the same bytes for the same figures (a fixed hash salt, no date), and it carries
role="img" and a text alternative that points to the table beside it.
"""

from __future__ import annotations

import html
import io
import re

import matplotlib
from matplotlib.figure import Figure as MplFigure

from leaver.reports.document import Table

# A figure made directly (not through pyplot) draws with Agg and opens no window; the
# backend is set as well for anything in the worker that imports pyplot.
matplotlib.use("Agg")

BAR = "#1d70b8"  # GOV.UK blue
TEXT = "#0b0c0c"
MISSING = "#505a5f"


def alternative(table: Table) -> str:
    """The chart's text alternative: what it shows and where its figures are."""
    assert table.chart is not None
    return (f"Bar chart: {table.chart.title}. The figures are in the table "
            f'"{table.caption}" beside it.')


def svg(table: Table) -> str:
    """The chart of `table` (which has one) as an SVG element to place inline."""
    assert table.chart is not None
    bars = table.bars()
    names = [name for name, _ in bars]
    values = [figure.value if figure.value is not None else 0 for _, figure in bars]
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "leaver-report-charts",
                          "font.family": "sans-serif", "font.size": 10}):
        figure = MplFigure(figsize=(6.4, 0.45 * max(len(bars), 1) + 1.1))
        axes = figure.subplots()
        positions = list(range(len(bars)))[::-1]
        shown = [p for p, (_, f) in zip(positions, bars, strict=True) if f.value is not None]
        axes.barh(shown, [v for v, (_, f) in zip(values, bars, strict=True)
                          if f.value is not None], color=BAR)
        top = max(values, default=0) or 1
        for position, (_, found) in zip(positions, bars, strict=True):
            if found.value is None:
                axes.text(0, position, f" {found.reason}", va="center", color=MISSING,
                          fontstyle="italic")
            else:
                axes.text(found.value + top * 0.01, position, f"{found.value:,}",
                          va="center", color=TEXT)
        axes.set_yticks(positions, labels=names)
        axes.set_xlim(0, top * 1.25)
        axes.set_xlabel(table.chart.axis)
        axes.set_title(table.chart.title, loc="left", color=TEXT)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.tight_layout()
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    return _accessible(_own_ids(out.getvalue(), table.key), alternative(table))


def _own_ids(document: str, key: str) -> str:
    """Every id of the drawing prefixed with its table's key, and every reference to one:
    several charts on one page (or in one PDF) must not share an id."""
    prefix = f"chart-{key}-"
    document = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', document)
    document = re.sub(r'url\(#([^)]+)\)', lambda m: f"url(#{prefix}{m.group(1)})", document)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', document)


def _accessible(document: str, label: str) -> str:
    """The <svg> element alone (no XML prolog or doctype), with role="img", an aria-label
    and a <title>: a screen reader announces the text alternative, not the drawing."""
    start = document.index("<svg")
    element = document[start:]
    words = html.escape(label, quote=True)
    element = re.sub(r"^<svg\b", f'<svg role="img" aria-label="{words}" focusable="false"',
                     element, count=1)
    opening_end = element.index(">") + 1
    return element[:opening_end] + f"<title>{words}</title>" + element[opening_end:]
