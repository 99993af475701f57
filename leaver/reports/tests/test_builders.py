"""The documents built from the reports: staff turnover's tables against a hand count, and
the change from the previous period, which never comes from a withheld figure."""

from __future__ import annotations

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from leaver.reports.builders import TURNOVER_AUDIENCE, changes, turnover_document
from leaver.reports.disclosure import THRESHOLD, Figure, protect
from leaver.reports.tests.test_turnover import leavers
from leaver.reports.turnover import school_year, turnover


@pytest.mark.django_db
def test_the_turnover_document_against_a_hand_count(staff):
    leavers(staff, "workload", 6)
    leavers(staff, "pay", 2)
    leavers(staff, "relocation", 7)
    year = school_year(timezone.localdate())
    schools = [staff.school, staff.other_school]
    document = turnover_document(turnover(staff.yp.org, schools, year),
                                 turnover(staff.yp.org, schools, year - 1))
    assert document.audience == TURNOVER_AUDIENCE
    tables = {t.key: t for t in document.tables()}
    by_reason = {str(row[0]): [str(v) for v in row[1:]] for row in tables["by-reason"].rows}
    assert by_reason["All reasons"] == ["15", "15"]  # Hill Primary, all schools
    assert by_reason["Pay"] == ["fewer than 5", "fewer than 5"]
    change = {str(row[0]): [str(v) for v in row[1:]] for row in tables["change"].rows}
    assert change["Leavers"] == ["15", "0", "15"]
    assert change["Pay"] == ["fewer than 5", "0", "not shown"]
    # The chart draws all schools' column, without the total.
    bars = dict(tables["by-reason"].bars())
    assert "All reasons" not in bars
    assert bars["Pay"].value is None


counts = st.integers(min_value=0, max_value=30)


@given(st.lists(st.tuples(counts, counts), min_size=1, max_size=8))
def test_a_change_is_published_only_between_two_published_figures(pairs):
    """Whatever the counts, no change is shown beside a withheld figure, and every change
    shown is the difference of the two figures shown beside it."""
    now = protect({"now": {str(i): a for i, (a, _) in enumerate(pairs)}},
                  [str(i) for i in range(len(pairs))], min_row_total=0)
    before = protect({"before": {str(i): b for i, (_, b) in enumerate(pairs)}},
                     [str(i) for i in range(len(pairs))], min_row_total=0)
    table = changes("change", "Change", [
        (str(i), now.cell("now", str(i)), before.cell("before", str(i)))
        for i in range(len(pairs))])
    for _, current, previous, difference in table.rows:
        assert isinstance(current, Figure)
        assert isinstance(previous, Figure)
        assert isinstance(difference, Figure)
        for figure in (current, previous):
            assert figure.value is None or not 0 < figure.value < THRESHOLD
        if current.value is None or previous.value is None:
            assert difference.value is None
        else:
            assert difference.value == current.value - previous.value
