"""A recommendation's deadline: due on the date the reviewer gave it, held by its owner. The
pathway adds who is told when it is overdue; its pages and the reminders show and chase it
like every other step (leaver.cases.deadlines).

A pathway whose definition names `review_days` (the staff pathway: its action plan) has its
review chased here too, like the IRO's review of a young person's record:

| step           | open while the case is              | started           | holder            |
|----------------|-------------------------------------|-------------------|-------------------|
| review         | may take "no_action_needed" (staff: | the audit row of  | those who may     |
|                | confirmed or not confirmed)         | the step into it  | review it         |
| recommendation | each one not yet answered           | issued            | its owner (its    |
|                |                                     |                   | due date)         |

The review may take the organisation's `review_days` working days (staff:
`Deadlines.action_plan_days`); overdue, the reminders go to its holders again. An overdue
recommendation is escalated to the reviewer who issued it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.deadlines import Deadline, due_after, late_before
from leaver.cases.engine import Definition
from leaver.cases.models import Interview
from leaver.core.working_days import Nation
from leaver.organisations.models import Deadlines, Organisation
from leaver.organisations.queries import deadlines_for
from leaver.reviews.access import recommendations_issued_by, reviewers_of
from leaver.reviews.models import Recommendation

STEP = "recommendation"
ACTION = "Respond to a recommendation"
REVIEW = "review"


def recommendation_deadline(rec: Recommendation, today: dt.date, nation: str, *,
                            repeat_days: int = 2, people: bool = False,
                            managers: tuple[User, ...] = ()) -> Deadline:
    """With `people`: held by the owner (loaded), and the IRO who issued it is told when it
    is overdue, with `managers`."""
    words = engine.definition_of(rec.interview).review_words
    return Deadline(
        case=rec.interview, step=STEP, item=str(rec.public_id),
        action=f"Respond to {words.a}",  # ACTION, for a young person
        since=timezone.localdate(rec.created_at), due=rec.due_date, today=today, nation=nation,
        url=reverse("reviews:recommendation", args=[rec.public_id]), repeat_days=repeat_days,
        holders=(rec.owner,) if people else (),
        managers=(*managers, rec.created_by) if people else ())


def with_deadlines(recs: Iterable[Recommendation], user: User, today: dt.date
                   ) -> list[Recommendation]:
    """The recommendations (of the user's organisation), each with its `deadline`, earliest
    due first."""
    nation = user.organisation.nation if user.organisation else Nation.ENGLAND
    found = list(recs)
    for rec in found:
        rec.deadline = recommendation_deadline(rec, today, nation)  # type: ignore[attr-defined]
    return sorted(found, key=lambda r: (r.due_date, r.pk))


def issued_with_deadlines(user: User, today: dt.date) -> list[Recommendation]:
    """The recommendations this reviewer issued, each with its `deadline`: those still
    waiting for a response first (the longest overdue at the top), then the answered."""
    found = with_deadlines(recommendations_issued_by(user).select_related("owner"), user,
                           today)
    return sorted(found, key=lambda r: r.is_answered)


# The review, for pathways that leave it to reviews (Definition.review_days) -----------------

def chased() -> list[Definition]:
    """The pathways whose review and recommendations are chased here."""
    return [d for d in engine.definitions() if d.review_days]


def review_states(definition: Definition) -> frozenset[str]:
    """Where the review waits to be made: the states "no action needed" may be taken from."""
    return definition.transitions["no_action_needed"].sources


def _entry_events(definition: Definition) -> list[str]:
    """The audit events of the steps that bring a case to its review."""
    start = review_states(definition)
    return [str(t.event) for t in definition.transitions.values() if t.target in start]


def _review_started(cases: Sequence[Interview]) -> dict[object, dt.datetime]:
    """When each case (by public id) reached its review: its latest audit row of a step
    into a review state (staff: signed, signed in person, or not confirmed)."""
    waiting = [c for c in cases if c.state in review_states(engine.definition_of(c))]
    events = {e for c in waiting for e in _entry_events(engine.definition_of(c))}
    started: dict[object, dt.datetime] = {}
    if not waiting:
        return started
    for public_id, at in AuditEvent.objects.filter(
            object_type="interview", object_id__in=[c.public_id for c in waiting],
            action__in=events).values_list("object_id", "at"):
        started[public_id] = max(at, started.get(public_id, at))
    return started


def overdue(definition: Definition, settings: Deadlines, nation: str, today: dt.date) -> Q:
    """As a database filter, exactly the cases of this chased pathway whose review or a
    recommendation is overdue today (what review_deadlines_of calls overdue): the review
    started with the latest entry event, so it is late when one came before the cut-off
    (leaver.cases.deadlines.late_before) and none since."""
    cut = late_before(today, getattr(settings, definition.review_days), nation)
    entries = AuditEvent.objects.filter(object_type="interview", object_id=OuterRef("public_id"),
                                        action__in=_entry_events(definition))
    late = Q(state__in=review_states(definition)) & Q(Exists(entries.filter(at__lt=cut))) \
        & ~Q(Exists(entries.filter(at__gte=cut)))
    late |= Q(Exists(Recommendation.objects.filter(
        interview=OuterRef("pk"), responded_at__isnull=True, withdrawn_at__isnull=True,
        due_date__lt=today)))
    return Q(pathway=definition.pathway) & late


def review_deadlines_of(cases: Sequence[Interview], today: dt.date, *, people: bool = False
                        ) -> dict[int, list[Deadline]]:
    """The review's and the recommendations' deadlines of each case (by pk) of a chased
    pathway, earliest due first; with `people`, who holds each (the reminders)."""
    cases = [c for c in cases if engine.definition_of(c).review_days]
    org_ids = {c.organisation_id for c in cases}
    settings = deadlines_for(org_ids)
    nations = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "nation"))
    started = _review_started(cases)
    recs: dict[int, list[Recommendation]] = defaultdict(list)
    waiting = Recommendation.objects.filter(
        interview_id__in=[c.pk for c in cases], responded_at__isnull=True,
        withdrawn_at__isnull=True).order_by("due_date", "pk")
    for rec in waiting.select_related("owner", "created_by") if people else waiting:
        recs[rec.interview_id].append(rec)
    found: dict[int, list[Deadline]] = {}
    for case in cases:
        definition = engine.definition_of(case)
        nation, repeat = nations[case.organisation_id], settings[case.organisation_id]
        deadlines = []
        since_at = started.get(case.public_id)
        if since_at is not None and case.state in review_states(definition):
            since = timezone.localdate(since_at)
            days = getattr(repeat, definition.review_days)
            deadlines.append(Deadline(
                case=case, step=REVIEW, action="Review the interview record: issue "
                f"{definition.review_words.plural} or record that no action is needed",
                since=since, due=due_after(since, days, nation), today=today, nation=nation,
                url=reverse("reviews:review", args=[case.public_id]),
                repeat_days=repeat.repeat_days,
                holders=tuple(reviewers_of(case)) if people else ()))
        for rec in recs.get(case.pk, []):
            rec.interview = case  # already read: no query per recommendation
            deadlines.append(recommendation_deadline(
                rec, today, nation, people=people, repeat_days=repeat.repeat_days))
        found[case.pk] = sorted(deadlines, key=lambda d: d.due)
    return found


def open_deadlines(today: dt.date, chunk: int = 500) -> Iterator[Deadline]:
    """Every review and recommendation deadline of a chased pathway due by `today`, with
    its people: a source of leaver.cases.reminders."""
    waiting = Q(pk__in=[])
    for definition in chased():
        states = review_states(definition) | definition.stages.get(
            "taking_responses", frozenset())
        waiting |= Q(pathway=definition.pathway, state__in=states)
    cases = Interview.objects.filter(waiting).select_related("setting").order_by("pk")
    last = 0
    while batch := list(cases.filter(pk__gt=last)[:chunk]):
        last = batch[-1].pk
        for deadlines in review_deadlines_of(batch, today, people=True).values():
            yield from (d for d in deadlines if d.due <= today)
