"""Shared steps of the safeguarding tests: a case whose interview is being recorded, a section
saved as a draft with what the young person said, a concern raised by hand."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leaver.cases.models import Interview
from leaver.pathways.young_person import recording
from leaver.pathways.young_person.states import State
from leaver.questionnaires.answering import Answer as Value
from leaver.questionnaires.seeding import seed
from leaver.safeguarding import raising
from leaver.safeguarding.models import Concern
from leaver.testing import Cast, full_answers, make_case

CARE = "care_and_safety"  # the section with "Did you feel safe?" and bullying
UNSAFE = {"felt_safe": "no",
          "felt_safe_comment": "Another resident hit me and staff did nothing."}
BULLIED = {"experienced_bullying": "yes", "bullying_dealt_with": "They did not."}


def recording_case(cast: Cast, **details: object) -> Interview:
    """A case whose interview the cast's interviewer is recording (scheduled)."""
    return make_case(cast, State.SCHEDULED, **details)


def save_section(cast: Cast, case: Interview, section: str = CARE, **said: Value) -> None:
    """The interviewer saves one section as a draft: full_answers() for its questions, with
    `said` on top (keys of that section only)."""
    keys = {item.key for s in seed("yp-appendix-1").sections if s.key == section
            for item in s.items}
    answers = {k: v for k, v in full_answers().items() if k in keys}
    answers.update(said)
    for key, value in said.items():
        if not value:
            answers.pop(key)
    recording.save_record_draft(actor=cast.interviewer, interview=case, section_key=section,
                                answers=answers)


def raise_one(cast: Cast, case: Interview, at: dt.datetime | None = None,
              **fields: object) -> Concern:
    """The interviewer raises a concern by hand at `at` (now if None)."""
    at = at or timezone.now()
    values: dict[str, object] = {"note": "She has a bruise she will not talk about.",
                                 "words": "I fell over.", "said_at": at - dt.timedelta(hours=1)}
    values.update(fields)
    return raising.raise_by_hand(actor=cast.interviewer, case=case, at=at,
                                 disclosure=raising.Disclosure(**values))  # type: ignore[arg-type]
