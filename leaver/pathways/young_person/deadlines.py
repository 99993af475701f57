"""What is due on a young person's case (seed 002 §2–3), and who holds it: the one place
these deadlines are worked out, for "Your work", the case list and the reminders.

| step          | open while the case is          | started             | holder                  |
|---------------|---------------------------------|---------------------|-------------------------|
| consent       | awaiting consent                | move recorded (or   | the social worker       |
|               |                                 | reopened)           |                         |
| interviewer   | consented                       | consent recorded    | the CSMs                |
| interview     | interviewer assigned, scheduled | consent recorded    | the interviewer         |
| review        | with the IRO                    | record sent         | the allocated IRO       |
| recommendation| each one not yet answered       | issued              | its owner (its due date)|
| referral      | each one asked for, until its   | record sent         | the social worker       |
|               | outcome is recorded             |                     |                         |

Each may take the organisation's number of working days (organisations.Deadlines); a
recommendation is due on its own date. Overdue steps are escalated to the CSMs (and a
recommendation also to the IRO who issued it). Reads only, in a fixed number of queries for a
whole list of cases.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Exists, Expression, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.deadlines import Deadline, due_after, late_before
from leaver.cases.models import Interview, InterviewRecord
from leaver.organisations import roles
from leaver.organisations.models import Deadlines, Organisation, Pathway, Role
from leaver.organisations.queries import deadlines_for
from leaver.pathways.young_person.events import YoungPersonEvent
from leaver.pathways.young_person.models import Referral, ReferralKind, YoungPerson
from leaver.pathways.young_person.referrals import (
    REFER,
    WANTED,
    referral_pending,
    referral_url,
)
from leaver.pathways.young_person.states import OPEN, State
from leaver.reviews.deadlines import recommendation_deadline
from leaver.reviews.models import Recommendation


@dataclass(frozen=True)
class Step:
    key: str
    action: str  # what the holder must do
    states: frozenset[str]
    days: str  # the organisations.Deadlines field: how many working days it may take


CONSENT = Step("consent", "Record the young person's consent decision",
               frozenset({State.NOTIFIED}), "consent_days")
INTERVIEWER = Step("interviewer", "Choose an independent interviewer",
                   frozenset({State.CONSENTED}), "interviewer_days")
INTERVIEW = Step("interview", "Hold the interview and send its record to the IRO",
                 frozenset({State.INTERVIEWER_ASSIGNED, State.SCHEDULED}), "interview_days")
REVIEW = Step("review", "Review the interview record", frozenset({State.WITH_IRO}),
              "review_days")
STEPS = (CONSENT, INTERVIEWER, INTERVIEW, REVIEW)
STEP_OF_STATE = {state: step for step in STEPS for state in step.states}

REFERRAL = "referral"


def _local(moment: dt.datetime) -> dt.date:
    return timezone.localdate(moment)


class _Facts:
    """What a batch of cases' deadlines are worked out from, read in a few queries."""

    def __init__(self, cases: Sequence[Interview], people: bool) -> None:
        org_ids = {c.organisation_id for c in cases}
        ids = [c.pk for c in cases]
        self.settings: dict[int, Deadlines] = deadlines_for(org_ids)
        self.nations = dict(Organisation.objects.filter(pk__in=org_ids).values_list(
            "pk", "nation"))
        awaiting = [c.public_id for c in cases if c.state == State.NOTIFIED]
        self.reopened: dict[uuid.UUID, dt.datetime] = {}
        if awaiting:
            for public_id, at in AuditEvent.objects.filter(
                    object_type="interview", object_id__in=awaiting,
                    action=YoungPersonEvent.REOPEN.value).values_list("object_id", "at"):
                if public_id is not None:
                    self.reopened[public_id] = max(at, self.reopened.get(public_id, at))
        self.records = {r.interview_id: r for r in InterviewRecord.objects.filter(
            interview_id__in=ids).only("interview_id", "submitted_at", *WANTED.values())}
        done = Referral.objects.filter(interview_id__in=ids).values_list("interview_id", "kind")
        self.referred = set(done)
        recommendations = Recommendation.objects.filter(
            interview_id__in=ids, responded_at__isnull=True, withdrawn_at__isnull=True,
        ).order_by("due_date", "pk")
        if people:
            recommendations = recommendations.select_related("owner", "created_by")
        self.recommendations: dict[int, list[Recommendation]] = defaultdict(list)
        for rec in recommendations:
            self.recommendations[rec.interview_id].append(rec)
        self.people = people
        self.young_people: dict[int, YoungPerson] = {}
        self.csms: dict[int, tuple[User, ...]] = {}
        if people:
            self.young_people = {y.interview_id: y for y in YoungPerson.objects.filter(
                interview_id__in=ids).select_related("social_worker", "allocated_iro")}
            self.csms = {pk: tuple(roles.users_with_role(pk, Role.CSM)) for pk in org_ids}


def deadlines_of(cases: Sequence[Interview], today: dt.date, *, people: bool = False
                 ) -> dict[int, list[Deadline]]:
    """Every open deadline of each case (by the case's pk), earliest due first. With
    `people`, each says who holds it and who is told when it is overdue (the reminders);
    the cases should then come with their interviewer (select_related)."""
    facts = _Facts(cases, people)
    found: dict[int, list[Deadline]] = {}
    for case in cases:
        deadlines = [*_step(case, facts, today), *_recommendations(case, facts, today),
                     *_referrals(case, facts, today)]
        found[case.pk] = sorted(deadlines, key=lambda d: d.due)
    return found


def _deadline(case: Interview, facts: _Facts, today: dt.date,
              managers: tuple[User, ...] | None = None, **values: object) -> Deadline:
    return Deadline(case=case, today=today, nation=facts.nations[case.organisation_id],
                    repeat_days=facts.settings[case.organisation_id].repeat_days,
                    managers=facts.csms.get(case.organisation_id, ()) if managers is None
                    else managers, **values)  # type: ignore[arg-type]


