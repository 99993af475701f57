"""What is due on a staff leaver's case (seed 000), and who holds it: for the case page, the
case list and the reminders (leaver.cases.reminders).

| step          | open while the case is      | started              | holder                   |
|---------------|-----------------------------|----------------------|--------------------------|
| reply         | offered                     | the offer was sent   | the leaver (system.py    |
|               |                             | (its reply_due)      | reminds them, then ends) |
| confirmation  | with the leaver to check    | record sent (its     | the leaver (system.py    |
|               |                             | confirmation_due)    | marks it not confirmed)  |
| action plan   | signed, or not confirmed    | that moment          | the school's leads       |
| action        | each one not yet answered   | added                | its owner (its due date) |

The leaver has no account, so the reply and the confirmation are shown but never chased by
the reminders (their holders are empty); Leaver itself takes their step (system.py). An
overdue action plan or action is escalated to the HR leads of the school.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence

from django.db.models import F, Q
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.deadlines import Deadline, due_after
from leaver.cases.models import Interview, InterviewRecord
from leaver.organisations import roles
from leaver.organisations.models import Organisation, Pathway, Role
from leaver.organisations.queries import deadlines_for
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import Confidentiality, StaffLeaver
from leaver.pathways.staff.states import State
from leaver.reviews.deadlines import recommendation_deadline
from leaver.reviews.models import Recommendation

REPLY, CONFIRMATION, ACTION_PLAN = "reply", "confirmation", "action_plan"
ACTIONS = {
    REPLY: "The leaver replies to the offer",
    CONFIRMATION: "The leaver checks and signs the record",
    ACTION_PLAN: "Agree the actions from the exit interview",
}
_REVIEWED = (StaffEvent.SIGNED, StaffEvent.SIGNED_IN_PERSON, StaffEvent.NOT_CONFIRMED)


def leads_of(case: Interview) -> tuple[User, ...]:
    """Who runs the pathway for this case's school: its headteachers (unless the leaver is
    anonymous) and the HR leads for the school or the whole organisation."""
    anonymous = getattr(case, "staff_leaver", None) is not None and \
        case.staff_leaver.confidentiality == Confidentiality.ANONYMOUS
    in_org = Q(memberships__setting__isnull=True) | Q(
        memberships__setting__organisation_id=F("organisation_id"))
    wanted = Q(memberships__role=Role.HR_LEAD) & (
        Q(memberships__setting__isnull=True) | Q(memberships__setting_id=case.setting_id))
    if not anonymous:
        wanted |= Q(memberships__role=Role.HEADTEACHER, memberships__setting_id=case.setting_id)
    return tuple(User.objects.filter(in_org, wanted, organisation_id=case.organisation_id,
                                     is_active=True).distinct().order_by("full_name"))


def deadlines_of(cases: Sequence[Interview], today: dt.date, *, people: bool = False
                 ) -> dict[int, list[Deadline]]:
    """Every open deadline of each staff case (by pk), earliest due first."""
    org_ids = {c.organisation_id for c in cases}
    ids = [c.pk for c in cases]
    settings = deadlines_for(org_ids)
    nations = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "nation"))
    leavers = {s.interview_id: s for s in StaffLeaver.objects.filter(interview_id__in=ids)}
    records = {r.interview_id: r for r in InterviewRecord.objects.filter(
        interview_id__in=ids).only("interview_id", "submitted_at", "confirmation_due")}
    reviewed: dict[object, dt.datetime] = {}
    waiting = [c.public_id for c in cases if c.state in (State.CONFIRMED, State.NOT_CONFIRMED)]
    if waiting:
        for public_id, at in AuditEvent.objects.filter(
                object_type="interview", object_id__in=waiting,
                action__in=[e.value for e in _REVIEWED]).values_list("object_id", "at"):
            reviewed[public_id] = max(at, reviewed.get(public_id, at))
    recommendations: dict[int, list[Recommendation]] = defaultdict(list)
    for rec in Recommendation.objects.filter(
            interview_id__in=ids, responded_at__isnull=True, withdrawn_at__isnull=True,
    ).select_related("owner", "created_by").order_by("due_date", "pk"):
        recommendations[rec.interview_id].append(rec)
    found: dict[int, list[Deadline]] = {}
    for case in cases:
        nation = nations[case.organisation_id]
        repeat = settings[case.organisation_id].repeat_days
        leads = leads_of(case) if people else ()
        hr = tuple(u for u in leads if Role.HR_LEAD in roles.roles_of(u))

        def deadline(step: str, since: dt.date, due: dt.date, holders: tuple[User, ...],
                     case: Interview = case, nation: str = nation, repeat: int = repeat,
                     hr: tuple[User, ...] = hr) -> Deadline:
            return Deadline(case=case, step=step, action=ACTIONS[step], since=since, due=due,
                            today=today, nation=nation, url=engine.case_url(case),
                            repeat_days=repeat, holders=holders, managers=hr)

        deadlines: list[Deadline] = []
        leaver = leavers.get(case.pk)
        record = records.get(case.pk)
        if case.state == State.OFFERED and leaver and leaver.reply_due and leaver.offer_sent_at:
            deadlines.append(deadline(REPLY, timezone.localdate(leaver.offer_sent_at),
                                      leaver.reply_due, ()))
        if case.state == State.AWAITING_CONFIRMATION and record and record.confirmation_due:
            deadlines.append(deadline(CONFIRMATION, timezone.localdate(record.submitted_at),
                                      record.confirmation_due, ()))
        if case.public_id in reviewed:
            since = timezone.localdate(reviewed[case.public_id])
            days = settings[case.organisation_id].action_plan_days
            deadlines.append(deadline(ACTION_PLAN, since, due_after(since, days, nation),
                                      leads))
        for rec in recommendations.get(case.pk, []):
            rec.interview = case
            deadlines.append(recommendation_deadline(rec, today, nation, people=people,
                                                     repeat_days=repeat, managers=hr))
        found[case.pk] = sorted(deadlines, key=lambda d: d.due)
    return found


def open_deadlines(today: dt.date, chunk: int = 500) -> Iterator[Deadline]:
    """Every staff deadline due by `today` that a person holds: the reminders' source. The
    leaver's own (reply, confirmation) are left to system.py."""
    cases = Interview.objects.filter(
        pathway=Pathway.STAFF,
        state__in=[State.CONFIRMED, State.NOT_CONFIRMED, State.ACTIONS_AGREED],
    ).select_related("staff_leaver").order_by("pk")
    last = 0
    while batch := list(cases.filter(pk__gt=last)[:chunk]):
        last = batch[-1].pk
        for deadlines in deadlines_of(batch, today, people=True).values():
            yield from (d for d in deadlines if d.due <= today and d.holders)
