from __future__ import annotations

import pytest

from leaver.pathways.staff.tests.cast import StaffCast, make_staff_cast
from leaver.pathways.young_person.states import State
from leaver.testing import Cast, full_answers, make_case, make_cast, record_details


@pytest.fixture
def staff(db: None) -> StaffCast:
    return make_staff_cast("north")


@pytest.fixture
def other_staff(db: None) -> StaffCast:
    """Another organisation: nobody in `staff` may see anything of it."""
    return make_staff_cast("south")


@pytest.fixture
def year_of_cases(db: None) -> Cast:
    """This year: 5 interviewed (2 did not want to say whether they felt safe), 6 declined."""
    cast = make_cast()
    for i in range(5):
        make_case(cast, State.WITH_IRO, leaver_name=f"Interviewed {i}", record=record_details(
            answers=full_answers(felt_safe="did_not_answer" if i < 2 else "yes")))
    for i in range(6):
        make_case(cast, State.DECLINED, leaver_name=f"Declined {i}")
    return cast
