"""What is due on a staff leaver's case (seed 000), and who holds it: for the case page and
the case list.

| step          | open while the case is      | started              | holder                   |
|---------------|-----------------------------|----------------------|--------------------------|
| reply         | offered                     | the offer was sent   | the leaver (system.py    |
|               |                             | (its reply_due)      | reminds them, then ends) |
| confirmation  | with the leaver to check    | record sent (its     | the leaver (system.py    |
|               |                             | confirmation_due)    | marks it not confirmed)  |
| review (the   | signed, or not confirmed    | that moment          | the school's leads       |
| action plan)  |                             |                      | (reviews.access)         |
| action        | each one not yet answered   | added                | its owner (its due date) |

The leaver has no account, so the reply and the confirmation are shown but never chased by
the reminders (their holders are empty); Leaver itself takes their step (system.py). The
action plan and the actions are the review and recommendations of leaver.reviews, which
works them out and chases them for every pathway whose definition names `review_days`
(ADR 0019): this module only adds them to the case's list.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db.models import Q
from django.utils import timezone

from leaver.cases import engine
from leaver.cases.deadlines import Deadline
from leaver.cases.models import Interview, InterviewRecord
from leaver.organisations.models import Deadlines, Organisation, Pathway
from leaver.organisations.queries import deadlines_for
from leaver.pathways.staff.models import StaffLeaver
from leaver.pathways.staff.states import OPEN, State
from leaver.reviews.deadlines import overdue as review_overdue
from leaver.reviews.deadlines import review_deadlines_of

REPLY, CONFIRMATION = "reply", "confirmation"
ACTIONS = {
    REPLY: "The leaver replies to the offer",
    CONFIRMATION: "The leaver checks and signs the record",
}


def deadlines_of(cases: Sequence[Interview], today: dt.date, *, people: bool = False
                 ) -> dict[int, list[Deadline]]:
    """Every open deadline of each staff case (by pk), earliest due first: the leaver's
    reply and check, then the action plan and the actions (leaver.reviews.deadlines)."""
    org_ids = {c.organisation_id for c in cases}
    ids = [c.pk for c in cases]
    settings = deadlines_for(org_ids)
    nations = dict(Organisation.objects.filter(pk__in=org_ids).values_list("pk", "nation"))
    leavers = {s.interview_id: s for s in StaffLeaver.objects.filter(interview_id__in=ids)}
    records = {r.interview_id: r for r in InterviewRecord.objects.filter(
        interview_id__in=ids).only("interview_id", "submitted_at", "confirmation_due")}
    reviews = review_deadlines_of(cases, today, people=people)
    found: dict[int, list[Deadline]] = {}
    for case in cases:
        nation = nations[case.organisation_id]
        repeat = settings[case.organisation_id].repeat_days

        def deadline(step: str, since: dt.date, due: dt.date, case: Interview = case,
                     nation: str = nation, repeat: int = repeat) -> Deadline:
            return Deadline(case=case, step=step, action=ACTIONS[step], since=since, due=due,
                            today=today, nation=nation, url=engine.case_url(case),
                            repeat_days=repeat)

        deadlines: list[Deadline] = list(reviews.get(case.pk, []))
        leaver = leavers.get(case.pk)
        record = records.get(case.pk)
        if case.state == State.OFFERED and leaver and leaver.reply_due and leaver.offer_sent_at:
            deadlines.append(deadline(REPLY, timezone.localdate(leaver.offer_sent_at),
                                      leaver.reply_due))
        if case.state == State.AWAITING_CONFIRMATION and record and record.confirmation_due:
            deadlines.append(deadline(CONFIRMATION, timezone.localdate(record.submitted_at),
                                      record.confirmation_due))
        found[case.pk] = sorted(deadlines, key=lambda d: d.due)
    return found


def overdue(settings: Deadlines, nation: str, today: dt.date) -> Q:
    """As a database filter, exactly the staff cases with something overdue today (what
    deadlines_of calls overdue): the leaver's reply or check, the action plan, an action."""
    late = Q(state=State.OFFERED, staff_leaver__offer_sent_at__isnull=False,
             staff_leaver__reply_due__lt=today)
    late |= Q(state=State.AWAITING_CONFIRMATION, record__confirmation_due__lt=today)
    late |= review_overdue(engine.definition_named(Pathway.STAFF), settings, nation, today)
    # Only an open case has anything due (see the young person's `overdue`).
    return Q(pathway=Pathway.STAFF, state__in=list(OPEN)) & late
