"""States of the school staff pathway (seed 000); the transitions are in definition.py."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECORDED = "recorded", "Offer not sent yet"
    OFFERED = "offered", "Offer sent"
    DECLINED = "declined", "Declined"
    NO_RESPONSE = "no_response", "No response"
    ACCEPTED = "accepted", "Accepted"
    INTERVIEWER_ASSIGNED = "interviewer_assigned", "Interviewer assigned"
    SCHEDULED = "scheduled", "Interview scheduled"
    INTERVIEWED = "interviewed", "Interviewed"
    AWAITING_CONFIRMATION = "awaiting_confirmation", "With the leaver to check"
    CORRECTIONS_REQUESTED = "corrections_requested", "Corrections asked for"
    CONFIRMED = "confirmed", "Signed by the leaver"
    NOT_CONFIRMED = "not_confirmed", "Not confirmed by the leaver"
    ACTIONS_AGREED = "actions_agreed", "Actions agreed"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


TERMINAL = frozenset({State.DECLINED, State.NO_RESPONSE, State.CLOSED, State.WITHDRAWN})
OPEN = frozenset(set(State) - TERMINAL)
# Before there is a record: the only time the leaver can withdraw (the interview is voluntary).
BEFORE_RECORD = frozenset({
    State.RECORDED, State.OFFERED, State.ACCEPTED, State.INTERVIEWER_ASSIGNED, State.SCHEDULED,
})
# The record exists and the leaver has had their say on it: the action plan is made here.
REVIEW = frozenset({State.CONFIRMED, State.NOT_CONFIRMED, State.ACTIONS_AGREED})
# The record exists: it can be amended (a new version with who, when and why).
RECORDED_STATES = frozenset({
    State.INTERVIEWED, State.AWAITING_CONFIRMATION, State.CORRECTIONS_REQUESTED,
    State.CONFIRMED, State.NOT_CONFIRMED, State.ACTIONS_AGREED, State.CLOSED,
})
