"""Arranging a staff exit interview: who interviews (never the leaver's line manager, unless an
HR lead says why) and when, with a calendar invitation to the interviewer and the leaver.

Seed 000: "the exit interview should be undertaken by someone the employee is comfortable
with. It can often be useful to use somebody who is truly impartial and not connected
directly with the school." The leaver's line manager is the person least likely to hear the
truth about their management, so they are refused; an HR lead may still choose them (a very
small school may have no one else), with a reason that is kept and audited on its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.utils import parseaddr

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit.models import AuditEvent
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core import ics, limits
from leaver.core.errors import ActionRefused
from leaver.notifications.email import notify
from leaver.notifications.outbox import Attachment, Draft, queue
from leaver.organisations import roles
from leaver.organisations.models import Membership, Role
from leaver.pathways.staff.events import StaffEvent
from leaver.pathways.staff.models import StaffLeaver

# How long an exit interview is booked for in the calendar.
LENGTH = dt.timedelta(hours=1)
SUMMARY = "Exit interview"  # nothing personal: calendars are often shared


@dataclass(frozen=True)
class Candidate:
    user: User
    description: str
    independent: bool
    preferred: bool
    line_manager: bool


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold() != ""


def is_line_manager(candidate: User, leaver: StaffLeaver) -> bool:
    """The leaver's line manager: recorded as a user, or only by name (no account then, but
    the same person may have one now)."""
    return leaver.line_manager_id == candidate.pk or _same_name(
        candidate.full_name, leaver.line_manager_name)


def candidates(case: Interview) -> list[Candidate]:
    """The organisation's interviewers, the leaver's preferred one first."""
    leaver = case.staff_leaver
    found: dict[int, Candidate] = {}
    memberships = Membership.objects.filter(
        role=Role.INTERVIEWER, user__organisation_id=case.organisation_id,
        user__is_active=True).select_related("user").order_by("user__full_name", "pk")
    for membership in memberships:
        user = membership.user
        before = found.get(user.pk)
        found[user.pk] = Candidate(
            user=user, description=(before.description if before else "")
            or membership.description,
            independent=bool(before and before.independent) or membership.is_independent,
            preferred=leaver.preferred_interviewer_id == user.pk,
            line_manager=is_line_manager(user, leaver))
    return sorted(found.values(), key=lambda c: (not c.preferred, c.user.full_name))


def _refusal(candidate: User, case: Interview) -> str | None:
    if candidate.organisation_id != case.organisation_id or not candidate.is_active:
        return f"{candidate.full_name} is not an active member of this organisation."
    if Role.INTERVIEWER not in roles.roles_of(candidate):
        return f"{candidate.full_name} is not an interviewer."
    if _same_name(candidate.email, case.staff_leaver.email):
        return f"{candidate.full_name} is the member of staff who is leaving."
    return None


@transaction.atomic
def assign_interviewer(*, actor: User, case: Interview, interviewer: User,
                       override_reason: str = "") -> Interview:
    """The headteacher or HR lead chooses the interviewer, who is emailed. The leaver's line
    manager only by an HR lead who gives `override_reason`."""
    case = engine.lock(case)
    engine.check(actor, case, "assign_interviewer")
    refusal = _refusal(interviewer, case)
    if refusal:
        raise ActionRefused(refusal)
    leaver = case.staff_leaver
    reason = override_reason.strip()
    line_manager = is_line_manager(interviewer, leaver)
    if line_manager:
        if not engine.acts_as(actor, case, Role.HR_LEAD):
            raise ActionRefused(
                f"{interviewer.full_name} is the leaver's line manager, so cannot interview "
                "them: the leaver may not feel able to speak freely. Choose someone else. "
                "Only an HR lead can choose the line manager, and must say why.")
        if not reason:
            raise ActionRefused(f"{interviewer.full_name} is the leaver's line manager. Say "
                                "why they should interview the leaver anyway.")
        limits.refuse_if_too_long(reason, limits.REASON, "The reason")
    changed = case.interviewer_id != interviewer.pk
    case.interviewer = interviewer
    if changed:
        # A new interviewer arranges their own time and place.
        case.scheduled_for = None
        case.location = ""
    leaver.line_manager_override_reason = reason if line_manager else ""
    leaver.save(update_fields=["line_manager_override_reason"])
    engine.take(actor, case, "assign_interviewer", interviewer=str(interviewer.public_id))
    if line_manager:
        # Its own audit row (the reason itself is kept on the leaver's details, not here:
        # the audit log keeps no free text).
        engine.record_event(actor, case, StaffEvent.LINE_MANAGER_OVERRIDE,
                            interviewer=str(interviewer.public_id))
    notify([interviewer], subject="You have been asked to carry out a staff exit interview",
           path=engine.case_url(case), action="Arrange the interview with the leaver")
    return case


def _at(when: dt.datetime) -> str:
    return f"{timezone.localtime(when):%-d %B %Y at %H:%M}"


def sequence_of(case: Interview) -> int:
    """How many invitations were sent for this case before: the next one's SEQUENCE."""
    return AuditEvent.objects.filter(object_type="interview", object_id=case.public_id,
                                     action=StaffEvent.SCHEDULE).count()


