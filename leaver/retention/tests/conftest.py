from __future__ import annotations

import datetime as dt

import pytest

from leaver.audit import log as audit
from leaver.cases.events import CaseEvent
from leaver.cases.models import Interview
from leaver.pathways.young_person.states import State
from leaver.questionnaires.seeding import sample_answers
from leaver.safeguarding import actions as safeguarding
from leaver.safeguarding.models import Concern
from leaver.safeguarding.raising import Disclosure, raise_by_hand
from leaver.testing import Cast, make_case, make_cast, record_details

NAME = "Jamie Rivers"
# The young person's own words in every open answer: a report may quote them.
OWN_WORDS = "The garden at the home was the best place to think about things"


@pytest.fixture
def cast(db: None) -> Cast:
    return make_cast()


@pytest.fixture
def other_cast(db: None) -> Cast:
    return make_cast("south")


def full_case(cast: Cast, name: str = NAME, born: dt.date = dt.date(2010, 5, 17)
              ) -> Interview:
    """A closed case with everything a case can hold: contact details, a record with free
    text and choice answers and notes, a letter, a recommendation, a safeguarding concern
    with the young person's words and a note, and an audit row naming them."""
    case = make_case(
        cast, State.CLOSED, leaver_name=name, date_of_birth=born,
        email="jamie.rivers@example.org", phone="07700 900123", postcode="AB1 2CD",
        record=record_details(
            answers=sample_answers(OWN_WORDS, said={"experienced_bullying": "no"}),
            interviewer_notes=f"{name} was calm and chatty.",
            left_out_note="Nothing was left out."))
    concern = raise_by_hand(actor=cast.interviewer, case=case, disclosure=Disclosure(
        note=f"{name} said something worrying.", words="Someone took my phone.",
        said_at=case.created_at))
    safeguarding.add_note(actor=cast.safeguarding_lead, concern=Concern.objects.get(
        pk=concern.pk), text=f"Spoke to {name.split()[0]} today.")
    audit.record(actor=cast.csm, action=CaseEvent.VIEWED, object_type="interview",
                 object_id=case.public_id, organisation_id=cast.org.pk,
                 detail={"searched_for": name, "state": "closed"})
    return Interview.objects.get(pk=case.pk)
