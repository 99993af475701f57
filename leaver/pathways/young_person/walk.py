"""Taking a young person's case to any state through the real actions, by real people.

The demo (`load_demo`) and the tests' cast both reach their states through this one walker,
so both start from states the product itself can reach, with genuine timelines and audit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import DateTimeField, F, Model
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import time_travel
from leaver.cases.models import Interview, InterviewRecord, RecordShare
from leaver.organisations.models import ConfidentialityStatement
from leaver.organisations.queries import current_statement
from leaver.pathways.young_person import actions, recording, recording_parts
from leaver.pathways.young_person.models import Referral, YoungPerson
from leaver.pathways.young_person.states import State
from leaver.reviews import actions as reviews
from leaver.reviews.models import Letter, Review
from leaver.reviews.models import Recommendation as Issued


@dataclass(frozen=True)
class People:
    """Who takes each step. The social worker is the one named in the move's details."""

    notifier: User  # a Unit Manager of the home, or a CSM
    csm: User
    interviewer: User
    iro: User
    # The statement the young person is shown; None: the organisation's current one, as
    # the consent page shows it (organisations.queries.current_statement).
    statement: ConfidentialityStatement | None = None


@dataclass(frozen=True)
class Recommendation:
    text: str
    owner: User | None = None  # None: the CSM
    days_to_respond: int = 28
    share_record: bool = False
    response: str = "We will."
    young_person_text: str = ""  # empty: the same words as `text`


@dataclass(frozen=True)
class Route:
    """The choices made on the way. The defaults make an ordinary, complete case."""

    record: recording.RecordDetails
    may_quote: bool = True
    reason: str = "A reason."  # declined, not feasible, withdrawn, unable to contact
    tried: tuple[str, ...] = ()  # not feasible: what was tried first (FeasibilityAid values)
    interview_in: dt.timedelta = dt.timedelta(days=2)
    location: str = "The library"
    # Who was there, and any interpreter or communication support; held in person, where it
    # was arranged, at the moment it is recorded.
    people_present: str = "The young person and the interviewer"
    support: str = "none"
    support_details: str = ""
    # Set: the IRO finds nothing to act on (and the case closes through "no action needed").
    no_action_reason: str | None = None
    recommendations: tuple[Recommendation, ...] = field(
        default=(Recommendation("Help with homework every evening."),))
    letter_text: str | None = None  # None: the plain-language draft, as the IRO would start


_EARLY_END = {State.WITHDRAWN: "withdraw", State.UNABLE_TO_CONTACT: "unable_to_contact"}
_CONSENT = {State.DECLINED: "consent_declined", State.NOT_FEASIBLE: "not_feasible"}


def _statement(people: People, case: Interview) -> ConfidentialityStatement:
    statement = people.statement or current_statement(case.organisation_id, case.pathway)
    if statement is None:
        raise ValueError("The organisation has no published confidentiality statement.")
    return statement


