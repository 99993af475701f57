"""The report documents (leaver.reports.document) built from the figures of the annual
monitoring report and of staff turnover, each with the change from the previous period.

Each section lists its tables, one function call a line: adding a table to a report is
adding one line here (a function of the report that returns a `Table`, usually through
`table_of`). Every figure comes already protected (leaver.reports.disclosure); the change
from the previous period is published only between two published figures (`change`), so a
difference never gives a withheld count away.
"""

from __future__ import annotations

from collections.abc import Sequence

from leaver.reports import builders_more as more
from leaver.reports import monitoring as m
from leaver.reports import turnover as t
from leaver.reports.disclosure import Figure, change
from leaver.reports.document import Chart, Document, Section, Table, Value, single_row, table_of

MONITORING_AUDIENCE = "For the Joint Senior Managers"
TURNOVER_AUDIENCE = "For governors"
SUPPRESSION = ('A count from 1 to 4 is shown as "fewer than 5", and some other figures are '
               '"not shown" so that it cannot be worked out from the others. A change from '
               "the previous period is shown only where both figures are.")


def changes(key: str, caption: str, lines: Sequence[tuple[str, Figure, Figure]]) -> Table:
    """This period, the previous one and the change, for each main total."""
    return Table(key=key, caption=caption,
                 headings=("Figure", "This period", "Previous period", "Change"),
                 rows=tuple((name, now, before, change(now, before))
                            for name, now, before in lines))


# The annual monitoring report ---------------------------------------------------------------

def _monitoring_changes(report: m.Monitoring, previous: m.Monitoring) -> Table:
    def both(found: m.Monitoring) -> list[Figure]:
        table = found.by_setting
        return [table.total, *(table.column_total(code) for code, _ in m.OUTCOMES),
                found.concerns.row_total(m.ALL), found.recommendations.row_total(m.ALL),
                found.letters.cell(m.ALL, "sent")]
    names = ["Moves notified", *(label for _, label in m.OUTCOMES),
             "Safeguarding concerns", "Recommendations", "Letters sent"]
    return changes("change", f"Change from {previous.label}", list(zip(
        names, both(report), both(previous), strict=True)))


def _by_home(report: m.Monitoring) -> Table:
    return table_of(
        "by-home", "Moves notified by home or placement and what happened", report.by_setting,
        columns=m.OUTCOMES, row_heading="Home or placement", total_row=m.ALL,
        total_column="Moves notified",
        chart=Chart("Moves notified by home or placement", column=len(m.OUTCOMES) + 1,
                    axis="Moves notified", leave_out=(m.ALL,)),
        note="A home or placement with fewer than 5 moves counts only in the totals.")


def _outcomes(report: m.Monitoring) -> Table:
    table = report.by_setting
    rows: tuple[tuple[Value, ...], ...] = tuple(
        (label, table.column_total(code)) for code, label in m.OUTCOMES)
    return Table(key="outcomes", caption="What happened after each move, all homes",
                 headings=("Outcome", "Number"), rows=rows,
                 chart=Chart("What happened after each move", column=1))


def _answers(report: m.Monitoring) -> Table:
    return table_of(
        "answers", "Answers to each yes or no question", report.answers, columns=m.ANSWERS,
        row_heading="Question", row_labels=dict(report.questions),
        note="Only questions answered by 5 or more young people are shown.")


def _concerns(report: m.Monitoring) -> Table:
    return single_row("concerns", "Safeguarding concerns by outcome", report.concerns, m.ALL,
                      columns=m.CONCERNS, heading="Outcome", total="All concerns",
                      chart=Chart("Safeguarding concerns", column=1,
                                  leave_out=("All concerns",)))


def _recommendations(report: m.Monitoring) -> Table:
    return single_row("recommendations", "Recommendations by what happened to them",
                      report.recommendations, m.ALL, columns=m.RECOMMENDATIONS,
                      heading="Recommendations", total="All recommendations",
                      chart=Chart("Recommendations", column=1,
                                  leave_out=("All recommendations",)))


def _letters(report: m.Monitoring) -> Table:
    return single_row("letters", "Letters sent to young people", report.letters, m.ALL,
                      columns=[("sent", "Letters sent")], heading="Letters")


def _days(report: m.Monitoring) -> tuple[str, str]:
    return (more.days_text("Days from the move being notified to the interview",
                           report.to_interview, "interviews"),
            more.days_text("Days from the record to the IRO's review", report.to_review,
                           "records"))


