"""The daily summary: for people who chose it (accounts.User.email_digest), emails queued as
`digestible` wait ("held") and go out together as one email a day at DIGEST_HOUR, UK time,
listing what to do, by when, and a link for each. Anything not digestible (a safeguarding
concern, an invitation, a password reset) is sent at once whatever the choice.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.notifications.email import NO_PERSONAL_DETAILS, when
from leaver.notifications.models import Message, Status
from leaver.notifications.outbox import Draft, queue, send_now


def _cutoff(now: dt.datetime) -> dt.datetime | None:
    """Today's summary time (UK), or None before it."""
    local = timezone.localtime(now)
    if local.hour < settings.DIGEST_HOUR:
        return None
    return local.replace(hour=settings.DIGEST_HOUR, minute=0, second=0, microsecond=0)


def body_of(items: list[Message]) -> str:
    count = len(items)
    lines = [f"{count} {'thing is' if count == 1 else 'things are'} waiting for you in "
             "Leaver:", ""]
    for number, item in enumerate(items, start=1):
        lines.append(f"{number}. {item.subject.removeprefix('Leaver: ')}")
        if item.action:
            lines.append(f"   What to do: {item.action}")
        if item.due is not None:
            lines.append(f"   By: {when(item.due)}")
        if item.path:
            lines.append(f"   {settings.SITE_URL}{item.path}")
        lines.append("")
    lines += [
        "You chose one summary email a day. To get each email as it happens, change it in "
        f"Your account: {settings.SITE_URL}{reverse('accounts:email_choice')}", "",
        NO_PERSONAL_DETAILS]
    return "\n".join(lines)


def _summarise(user: User, cutoff: dt.datetime) -> bool:
    """One summary for this person of what was held before today's summary time."""
    with transaction.atomic():
        items = list(Message.objects.select_for_update(skip_locked=True).filter(
            user=user, status=Status.HELD, created_at__lte=cutoff).order_by("created_at", "pk"))
        if not items:
            return False
        items.sort(key=lambda m: (m.due is None, m.due or dt.date.min))
        count = len(items)
        [summary] = queue([Draft(
            to=user.email, user=user, organisation_id=user.organisation_id,
            subject=f"Leaver: your daily summary, {count} "
                    f"{'thing' if count == 1 else 'things'} to do",
            body=body_of(items), dedupe_key=f"digest:{cutoff.date().isoformat()}")])
        # Dropped by its dedupe key when today's summary already went: what was held late
        # waits for tomorrow's.
        saved = Message.objects.filter(public_id=summary.public_id).first()
        if saved is None:
            return False
        Message.objects.filter(pk__in=[m.pk for m in items]).update(
            status=Status.IN_DIGEST, digest=saved, claimed_until=None)
    return True


def build_digests(now: dt.datetime) -> int:
    """The periodic job: each person's summary once their summary time has come. Safe to run
    twice: a second run finds nothing held, or today's summary already queued."""
    cutoff = _cutoff(now)
    if cutoff is None:
        return 0
    waiting = (Message.objects.filter(status=Status.HELD, created_at__lte=cutoff,
                                      user__is_active=True)
               .values_list("user_id", flat=True).distinct())
    made = 0
    for user in User.objects.filter(pk__in=list(waiting)):
        made += _summarise(user, cutoff)
    return made


def release_if_stopped(sender: Any, user: User, actor: User | None, on: bool,
                       **kwargs: Any) -> None:
    """Someone who stops taking the summary gets what was waiting for it, now."""
    if on:
        return
    held = list(Message.objects.filter(user=user, status=Status.HELD)
                .values_list("public_id", flat=True))
    Message.objects.filter(public_id__in=held, status=Status.HELD).update(
        status=Status.QUEUED, next_attempt_at=timezone.now())
    send_now(held)
