"""Patterns: concerns about the same place reaching the organisation's count within its period
(default 2 in 12 months) may show dangerous practice there, not only one young person's harm.

What is counted is young people (cases) at the place with at least one concern raised within
the period, by an answer or by hand; two answers in one interview are one young person. When a
new concern brings that count up to the threshold (from below it), the safeguarding leads and
the CSMs are told once: the Pattern row is unique per crossing concern, so running it again
tells nobody twice. Counts that later fall below (old concerns leave the period) and rise
again make a new crossing. The cases are listed for the leads on the pattern's page, never in
the email."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db.models import QuerySet

from leaver.audit import log as audit
from leaver.organisations.models import Setting
from leaver.safeguarding import config, telling
from leaver.safeguarding.events import SafeguardingEvent
from leaver.safeguarding.models import Concern, Pattern


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    """The same moment `months` calendar months earlier (the 31st becomes the month's last)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return moment.replace(year=year, month=month + 1, day=min(moment.day, last))


def notice(concern: Concern) -> Pattern | None:
    """Called when a concern is raised: a Pattern if it brought its place up to the count.

    The place's row is locked first, so concerns raised at one place at the same moment (two
    interviews saved at once) are counted one after the other: each would otherwise count
    without the other's uncommitted concern, and a crossing would never be noticed."""
    Setting.objects.select_for_update().filter(pk=concern.setting_id).first()
    settings = config.settings_for(concern.organisation_id)
    # Not cut off at this concern's own time: a concern raised a moment later at the same place
    # may have committed while this one waited for the lock, and it counts too.
    found = list(Concern.objects.filter(
        setting_id=concern.setting_id,
        raised_at__gt=months_before(concern.raised_at, settings.pattern_months)))
    cases = {c.interview_id for c in found}
    before = {c.interview_id for c in found if c.pk != concern.pk}
    if not len(before) < settings.pattern_count <= len(cases):
        return None
    pattern, created = Pattern.objects.get_or_create(crossing=concern, defaults={
        "organisation_id": concern.organisation_id, "setting_id": concern.setting_id,
        "noticed_at": concern.raised_at, "count": len(cases),
        "months": settings.pattern_months})
    if not created:
        return pattern
    pattern.concerns.set(found)
    audit.record(actor=None, action=SafeguardingEvent.PATTERN_NOTICED, object_type="setting",
                 object_id=concern.setting.public_id, organisation_id=concern.organisation_id,
                 detail={"pattern": str(pattern.public_id), "count": len(cases),
                         "months": settings.pattern_months})
    told = {lead.pk: lead for lead in config.leads(concern.organisation_id)}
    told.update({m.pk: m for m in config.csms(concern.organisation_id)})
    telling.pattern_noticed(pattern, told.values())
    return pattern


def recent(organisation_id: int, now: dt.datetime) -> QuerySet[Pattern]:
    """Patterns noticed within the organisation's pattern period, newest first."""
    months = config.settings_for(organisation_id).pattern_months
    return Pattern.objects.filter(
        organisation_id=organisation_id, noticed_at__gt=months_before(now, months),
    ).select_related("setting")
