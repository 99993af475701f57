"""Staff leavers by role, by department, and by term over five school years (issue 12), each
under disclosure control (leaver.reports.disclosure.protect).

- **Role and department** are what the HR lead or headteacher typed when recording the leaver
  (`StaffLeaver.job_role`, `StaffLeaver.department`): free text, so they are grouped with
  case and spacing ignored, and shown in their most used spelling. A group of fewer than 5
  leavers is not shown on its own: it goes into "Other roles" / "Other departments", which is
  itself shown only with 5 or more (else it counts only inside the total).
- **Terms**: autumn 1 September to 31 December, spring 1 January to 31 March, summer
  1 April to 31 August. Easter moves each year, so spring ends on 31 March: a simple rule
  that anyone can check against a leaving date.
- **Anonymous in reports.** A leaver who chose it is never counted in a group of their own
  kind: by role, department and school they are counted in one row of their own ("Anonymous
  in reports"), which is shown only with 5 or more such leavers and otherwise only inside the
  total; over the terms they are one column of their own, never in a term.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from leaver.reports.disclosure import THRESHOLD, Protected, protect

LEAVERS = "leavers"
ANONYMOUS = "Anonymous in reports"
NOT_RECORDED = "Not recorded"
TERMS = [("autumn", "Autumn term"), ("spring", "Spring term"), ("summer", "Summer term"),
         ("anonymous", "Anonymous in reports (any term)")]
YEARS = 5


def term_of(day: dt.date) -> str:
    """The school term of a leaving date (see the module's rule)."""
    if day.month >= 9:
        return "autumn"
    return "spring" if day.month <= 3 else "summer"


def _school_year(day: dt.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def year_label(year: int) -> str:
    return f"{year} to {year + 1}"


def by_group(leavers: Iterable[tuple[str, bool]], other: str) -> Protected:
    """Leavers per group (the group as typed, whether anonymous), groups of 5 or more on
    their own, the rest in `other`, the anonymous in their own row."""
    spellings: dict[str, Counter[str]] = {}
    anonymous = 0
    for typed, is_anonymous in leavers:
        if is_anonymous:
            anonymous += 1
            continue
        shown = " ".join(typed.split()) or NOT_RECORDED
        spellings.setdefault(shown.casefold(), Counter())[shown] += 1
    groups: list[tuple[int, str]] = []
    others = 0
    for found in spellings.values():
        size = sum(found.values())
        if size >= THRESHOLD:
            # The most used spelling; on a tie, the first in alphabetical order.
            groups.append((size, min(found, key=lambda s: (-found[s], s))))
        else:
            others += size
    counts: dict[str, dict[str, int]] = {
        name: {LEAVERS: size} for size, name in sorted(groups, key=lambda g: (-g[0], g[1]))}
    counts[other] = {LEAVERS: others}
    counts[ANONYMOUS] = {LEAVERS: anonymous}
    return protect(counts, [LEAVERS])


def trend_years(year: int) -> list[int]:
    """The report's school year and the four before it, oldest first."""
    return list(range(year - YEARS + 1, year + 1))


def by_term(leavers: Iterable[tuple[dt.date, bool]], year: int) -> Protected:
    """Leavers per school year (the last five to `year`) and term, the anonymous apart."""
    years = trend_years(year)
    counts: dict[str, dict[str, int]] = {year_label(y): {} for y in years}
    for leaving, is_anonymous in leavers:
        row = counts.get(year_label(_school_year(leaving)))
        if row is None:
            continue
        column = "anonymous" if is_anonymous else term_of(leaving)
        row[column] = row.get(column, 0) + 1
    return protect(counts, [code for code, _ in TERMS], min_row_total=0)
