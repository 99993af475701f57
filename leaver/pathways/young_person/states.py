"""States of the young person's pathway (seed 002); the transitions are in definition.py."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    NOTIFIED = "notified", "Awaiting consent"
    CONSENTED = "consented", "Consented"
    DECLINED = "declined", "Declined"
    NOT_FEASIBLE = "not_feasible", "Not feasible"
    INTERVIEWER_ASSIGNED = "interviewer_assigned", "Interviewer assigned"
    SCHEDULED = "scheduled", "Interview scheduled"
    WITH_IRO = "with_iro", "With the IRO"
    RECOMMENDATIONS_ISSUED = "recommendations_issued", "Recommendations issued"
    RESPONSES_COMPLETE = "responses_complete", "Responses complete"
    NO_ACTION_NEEDED = "no_action_needed", "No action needed"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    UNABLE_TO_CONTACT = "unable_to_contact", "Unable to contact"


TERMINAL = frozenset({
    State.DECLINED, State.NOT_FEASIBLE, State.CLOSED, State.WITHDRAWN, State.UNABLE_TO_CONTACT,
})
OPEN = frozenset(set(State) - TERMINAL)
# Before the record is submitted: the only time a case can end early.
BEFORE_RECORD = frozenset({
    State.NOTIFIED, State.CONSENTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED,
})
REVIEW = frozenset({
    State.WITH_IRO, State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE,
})
# Where the letter to the young person is written and sent.
LETTER = frozenset({
    State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE, State.NO_ACTION_NEEDED,
})
# The record is locked: from here it changes only by an amendment the IRO agreed to.
RECORDED = REVIEW | LETTER | frozenset({State.CLOSED})
