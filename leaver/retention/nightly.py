"""The daily job of the background worker (registered in apps.py with leaver.notifications.
schedule): each organisation's cases past their retention are erased, unless on legal hold,
and leaver links never used and record drafts left untouched past the organisation's limit are
removed. `now` is passed in, so the tests travel in time without waiting."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from leaver.audit import log as audit
from leaver.audit.models import AuditEvent
from leaver.cases.models import Answer, Interview, LeaverLink, RecordDraft
from leaver.organisations.models import Organisation
from leaver.retention import rules
from leaver.retention.erasing import erase_case
from leaver.retention.events import RetentionEvent
from leaver.retention.models import Erasure, Kind, LegalHold
from leaver.reviews.models import DraftRecommendation

logger = logging.getLogger(__name__)

JOB_MINUTES = 24 * 60
# Cases erased per organisation per run: a first run over years of records takes several
# nights rather than one long transaction-heavy night.
BATCH = 500


def on_hold() -> Exists:
    return Exists(LegalHold.objects.filter(interview=OuterRef("pk"), lifted_at__isnull=True))


def not_erased() -> Q:
    return ~Q(pk__in=Erasure.objects.values("interview_id"))


def due_for_erasure(organisation_id: int, day: dt.date) -> QuerySet[Interview]:
    """The organisation's cases due on or before `day`, not erased and not on hold."""
    return Interview.objects.filter(rules.due_in(organisation_id, day)).filter(
        not_erased()).exclude(on_hold()).order_by("pk")


def erase_due(organisation_id: int, now: dt.datetime) -> int:
    erased = 0
    for case in due_for_erasure(organisation_id, timezone.localdate(now))[:BATCH]:
        try:
            erase_case(interview=case, kind=Kind.SCHEDULE, actor=None, reason="", now=now)
        except Exception:  # one case that fails must not stop the others; tried tomorrow
            logger.exception("Erasing case %s by the retention schedule failed.",
                             case.public_id)
            continue
        erased += 1
    return erased


@transaction.atomic
def remove_leftovers(organisation_id: int, now: dt.datetime) -> dict[str, int]:
    """Links never used that stopped working, and drafts of cases untouched, longer ago than
    each pathway's `unused_days`."""
    removed = {"links": 0, "drafts": 0}
    for pathway, schedule in rules.schedules_of(organisation_id).items():
        cutoff = now - dt.timedelta(days=schedule.unused_days)
        cases = Interview.objects.filter(organisation_id=organisation_id, pathway=pathway)
        removed["links"] += LeaverLink.objects.filter(
            interview__in=cases, used_at__isnull=True).filter(
            Q(expires_at__lt=cutoff) | Q(ended_at__lt=cutoff)).delete()[0]
        # Untouched: the case has not changed, and nothing was done on it or read (saving a
        # draft section is audited, and does not change the case itself).
        idle = cases.filter(updated_at__lt=cutoff).exclude(on_hold()).exclude(Exists(
            AuditEvent.objects.filter(object_id=OuterRef("public_id"), at__gte=cutoff)))
        removed["drafts"] += (RecordDraft.objects.filter(interview__in=idle).delete()[0]
                              + DraftRecommendation.objects.filter(
                                  interview__in=idle, created_at__lt=cutoff).delete()[0]
                              # The answers of a record never submitted are its draft too.
                              + Answer.objects.filter(
                                  interview__in=idle.filter(record__isnull=True)).delete()[0])
    if any(removed.values()):
        audit.record(actor=None, action=RetentionEvent.LEFTOVERS_REMOVED,
                     object_type="organisation", object_id=None,
                     organisation_id=organisation_id, detail=removed)
    return removed


def apply_schedules(now: dt.datetime) -> int:
    """The job: every organisation's schedule applied; returns the cases erased."""
    erased = 0
    for organisation_id in Organisation.objects.order_by("pk").values_list("pk", flat=True):
        erased += erase_due(organisation_id, now)
        remove_leftovers(organisation_id, now)
    return erased