def invitation(case: Interview, *, to: str, sequence: int, now: dt.datetime) -> Attachment:
    """The calendar invitation for `to`: the same UID for every change of the case's
    interview, so calendars move the event rather than add one."""
    assert case.scheduled_for is not None
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@leaver.invalid"
    text = ics.invitation(ics.Meeting(
        uid=f"{case.public_id}@leaver", sequence=sequence, stamp=now,
        start=case.scheduled_for, end=case.scheduled_for + LENGTH, summary=SUMMARY,
        location=case.location, organizer_email=organizer,
        organizer_name=case.organisation.name, attendee_email=to))
    return Attachment("exit-interview.ics", "text/calendar", text)


@transaction.atomic
def schedule(*, actor: User, case: Interview, when: dt.datetime, location: str) -> Interview:
    """The interviewer (or an HR lead) arranges the time and place. The interviewer and the
    leaver get a calendar invitation; a change sends an updated one."""
    case = engine.lock(case)
    engine.check(actor, case, "schedule")
    if timezone.is_naive(when):
        raise ActionRefused("The interview time must include a time zone.")
    now = timezone.now()
    if when <= now:
        raise ActionRefused(f"{_at(when)} has already passed. Choose a date and time in the "
                            "future.")
    place = location.strip()
    if not place:
        raise ActionRefused("Enter where the interview will take place.")
    limits.refuse_if_too_long(place, limits.PLACE, "Place")
    previous = case.scheduled_for
    case.scheduled_for = when
    case.location = place
    sequence = sequence_of(case)
    engine.take(actor, case, "schedule", when=when.isoformat(),
                previously=previous.isoformat() if previous else "", sequence=sequence)
    details = f"When: {_at(when)} (UK time)\nWhere: {place}"
    moved = previous is not None
    assert case.interviewer is not None
    notify([case.interviewer], subject="A staff exit interview has been moved" if moved
           else "A staff exit interview has been arranged", path=engine.case_url(case),
           details=details + "\nA calendar invitation is attached.",
           attachment=invitation(case, to=case.interviewer.email, sequence=sequence, now=now))
    leaver = case.staff_leaver
    organisation = case.organisation
    queue([Draft(
        to=leaver.email, organisation_id=case.organisation_id,
        subject=f"{organisation.name}: your exit interview has been "
                + ("moved" if moved else "arranged"),
        body="\n\n".join([
            "Your exit interview has been " + ("moved. It is now:" if moved else "arranged:"),
            details,
            "A calendar invitation is attached. If the time does not suit you, please say so "
            + (f"by emailing {organisation.contact_email}." if organisation.contact_email
               else "to the person who arranged it."),
            f"From {organisation.name}"]),
        attachment=invitation(case, to=leaver.email, sequence=sequence, now=now))])
    return case
