from __future__ import annotations

import pytest

from leaver.pathways.staff.tests.cast import StaffCast, make_staff_cast


@pytest.fixture
def staff(db: None) -> StaffCast:
    return make_staff_cast("north")


@pytest.fixture
def other_staff(db: None) -> StaffCast:
    """Another organisation: nobody in `staff` may see anything of it."""
    return make_staff_cast("south")
