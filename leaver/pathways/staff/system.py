"""The steps Leaver takes by itself on staff cases (seed 000; DESIGN §2), run by the
worker's schedule (registered in apps.py) and safe to run again:

- an offer not answered gets ONE reminder (a new offer link by email), halfway between the
  offer and its reply date (or on the reply date, if the halfway point was missed);
- an offer still not answered after its reply date ends as "no response";
- a record the leaver has not signed by its confirmation date is kept, marked "not
  confirmed", and the leaver's links stop working.

Each case is locked and its state checked again before it moves, so two workers (or a
person at the same moment) never take a step twice.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from leaver.cases import engine, leaver_mail, links
from leaver.cases.models import Confirmation, Interview, LinkPurpose
from leaver.core.working_days import add_working_days, working_days_between
from leaver.organisations.models import Pathway
from leaver.pathways.staff import wording
from leaver.pathways.staff.states import State


def remind_on(sent: dt.date, due: dt.date, nation: str) -> dt.date:
    """Halfway (in working days) from the offer to the reply date."""
    return add_working_days(sent, working_days_between(sent, due, nation) // 2, nation)


def run(now: dt.datetime) -> dict[str, int]:
    """Every system step due at `now`. Returns how many of each it took (for tests)."""
    today = timezone.localdate(now)
    done = {"offer_reminder": 0, "no_response": 0, "not_confirmed": 0}
    offered = Interview.objects.filter(
        pathway=Pathway.STAFF, state=State.OFFERED, staff_leaver__reply_due__isnull=False,
    ).values_list("pk", flat=True)
    for pk in list(offered):
        step = _offer_step(pk, now, today)
        if step:
            done[step] += 1
    unconfirmed = Interview.objects.filter(
        pathway=Pathway.STAFF, state=State.AWAITING_CONFIRMATION,
        record__confirmation_due__lt=today).values_list("pk", flat=True)
    for pk in list(unconfirmed):
        done["not_confirmed"] += _not_confirmed(pk, now, today)
    return done


@transaction.atomic
def _offer_step(pk: int, now: dt.datetime, today: dt.date) -> str:
    case = engine.lock(Interview(pk=pk))
    if case.state != State.OFFERED:
        return ""
    leaver = case.staff_leaver
    due = leaver.reply_due
    if due is None or leaver.offer_sent_at is None:
        return ""
    if today > due:
        links.end_links(case, LinkPurpose.OFFER, now=now)
        case.closed_at = now
        engine.take(None, case, "no_response", reply_due=due.isoformat())
        return "no_response"
    nation = case.organisation.nation
    if leaver.reminder_sent_at is None and today >= remind_on(
            timezone.localdate(leaver.offer_sent_at), due, nation):
        leaver.reminder_sent_at = now
        leaver.save(update_fields=["reminder_sent_at"])
        leaver_mail.send_link(
            case, purpose=LinkPurpose.OFFER, actor=None, to=leaver.email,
            subject="a reminder of the offer of an exit interview",
            paragraphs=[wording.REMINDER_FIRST, *wording.offer_paragraphs(case, due)])
        engine.take(None, case, "offer_reminder", reply_due=due.isoformat())
        return "offer_reminder"
    return ""


@transaction.atomic
def _not_confirmed(pk: int, now: dt.datetime, today: dt.date) -> int:
    case = engine.lock(Interview(pk=pk))
    if case.state != State.AWAITING_CONFIRMATION:
        return 0
    record = case.record
    if record.confirmation_due is None or record.confirmation_due >= today:
        return 0
    record.confirmation = Confirmation.NOT_CONFIRMED
    record.save(update_fields=["confirmation"])
    links.end_links(case, now=now)
    engine.take(None, case, "not_confirmed", confirmation_due=record.confirmation_due.isoformat())
    return 1
