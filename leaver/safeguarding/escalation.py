"""Escalation: a concern not acknowledged within the organisation's working hours goes to the
deputies and the Children's Services Managers, and again every further period (the same
number of working hours) until a safeguarding lead acknowledges it.

`scan(now)` is the periodic work (the worker runs it; tests pass `now` to travel in time). It
is safe to run twice, or in two workers at once: each concern is taken under a row lock and
its next escalation moved on in the same transaction, and each round's emails carry their own
dedupe key (telling.escalated).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from leaver.core.working_days import add_working_hours
from leaver.safeguarding import config, telling, workflow
from leaver.safeguarding.models import Concern, Status

# How often the worker should run the scan. A concern is escalated at most this late.
SCAN_MINUTES = 5


def scan(now: dt.datetime) -> int:
    """Escalate every concern due now; how many were escalated."""
    due = list(Concern.objects.filter(status=Status.RAISED, next_escalation_at__lte=now)
               .order_by("next_escalation_at").values_list("pk", flat=True))
    return sum(escalate(pk, now) for pk in due)


@transaction.atomic
def escalate(pk: int, now: dt.datetime) -> bool:
    concern = (Concern.objects.select_for_update(of=("self",), skip_locked=True)
               .select_related("interview", "organisation").filter(pk=pk).first())
    if (concern is None or concern.status != Status.RAISED
            or concern.next_escalation_at is None or concern.next_escalation_at > now):
        return False  # taken by another worker, acknowledged meanwhile, or already done
    workflow.check(None, concern, "escalate")
    hours = config.settings_for(concern.organisation_id).acknowledge_hours
    nation = concern.organisation.nation
    following = concern.next_escalation_at
    while following <= now:  # a scan that was late escalates once, not once per period
        following = add_working_hours(following, hours, nation)
    concern.escalations += 1
    concern.next_escalation_at = following
    workflow.take(None, concern, "escalate", round=concern.escalations)
    telling.escalated(concern, concern.escalations)
    return True
