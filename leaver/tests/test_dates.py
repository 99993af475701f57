import datetime as dt

import pytest

from leaver.core.dates import years_before


@pytest.mark.parametrize(("day", "years", "expected"), [
    (dt.date(2028, 2, 29), 15, dt.date(2013, 2, 28)),
    (dt.date(2028, 2, 29), 4, dt.date(2024, 2, 29)),
    (dt.date(2026, 11, 23), 30, dt.date(1996, 11, 23)),
])
def test_years_before_is_safe_on_29_february(day, years, expected):
    assert years_before(day, years) == expected