def monitoring_document(report: m.Monitoring, previous: m.Monitoring) -> Document:
    return Document(
        kind="monitoring", title="Annual monitoring report", audience=MONITORING_AUDIENCE,
        period=f"{report.label} ({report.start:%-d %B %Y} to {report.end:%-d %B %Y})",
        introduction=("Exit interviews with young people whose move was notified in this "
                      "year. Only totals are shown. " + SUPPRESSION),
        sections=(
            Section("Summary", paragraphs=(f"Uptake (interviewed): {report.uptake}.",
                                           *_days(report)),
                    tables=(_monitoring_changes(report, previous),)),
            Section("Interviews", tables=(
                _by_home(report),
                _outcomes(report),
                more.offers(report),
            )),
            Section("What young people said", tables=(
                _answers(report),
            )),
            Section("Themes in what young people wrote", tables=tuple(
                more.themes(found) for found in report.themes)),
            Section("Safeguarding concerns, recommendations and letters", tables=(
                _concerns(report),
                _recommendations(report),
                more.by_owner(report),
                _letters(report),
            )),
        ))


# Staff turnover -----------------------------------------------------------------------------

def _turnover_changes(report: t.Turnover, previous: t.Turnover) -> Table:
    def figures(found: t.Turnover) -> dict[str, Figure]:
        table = found.by_reason
        got = {"Leavers": table.total}
        for code, label in report.reasons:
            got[label] = (table.column_total(code) if code in table.columns
                          else Figure(None, "not shown"))
        got["Answers to would recommend"] = found.recommend.row_total(t.ALL)
        got["Actions agreed"] = found.actions.row_total(t.ALL)
        return got
    now, before = figures(report), figures(previous)
    return changes("change", f"Change from {previous.label}",
                   [(name, now[name], before[name]) for name in now])


def _by_reason(report: t.Turnover) -> Table:
    """Reasons down the side, schools across: the page's layout."""
    table = report.by_reason
    rows: list[tuple[Value, ...]] = [
        (label, *(table.cell(s, code) for s in table.rows), table.column_total(code))
        for code, label in report.reasons]
    rows.append(("All reasons", *(table.row_total(s) for s in table.rows), table.total))
    return Table(
        key="by-reason", caption="Leavers by main reason for leaving and school",
        headings=("Reason", *table.rows, t.ALL), rows=tuple(rows),
        chart=Chart("Leavers by main reason for leaving", column=len(table.rows) + 1,
                    axis="Leavers", leave_out=("All reasons",)),
        note="A school with fewer than 5 leavers counts only in the totals.")


def _scores(report: t.Turnover) -> Table:
    return Table(key="scores", caption="Mean score by area, from 1 (poor) to 5 (very good)",
                 headings=("Area", "Mean score", "Answers"), rows=tuple(
                     (s.area, "not shown" if s.mean is None else str(s.mean), s.answers_text)
                     for s in report.scores))


def _recommend(report: t.Turnover) -> Table:
    return single_row("recommend", 'Answers to "Would you recommend working here?"',
                      report.recommend, t.ALL, columns=t.RECOMMEND, heading="Answer",
                      total="All answers",
                      chart=Chart("Would they recommend working here?", column=1,
                                  leave_out=("All answers",)))


def _actions(report: t.Turnover) -> Table:
    return single_row("actions", "Actions agreed from these exit interviews, by status",
                      report.actions, t.ALL, columns=t.ACTIONS, heading="Status",
                      total="All actions",
                      chart=Chart("Action plans", column=1, leave_out=("All actions",)))


def turnover_document(report: t.Turnover, previous: t.Turnover) -> Document:
    return Document(
        kind="turnover", title="Staff turnover", audience=TURNOVER_AUDIENCE,
        period=(f"School year {report.label} ({report.start:%-d %B %Y} to "
                f"{report.end:%-d %B %Y})"),
        introduction=("What staff who left said in their exit interviews. Only totals are "
                      "shown. " + SUPPRESSION),
        sections=(
            Section("Summary", tables=(_turnover_changes(report, previous),)),
            Section("Why people left", tables=(
                _by_reason(report),
                more.by_role(report),
                more.by_department(report),
                more.by_term(report),
            )),
            Section("What would have made them stay", tables=tuple(
                more.themes(found) for found in (report.stay,) if found is not None)),
            Section("How they rated the school", tables=(
                _scores(report),
                _recommend(report),
            )),
            Section("Action plans", tables=(
                _actions(report),
            )),
        ))
