"""Referrals the young person asked for at the interview (seed 002 §5: the complaints process,
the advocacy service): the social worker makes each and records the outcome, made (on a date,
with the service's reference) or not made (why). Who may see one, what waits for whom, and
the action that records it.

Only the young person's allocated social worker sees a referral's page (everyone else: 404,
as if it did not exist); the record's readers see the outcome with the record."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases import access, engine
from leaver.cases.models import Interview, InterviewRecord
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.organisations import roles
from leaver.organisations.models import LetterContacts, Pathway, Role
from leaver.pathways.young_person.events import ReferralEvent
from leaver.pathways.young_person.models import Referral, ReferralKind, ReferralOutcome

# What the social worker is asked to do, for each kind.
REFER = {
    ReferralKind.COMPLAINT: "Help the young person make a complaint",
    ReferralKind.ADVOCACY: "Refer the young person to the advocacy service",
}
# The record's field that says the young person asked for each.
WANTED = {ReferralKind.COMPLAINT: "complaints_referral_wanted",
          ReferralKind.ADVOCACY: "advocacy_referral_wanted"}


def referral_url(case: Interview, kind: str) -> str:
    return reverse("young_person:referral", args=[case.public_id, kind])


def referral_pending(kind: ReferralKind) -> Q:
    """Cases where the young person asked for this referral and its outcome is not recorded
    yet (a filter on cases)."""
    return Q(**{f"record__{WANTED[kind]}": True}) & ~Q(Exists(
        Referral.objects.filter(interview=OuterRef("pk"), kind=kind)))


def waiting_for(user: User) -> list[tuple[Interview, ReferralKind]]:
    """The referrals this social worker still has to make, oldest record first."""
    if Role.SOCIAL_WORKER not in roles.roles_of(user):
        return []
    mine = access.cases_visible_to(user).filter(
        pathway=Pathway.YOUNG_PERSON, young_person__social_worker=user)
    found: list[tuple[Interview, ReferralKind]] = []
    for kind in ReferralKind:
        cases: QuerySet[Interview] = mine.filter(referral_pending(kind)).select_related(
            "setting")
        found += [(case, kind) for case in cases]
    return found


@dataclass(frozen=True)
class ReferralTask:
    case: Interview
    kind: ReferralKind
    record: InterviewRecord
    done: Referral | None


def get_referral_for_user(user: User, public_id: uuid.UUID, kind: str) -> ReferralTask:
    """The referral of this kind on this case, for its allocated social worker only, and
    only if the young person asked for it; Http404 for everyone and everything else."""
    if kind not in ReferralKind.values:
        raise Http404("No such referral.")
    case = access.get_case_for_user(user, public_id)
    if not engine.acts_as(user, case, Role.SOCIAL_WORKER):
        raise Http404("No such referral.")
    record = InterviewRecord.objects.filter(interview=case).first()
    if record is None or not getattr(record, WANTED[ReferralKind(kind)]):
        raise Http404("No such referral.")
    done = Referral.objects.filter(interview=case, kind=kind).select_related(
        "recorded_by").first()
    return ReferralTask(case, ReferralKind(kind), record, done)


@dataclass(frozen=True)
class ReferralDecision:
    outcome: str  # a ReferralOutcome
    made_on: dt.date | None = None
    reference: str = ""
    reason: str = ""


@transaction.atomic
def record_referral(*, actor: User, interview: Interview, kind: str,
                    decision: ReferralDecision) -> Referral:
    """Once per referral: what the social worker did. One audit row (no reference or reason
    in it: they are on the referral)."""
    interview = engine.lock(interview)
    back = {"back_url": engine.case_url(interview), "back_label": "Back to the case"}
    if not engine.acts_as(actor, interview, Role.SOCIAL_WORKER):
        raise ActionRefused("Only the young person's allocated social worker can record this.",
                            **back)
    record = InterviewRecord.objects.filter(interview=interview).first()
    if kind not in ReferralKind.values or record is None or not getattr(
            record, WANTED[ReferralKind(kind)]):
        raise ActionRefused("The young person did not ask for this referral.", **back)
    if Referral.objects.filter(interview=interview, kind=kind).exists():
        raise ActionRefused("What happened to this referral is already recorded.", **back)
    reference, reason = decision.reference.strip(), decision.reason.strip()
    made_on = decision.made_on
    if decision.outcome == ReferralOutcome.MADE:
        if made_on is None:
            raise ActionRefused("Enter the date the referral was made.")
        if made_on > timezone.localdate():
            raise ActionRefused("The date the referral was made must be today or in the past.")
        if made_on < timezone.localdate(record.submitted_at):
            raise ActionRefused("The date the referral was made cannot be before the "
                                "interview was recorded.")
        limits.refuse_if_too_long(reference, limits.REFERENCE, "The reference")
        reason = ""
    elif decision.outcome == ReferralOutcome.NOT_MADE:
        if not reason:
            raise ActionRefused("Say why the referral was not made.")
        limits.refuse_if_too_long(reason, limits.REASON, "The reason")
        made_on, reference = None, ""
    else:
        raise ActionRefused("Choose whether the referral was made.")
    referral = Referral.objects.create(
        interview=interview, kind=kind, outcome=decision.outcome, made_on=made_on,
        reference=reference, reason=reason, recorded_by=actor, recorded_at=timezone.now())
    event = (ReferralEvent.REFERRAL_MADE if decision.outcome == ReferralOutcome.MADE
             else ReferralEvent.REFERRAL_NOT_MADE)
    engine.record_event(actor, interview, event, kind=kind,
                        made_on=made_on.isoformat() if made_on else None)
    return referral


def where_to_refer(case: Interview, kind: ReferralKind) -> str:
    """The service's contact the organisation prints in its letters (its settings area)."""
    contacts = LetterContacts.objects.filter(organisation_id=case.organisation_id).first()
    if contacts is None:
        return ""
    return contacts.complaints if kind == ReferralKind.COMPLAINT else contacts.advocacy


def outcomes(case: Interview) -> list[Referral]:
    """Every referral's recorded outcome, for the record's readers."""
    return list(Referral.objects.filter(interview=case).order_by("kind"))
