"""Disclosure control: hand-worked tables, and a property test (hypothesis) that on any table
no published figure, and no total minus published figures, is a count of 1 to 4, and no
withheld count of 1 to 4 can be solved for from everything published."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaver.reports.disclosure import (
    FEWER,
    NOT_SHOWN,
    TOTAL,
    Figure,
    change,
    full_table,
    lines,
    pinned,
    protect,
)

OUTCOMES = ["completed", "declined", "not_feasible"]


def test_a_table_with_no_small_counts_is_published_whole():
    table = protect({"Oak House": {"completed": 12, "declined": 5, "not_feasible": 0},
                     "Birch Lodge": {"completed": 7, "declined": 6, "not_feasible": 9}},
                    OUTCOMES)
    assert table.rows == ("Oak House", "Birch Lodge")
    assert str(table.cell("Oak House", "completed")) == "12"
    assert table.cell("Oak House", "not_feasible").value == 0
    assert table.row_total("Birch Lodge").value == 22
    assert table.column_total("declined").value == 11
    assert table.total.value == 39


def test_a_small_count_is_fewer_than_5_and_its_row_hides_another():
    # Oak House: 2 declined. Without more, 14 - 12 - 0 = 2 would give it away.
    table = protect({"Oak House": {"completed": 12, "declined": 2, "not_feasible": 0},
                     "Birch Lodge": {"completed": 7, "declined": 6, "not_feasible": 9}},
                    OUTCOMES)
    assert str(table.cell("Oak House", "declined")) == FEWER
    shown = [c for c in OUTCOMES if table.cell("Oak House", c).shown]
    # The row total or a second non-zero cell of the row is withheld too...
    assert not table.row_total("Oak House").shown or "completed" not in shown
    # ...and the column cannot give it away either: 8 declined in total, 6 at Birch Lodge.
    assert not table.column_total("declined").shown or not table.cell(
        "Birch Lodge", "declined").shown


def test_a_setting_with_fewer_than_5_interviews_is_only_inside_the_total():
    table = protect({"Oak House": {"completed": 9, "declined": 6, "not_feasible": 5},
                     "Birch Lodge": {"completed": 8, "declined": 7, "not_feasible": 6},
                     "Willow House": {"completed": 3, "declined": 0, "not_feasible": 0}},
                    OUTCOMES)
    assert table.rows == ("Oak House", "Birch Lodge")
    # 20 + 3 completed: the column total minus the two homes would be Willow House's 3.
    completed = [table.column_total("completed"), table.cell("Oak House", "completed"),
                 table.cell("Birch Lodge", "completed")]
    assert not all(f.shown for f in completed)


def test_a_change_is_published_only_between_two_published_figures():
    assert change(Figure(12), Figure(9)) == Figure(3)
    assert change(Figure(12), Figure(None, FEWER)).value is None
    assert str(change(Figure(None, NOT_SHOWN), Figure(7))) == NOT_SHOWN


def test_a_negative_count_is_refused():
    import pytest

    with pytest.raises(ValueError, match="negative"):
        protect({"Oak House": {"completed": -1}}, OUTCOMES)


# The property --------------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=12) | st.integers(min_value=0, max_value=4)
tables = st.integers(min_value=1, max_value=5).flatmap(lambda width: st.tuples(
    st.just([f"c{i}" for i in range(width)]),
    st.lists(st.lists(counts, min_size=width, max_size=width), min_size=1, max_size=6)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables)
def test_nothing_published_reveals_a_count_of_1_to_4(table):
    columns, grid = table
    data = {f"r{i}": dict(zip(columns, row, strict=True)) for i, row in enumerate(grid)}
    found = protect(data, columns)
    values = full_table(data, columns)
    withheld = {key for key, figure in found.figures.items() if not figure.shown}
    # 1. No published figure is 1 to 4.
    for key, figure in found.figures.items():
        if figure.shown:
            assert figure.value == values[key]
            assert not 0 < values[key] < 5, key
    # 2. No total minus the published figures of its line is 1 to 4.
    every_line = lines(list(data), columns)
    for inner, total in every_line:
        if total not in withheld:
            rest = sum(values[k] for k in inner if k in withheld)
            assert not 0 < rest < 5, (inner, total, rest)
    # 3. No withheld count of 1 to 4 is determined by all the published figures together.
    for key in pinned(every_line, values, withheld):
        assert not 0 < values[key] < 5, key
    # 4. A row under 5 in total shows nothing of its own.
    for row in data:
        if values[(row, TOTAL)] < 5:
            assert row not in found.rows
            assert all((row, c) in withheld for c in [*columns, TOTAL])
