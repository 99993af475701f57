"""The document tables of the later figures (leaver.reports.builders lists them): offers,
recommendations by owner's role, staff leavers by role, department and term, and the
free-text themes, each a `Table` like the rest so the page, PDF, CSV and XLSX all carry it."""

from __future__ import annotations

from leaver.reports import monitoring as m
from leaver.reports import turnover as t
from leaver.reports import turnover_groups as groups
from leaver.reports.disclosure import Protected
from leaver.reports.document import Chart, Table, Value, single_row, table_of
from leaver.reports.monitoring_parts import OFFERS, Days
from leaver.reports.themes import ItemThemes


def days_text(name: str, days: Days, over: str) -> str:
    if days.median is None:
        return f"{name}: not shown (fewer than 5 {over})."
    return (f"{name}: median {days.median}, 90th percentile {days.p90}, "
            f"over {days.count} {over}.")


def offers(report: m.Monitoring) -> Table:
    return single_row("offers", "Interviews offered, and what young people said",
                      report.offers, m.ALL, columns=OFFERS, heading="Answer to the offer",
                      total="Offered")


def by_owner(report: m.Monitoring) -> Table:
    return table_of(
        "by-owner", "Recommendations by the owner's role", report.by_owner,
        columns=m.RECOMMENDATIONS, row_heading="Owner's role", total_row="All roles",
        total_column="Made",
        note="A role with fewer than 5 recommendations counts only in the totals.")


def themes(found: ItemThemes) -> Table:
    """One open question's themes: each theme's top terms and up to three quotes, from
    people who agreed to be quoted, with known names replaced (leaver.reports.themes)."""
    rows: tuple[tuple[Value, ...], ...] = tuple(
        (f"Theme {number}", ", ".join(theme.terms),
         " / ".join(f"“{quote}”" for quote in theme.quotes) or "No one agreed to be quoted")
        for number, theme in enumerate(found.themes, start=1))
    if not found.enough:
        note = "Fewer than 5 answers: no themes or quotes are shown."
    elif not rows:
        note = "No theme is shared by enough answers to be shown."
    else:
        note = f"Answers: {found.answers_text}."
    return Table(key=f"themes-{found.key}", caption=f"Themes: {found.question}",
                 headings=("Theme", "Top terms", "Quotes"), rows=rows, note=note)


def by_group(key: str, caption: str, table: Protected, heading: str, everyone: str
             ) -> Table:
    return table_of(key, caption, table, columns=[(groups.LEAVERS, "Leavers")],
                    row_heading=heading, total_row=everyone,
                    note="A group with fewer than 5 leavers is counted under Other.")


def by_role(report: t.Turnover) -> Table:
    return by_group("by-role", "Leavers by role", report.by_role, "Role", "All roles")


def by_department(report: t.Turnover) -> Table:
    return by_group("by-department", "Leavers by department", report.by_department,
                    "Department", "All departments")


def by_term(report: t.Turnover) -> Table:
    return table_of(
        "by-term", "Leavers by term, this school year and the four before",
        report.trends, columns=groups.TERMS, row_heading="School year",
        total_column="All terms",
        chart=Chart("Leavers by school year", column=len(groups.TERMS) + 1, axis="Leavers"))
