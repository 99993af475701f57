"""A concern's steps as a table, like a pathway's (leaver.cases.engine), but small: a concern is
not a case. Each step names the statuses it may start from, the status it leads to (None: it
keeps the status), who may take it (a safeguarding lead, whoever raised the concern, or
nobody: Leaver itself) and the audit event it writes.

    raised ─► acknowledged ─► closed (referral made | no further action, with a reason)

Every action takes its step the same way, inside one transaction:

    concern = lock(concern)
    check(actor, concern, "acknowledge")    # ActionRefused unless this person may, now
    ...validate and write...
    take(actor, concern, "acknowledge")     # the new status, saved, and one audit row
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.urls import reverse

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import Role
from leaver.safeguarding.events import SafeguardingEvent as E
from leaver.safeguarding.models import OPEN, Concern, Status


class Actor(StrEnum):
    LEAD = "lead"  # a safeguarding lead of the concern's organisation
    RAISER = "raiser"  # whoever raised the concern


@dataclass(frozen=True)
class Step:
    name: str
    sources: frozenset[str]
    target: Status | None
    by: frozenset[Actor]  # empty: taken by Leaver itself
    event: E


def _s(name: str, sources: frozenset[str] | set[Status], target: Status | None, event: E,
       *by: Actor) -> Step:
    return Step(name, frozenset(sources), target, frozenset(by), event)


ALL = frozenset(Status)
STEPS: dict[str, Step] = {s.name: s for s in (
    _s("acknowledge", {Status.RAISED}, Status.ACKNOWLEDGED, E.ACKNOWLEDGED, Actor.LEAD),
    _s("draft_outcome", {Status.ACKNOWLEDGED}, None, E.OUTCOME_DRAFTED, Actor.LEAD),
    _s("referral_made", {Status.ACKNOWLEDGED}, Status.CLOSED, E.REFERRAL_MADE, Actor.LEAD),
    _s("no_further_action", {Status.ACKNOWLEDGED}, Status.CLOSED, E.NO_FURTHER_ACTION,
       Actor.LEAD),
    _s("add_note", ALL, None, E.NOTE_ADDED, Actor.LEAD, Actor.RAISER),
    # Taken by Leaver: another trigger answer joins an open concern; a concern not
    # acknowledged in time is escalated.
    _s("add_answer", OPEN, None, E.ANSWER_ADDED),
    _s("escalate", {Status.RAISED}, None, E.ESCALATED),
)}


def is_lead(user: User, organisation_id: int) -> bool:
    return (user.is_authenticated and user.is_active
            and user.organisation_id == organisation_id
            and Role.SAFEGUARDING_LEAD in roles.roles_of(user))


def acts_as(user: User, concern: Concern, actor: Actor) -> bool:
    if actor == Actor.LEAD:
        return is_lead(user, concern.organisation_id)
    return (user.is_authenticated and user.organisation_id == concern.organisation_id
            and concern.raised_by_id == user.pk)


def may(user: User | None, concern: Concern, name: str) -> bool:
    step = STEPS[name]
    if concern.status not in step.sources:
        return False
    if user is None:
        return not step.by
    return any(acts_as(user, concern, actor) for actor in step.by)


def check(user: User | None, concern: Concern, name: str) -> Step:
    """Raise ActionRefused unless `user` (None: Leaver itself) may take `name` now."""
    step = STEPS[name]
    back = {"back_url": reverse("safeguarding:concern", args=[concern.public_id]),
            "back_label": "Back to the concern"}
    if concern.status not in step.sources:
        raise ActionRefused(
            f"This can't be done now: the concern is “{Status(concern.status).label}”.", **back)
    if user is None:
        if step.by:
            raise ActionRefused("This step must be taken by a person.", **back)
        return step
    if not step.by:
        raise ActionRefused("Leaver takes this step by itself.", **back)
    if not any(acts_as(user, concern, actor) for actor in step.by):
        who = ("a safeguarding lead or whoever raised the concern" if Actor.RAISER in step.by
               else "a safeguarding lead")
        raise ActionRefused(f"Only {who} can do this.", **back)
    return step


def lock(concern: Concern) -> Concern:
    """Re-read the concern under a row lock so two people cannot move it at once."""
    return Concern.objects.select_for_update(of=("self",)).select_related(
        "interview", "setting").get(pk=concern.pk)


def record_event(actor: User | None, concern: Concern, event: E, **detail: Any) -> None:
    """One audit row about the concern: its case and status, never anyone's words."""
    audit.record(actor=actor, action=event, object_type="safeguarding_concern",
                 object_id=concern.public_id, organisation_id=concern.organisation_id,
                 detail={"case": str(concern.interview.public_id), "status": concern.status,
                         **detail})


def take(actor: User | None, concern: Concern, name: str, **detail: Any) -> Step:
    """Check, move the concern to the step's status, save it and audit the step."""
    step = check(actor, concern, name)
    before = concern.status
    if step.target is not None:
        concern.status = step.target
    concern.save()
    record_event(actor, concern, step.event, previous_status=before, **detail)
    return step