def walk(people: People, details: actions.MoveDetails, to: State, route: Route
         ) -> Interview:
    """A new case, moved along the pathway until it is in `to`."""
    case = actions.notify_move(actor=people.notifier, details=details)
    social_worker = details.social_worker
    if to == State.NOTIFIED:
        return case
    if to in _CONSENT:
        return actions.record_consent(actor=social_worker, interview=case,
                                      outcome=_CONSENT[to], reason=route.reason,
                                      may_quote=False, statement=_statement(people, case),
                                      tried=route.tried if to == State.NOT_FEASIBLE else ())
    if to in _EARLY_END:
        return actions.close_early(actor=social_worker, interview=case,
                                   outcome=_EARLY_END[to], reason=route.reason)
    case = actions.record_consent(actor=social_worker, interview=case, outcome="consent_given",
                                  reason="", may_quote=route.may_quote,
                                  statement=_statement(people, case))
    if to == State.CONSENTED:
        return case
    case = actions.assign_interviewer(actor=people.csm, interview=case,
                                      interviewer=people.interviewer)
    if to == State.INTERVIEWER_ASSIGNED:
        return case
    case = actions.schedule_interview(actor=people.interviewer, interview=case,
                                      when=timezone.now() + route.interview_in,
                                      location=route.location)
    if to == State.SCHEDULED:
        return case
    case = recording_parts.record_interview_facts(
        actor=people.interviewer, interview=case, facts=recording_parts.InterviewFacts(
            held_at=timezone.now(), held_how="in_person", held_where=route.location,
            people_present=route.people_present, support=route.support,
            support_details=route.support_details))
    case = recording.submit_record(actor=people.interviewer, interview=case,
                                   details=route.record)
    if to == State.WITH_IRO:
        return case
    if to == State.NO_ACTION_NEEDED or (to == State.CLOSED and route.no_action_reason):
        case = reviews.record_no_action(actor=people.iro, interview=case,
                                        reason=route.no_action_reason or "All good.")
        if to == State.NO_ACTION_NEEDED:
            return case
    else:
        case = _recommend(people, case, route, respond=to != State.RECOMMENDATIONS_ISSUED)
        if to in (State.RECOMMENDATIONS_ISSUED, State.RESPONSES_COMPLETE):
            return case
    text = route.letter_text or reviews.letter_text_for(case, people.iro)
    reviews.save_letter(actor=people.iro, interview=case, text=text)
    reviews.mark_letter_sent(actor=people.iro, interview=case)
    case.refresh_from_db()
    if case.state != to:
        raise ValueError(f"The walk cannot reach {to}; it stopped at {case.state}.")
    return case


def _recommend(people: People, case: Interview, route: Route, *, respond: bool) -> Interview:
    issued = [
        (reviews.add_recommendation(
            actor=people.iro, interview=case, text=rec.text, owner=rec.owner or people.csm,
            due_date=timezone.localdate() + dt.timedelta(days=rec.days_to_respond),
            share_record=rec.share_record, young_person_text=rec.young_person_text),
         rec.response)
        for rec in route.recommendations
    ]
    if respond:
        for issued_rec, response in issued:
            reviews.respond(actor=issued_rec.owner, recommendation=issued_rec,
                            kind="will_act", text=response)
    case.refresh_from_db()
    return case



# Every moment and date that says when something happened on a case (not the young person's
# birth or planned move): what `shift_in_time` moves.
_WHEN: tuple[tuple[type[Model], str, tuple[str, ...]], ...] = (
    (Interview, "pk", ("created_at", "consent_recorded_at", "scheduled_for", "held_at",
                       "closed_at")),
    (YoungPerson, "interview_id", ("consent_asked_on",)),
    (InterviewRecord, "interview_id", ("submitted_at",)),
    (RecordShare, "interview_id", ("created_at",)),
    (Issued, "interview_id", ("created_at", "due_date", "responded_at", "withdrawn_at")),
    (Review, "interview_id", ("decided_at",)),
    (Letter, "interview_id", ("sent_at", "sent_on")),
    (Referral, "interview_id", ("made_on", "recorded_at")),
)


@transaction.atomic
def shift_in_time(case: Interview, by: dt.timedelta) -> Interview:
    """Move everything that happened on the case by `by` (negative: earlier), timeline
    included, as if it had all happened then: how the demo and the tests make a step that
    has waited (time travel without waiting). Never called by the product: nothing is
    audited, and a date moves by whole days only."""
    days = dt.timedelta(days=by.days)
    for model, key, names in _WHEN:
        rows = model._default_manager.filter(**{key: case.pk})
        for name in names:
            moment = isinstance(model._meta.get_field(name), DateTimeField)
            step = by if moment else days
            rows.filter(**{f"{name}__isnull": False}).update(**{name: F(name) + step})
    AuditEvent.objects.filter(object_type="interview", object_id=case.public_id).update(
        at=F("at") + by)
    time_travel.reseal(case, by)  # the record's hash follows its moved moments
    case.refresh_from_db()
    return case
