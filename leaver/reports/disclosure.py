"""Disclosure control for the reports' tables (DESIGN §8, issue 12): no published figure, and
no sum or difference of published figures, gives away a count of 1 to 4 people.

A table is a count per (row, column), e.g. interviews by setting and outcome, with its row
totals, column totals and grand total. `protect` decides which figures are published:

1. **Primary suppression.** Every count from 1 to 4, inner cell or total, is withheld and
   shown as "fewer than 5". A row whose total is under `min_row_total` (a setting with
   fewer than 5 interviews) is not shown at all: it counts only inside the column totals.
2. **Secondary suppression.** A withheld cell must not be recoverable by subtraction. Along
   every line (a row with its total, a column with its total, the totals with the grand
   total) whose total is published, the withheld cells add up to the total minus the
   published ones: if that sum is 1 to 4, the smallest published non-zero cell of the line
   is withheld too (shown as "not shown"), or, if there is none, the total. Then every
   withheld count of 1 to 4 is checked against the whole table (all its lines at once, by
   exact Gaussian elimination): if the published figures pin it down, one more cell beside it
   is withheld. This repeats until nothing changes; it always ends, as each pass withholds
   more and a table with nothing published gives nothing away.

A change from the previous period is published only where both figures are
(`change`): a difference is never computed from a withheld figure.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

THRESHOLD = 5
FEWER = "fewer than 5"
NOT_SHOWN = "not shown"
TOTAL = "__total__"

Key = tuple[str, str]  # (row, column); TOTAL for a margin


@dataclass(frozen=True)
class Figure:
    """One published figure: its value, or None when withheld (and why, in words)."""

    value: int | None
    reason: str = ""

    @property
    def shown(self) -> bool:
        return self.value is not None

    def __str__(self) -> str:
        return f"{self.value:,}" if self.value is not None else self.reason


@dataclass(frozen=True)
class Protected:
    rows: tuple[str, ...]  # the rows shown, in order (hidden small rows left out)
    columns: tuple[str, ...]
    figures: Mapping[Key, Figure]

    def cell(self, row: str, column: str) -> Figure:
        return self.figures[(row, column)]

    def row_total(self, row: str) -> Figure:
        return self.figures[(row, TOTAL)]

    def column_total(self, column: str) -> Figure:
        return self.figures[(TOTAL, column)]

    @property
    def total(self) -> Figure:
        return self.figures[(TOTAL, TOTAL)]


def _small(value: int, threshold: int) -> bool:
    return 0 < value < threshold


def lines(rows: Sequence[str], columns: Sequence[str]) -> list[tuple[list[Key], Key]]:
    """Every sum the table publishes: (its inner cells, its total)."""
    found = [([(r, c) for c in columns], (r, TOTAL)) for r in rows]
    found += [([(r, c) for r in rows], (TOTAL, c)) for c in columns]
    found.append(([(TOTAL, c) for c in columns], (TOTAL, TOTAL)))
    found.append(([(r, TOTAL) for r in rows], (TOTAL, TOTAL)))
    return found


def full_table(counts: Mapping[str, Mapping[str, int]], columns: Sequence[str]
               ) -> dict[Key, int]:
    """The counts with every margin filled in."""
    values: dict[Key, int] = {}
    for row, found in counts.items():
        for column in columns:
            values[(row, column)] = int(found.get(column, 0))
        values[(row, TOTAL)] = sum(values[(row, c)] for c in columns)
    for column in columns:
        values[(TOTAL, column)] = sum(values[(r, column)] for r in counts)
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in counts)
    return values


def protect(counts: Mapping[str, Mapping[str, int]], columns: Sequence[str], *,
            threshold: int = THRESHOLD, min_row_total: int = THRESHOLD) -> Protected:
    """The figures of the table `counts` (row -> column -> count) that may be published."""
    if any(v < 0 for found in counts.values() for v in found.values()):
        raise ValueError("A count cannot be negative.")
    rows = list(counts)
    values = full_table(counts, columns)
    hidden = {r for r in rows if values[(r, TOTAL)] < min_row_total}
    withheld: dict[Key, str] = {
        key: FEWER for key, value in values.items() if _small(value, threshold)}
    for row in hidden:
        for column in [*columns, TOTAL]:
            withheld.setdefault((row, column), NOT_SHOWN)
    every_line = lines(rows, columns)
    while True:
        changed = _close_lines(every_line, values, withheld, threshold)
        if not changed:
            changed = _close_pinned(every_line, values, withheld, threshold)
        if not changed:
            break
    figures = {key: Figure(None, withheld[key]) if key in withheld else Figure(value)
               for key, value in values.items()}
    return Protected(tuple(r for r in rows if r not in hidden), tuple(columns), figures)


def _pick(cells: Iterable[Key], values: Mapping[Key, int], withheld: Mapping[Key, str]
          ) -> Key | None:
    """The published non-zero cell that costs least to withhold: the smallest."""
    candidates = [k for k in cells if k not in withheld and values[k] > 0]
    return min(candidates, key=lambda k: (values[k], k)) if candidates else None


def _close_lines(every_line: list[tuple[list[Key], Key]], values: Mapping[Key, int],
                 withheld: dict[Key, str], threshold: int) -> bool:
    """One pass of the subtraction rule over every line; whether anything was withheld."""
    changed = False
    for inner, total in every_line:
        if total in withheld:
            continue
        rest = sum(values[k] for k in inner if k in withheld)
        if _small(rest, threshold):
            chosen = _pick(inner, values, withheld) or total
            withheld[chosen] = NOT_SHOWN
            changed = True
    return changed


def pinned(every_line: list[tuple[list[Key], Key]], values: Mapping[Key, int],
           withheld: Collection[Key]) -> set[Key]:
    """The withheld figures that the published ones determine exactly (the table's sums
    solved together, as exact fractions).

    Each line says: its withheld inner cells minus its withheld total equal a known number.
    A withheld figure is pinned down exactly when its unit vector lies in the span of those
    equations, which in reduced row echelon form means one row is that unit vector."""
    unknown = sorted(withheld)
    index = {key: i for i, key in enumerate(unknown)}
    equations: list[dict[int, Fraction]] = []
    for inner, total in every_line:
        row: dict[int, Fraction] = {}
        for key in inner:
            if key in index:
                row[index[key]] = row.get(index[key], Fraction(0)) + 1
        if total in index:
            row[index[total]] = row.get(index[total], Fraction(0)) - 1
        row = {column: a for column, a in row.items() if a}
        if row:
            equations.append(row)
    return {unknown[pivot] for pivot, row in _row_echelon(equations) if len(row) == 1}


def _row_echelon(rows: list[dict[int, Fraction]]) -> list[tuple[int, dict[int, Fraction]]]:
    """Reduced row echelon form of sparse rows (column → non-zero coefficient): (pivot
    column, row) pairs. The lines of a table touch few cells each, so rows stay short."""
    basis: dict[int, dict[int, Fraction]] = {}
    for original in rows:
        row = dict(original)
        for pivot in [p for p in row if p in basis]:
            factor = row.get(pivot)
            if factor:
                _subtract(row, basis[pivot], factor)
        if not row:
            continue
        lead = min(row)
        scale = row[lead]
        row = {column: a / scale for column, a in row.items()}
        for other in basis.values():
            factor = other.get(lead)
            if factor:
                _subtract(other, row, factor)
        basis[lead] = row
    return list(basis.items())


def _subtract(row: dict[int, Fraction], base: dict[int, Fraction], factor: Fraction) -> None:
    """row -= factor × base, in place, dropping the zeros."""
    for column, b in base.items():
        value = row.get(column, Fraction(0)) - factor * b
        if value:
            row[column] = value
        else:
            row.pop(column, None)


def _close_pinned(every_line: list[tuple[list[Key], Key]], values: Mapping[Key, int],
                  withheld: dict[Key, str], threshold: int) -> bool:
    """Withhold one more figure beside each small count the table still pins down."""
    changed = False
    for key in sorted(pinned(every_line, values, withheld)):
        if not _small(values[key], threshold):
            continue
        beside = [k for inner, total in every_line if key in inner or key == total
                  for k in [*inner, total]]
        # Beside it if possible; else anywhere (a table with nothing published pins nothing
        # down: its sums then all read 0 = 0, which a non-zero count does not satisfy alone).
        chosen = _pick(beside, values, withheld) or _pick(values, values, withheld) or next(
            (k for k in [*beside, *values] if k not in withheld), None)
        if chosen is not None:
            withheld[chosen] = NOT_SHOWN
            changed = True
            break  # solve again with it withheld
    return changed


def change(current: Figure, previous: Figure) -> Figure:
    """The change from the previous period, published only when both figures are."""
    if current.value is None or previous.value is None:
        return Figure(None, NOT_SHOWN)
    return Figure(current.value - previous.value)
