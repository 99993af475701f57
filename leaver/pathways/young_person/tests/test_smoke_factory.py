import pytest

from leaver.pathways.young_person.states import State
from leaver.testing import make_case


@pytest.mark.parametrize("state", list(State))
def test_factory_reaches_every_state(cast, state):
    assert make_case(cast, state).state == state