def _step(case: Interview, facts: _Facts, today: dt.date) -> list[Deadline]:
    step = STEP_OF_STATE.get(State(case.state))
    if step is None or case.pathway != Pathway.YOUNG_PERSON:
        return []
    if step == CONSENT:
        started: dt.datetime | None = facts.reopened.get(case.public_id, case.created_at)
    elif step == REVIEW:
        record = facts.records.get(case.pk)
        started = record.submitted_at if record else None
    else:
        started = case.consent_recorded_at
    if started is None:
        return []
    since = _local(started)
    days = getattr(facts.settings[case.organisation_id], step.days)
    return [_deadline(case, facts, today, step=step.key, action=step.action, since=since,
                      due=due_after(since, days, facts.nations[case.organisation_id]),
                      url=engine.case_url(case), holders=_holders(case, step, facts))]


def _holders(case: Interview, step: Step, facts: _Facts) -> tuple[User, ...]:
    if not facts.people:
        return ()
    csms = facts.csms.get(case.organisation_id, ())
    young_person = facts.young_people[case.pk]
    if step == CONSENT:
        return (young_person.social_worker,)
    if step == INTERVIEW and case.interviewer is not None:
        return (case.interviewer,)
    if step == REVIEW and young_person.allocated_iro is not None:
        return (young_person.allocated_iro,)
    return csms  # choosing the interviewer, or nobody named yet


def _recommendations(case: Interview, facts: _Facts, today: dt.date) -> list[Deadline]:
    found = []
    for rec in facts.recommendations.get(case.pk, []):
        rec.interview = case  # already read: no query per recommendation
        found.append(recommendation_deadline(
            rec, today, facts.nations[case.organisation_id], people=facts.people,
            repeat_days=facts.settings[case.organisation_id].repeat_days,
            managers=facts.csms.get(case.organisation_id, ())))
    return found


def _referrals(case: Interview, facts: _Facts, today: dt.date) -> list[Deadline]:
    record = facts.records.get(case.pk)
    if record is None:
        return []
    since = _local(record.submitted_at)
    days = facts.settings[case.organisation_id].referral_days
    return [_deadline(
        case, facts, today, step=REFERRAL, item=str(kind), action=REFER[kind], since=since,
        due=due_after(since, days, facts.nations[case.organisation_id]),
        url=referral_url(case, kind),
        holders=(facts.young_people[case.pk].social_worker,) if facts.people else ())
        for kind, field in WANTED.items()
        if getattr(record, field) and (case.pk, kind) not in facts.referred]


def _reopenings() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type="interview", object_id=OuterRef("public_id"),
                                     action=YoungPersonEvent.REOPEN.value)


def step_started(step: Step) -> Expression | F:
    """When the case's current step started, as a database expression (for ordering "Your
    work" oldest first and for its ages): what _step reads in Python."""
    if step == CONSENT:
        last = _reopenings().order_by("-at").values("at")[:1]
        return Coalesce(Subquery(last), F("created_at"))
    if step == REVIEW:
        return F("record__submitted_at")
    return F("consent_recorded_at")


def step_overdue(step: Step, settings: Deadlines, nation: str, today: dt.date) -> Q:
    """Cases in this step that are overdue today, exactly (see late_before)."""
    cut = late_before(today, getattr(settings, step.days), nation)
    if step == CONSENT:
        return Q(state__in=step.states, created_at__lt=cut) & ~Q(
            Exists(_reopenings().filter(at__gte=cut)))
    if step == REVIEW:
        return Q(state__in=step.states, record__submitted_at__lt=cut)
    return Q(state__in=step.states, consent_recorded_at__lt=cut)


def overdue(settings: Deadlines, nation: str, today: dt.date) -> Q:
    """A filter on one organisation's cases keeping exactly those whose step or a
    recommendation is overdue: the case list's "overdue" filter and count, in the database.
    Referrals are left out: lists of cases are seen by people who must not learn that a young
    person asked to complain (see on_case_lists)."""
    late = Q(Exists(Recommendation.objects.filter(
        interview=OuterRef("pk"), responded_at__isnull=True, withdrawn_at__isnull=True,
        due_date__lt=today)))
    for step in STEPS:
        late |= step_overdue(step, settings, nation, today)
    # Only an open case has anything due (a case closes when every recommendation is
    # answered; it ends early only before there are any): this lets the state index skip
    # the ended cases, most of a mature organisation's.
    return Q(pathway=Pathway.YOUNG_PERSON, state__in=list(OPEN)) & late


def on_case_lists(deadlines: list[Deadline]) -> list[Deadline]:
    """What a list of cases may show of a case's deadlines: its step and its recommendations,
    never a referral (only the social worker and the record's readers know of those)."""
    return [d for d in deadlines if d.step != REFERRAL]


def open_deadlines(today: dt.date, chunk: int = 500) -> Iterator[Deadline]:
    """Every deadline due by `today` across every organisation, with its people: the
    reminders' source (leaver.cases.reminders)."""
    waiting = Q(state__in=[*STEP_OF_STATE, State.RECOMMENDATIONS_ISSUED])
    for kind in ReferralKind:
        waiting |= referral_pending(kind)
    cases = Interview.objects.filter(waiting, pathway=Pathway.YOUNG_PERSON).select_related(
        "interviewer").order_by("pk")
    last = 0
    while batch := list(cases.filter(pk__gt=last)[:chunk]):
        last = batch[-1].pk
        for deadlines in deadlines_of(batch, today, people=True).values():
            yield from (d for d in deadlines if d.due <= today)
