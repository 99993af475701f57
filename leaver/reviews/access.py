"""Who may see a recommendation and a case's letter. The one place these rules live.

A case's recommendations (and so its letter, which is built from them) go to the people the
pathway's definition names (`recommendation_readers`: for a young person the CSM, the social
worker (seed 002 §3) and the IRO; for a member of staff the school's headteacher, unless the
leaver chose anonymity, and its HR lead). An owner always sees their own recommendation, but
not the record, nor an anonymous leaver's name (leaver.reviews.views.about).
"""

from __future__ import annotations

import uuid

from django.db.models import Q, QuerySet
from django.http import Http404

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.organisations import roles
from leaver.reviews.models import DraftRecommendation, Recommendation


def can_see_recommendations(user: User, case: Interview) -> bool:
    return engine.acts_as_any(user, case, engine.definition_of(case).recommendation_readers)


def can_download_letter(user: User, case: Interview) -> bool:
    return can_see_recommendations(user, case)


def recommendations_owned_by(user: User) -> QuerySet[Recommendation]:
    if not user.is_authenticated or user.organisation_id is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(
        owner=user, interview__organisation_id=user.organisation_id, withdrawn_at__isnull=True,
    ).select_related("interview", "interview__setting")


def _cases_whose_recommendations_are_read_by(user: User) -> QuerySet[Interview]:
    """The cases on which the user is one of the pathway's recommendation readers (the same
    rule as can_see_recommendations, as a filter)."""
    held = roles.roles_of(user)
    condition = Q(pk__in=[])
    for definition in engine.definitions():
        for role in definition.recommendation_readers:
            if role not in held:
                continue
            relation = definition.relations.get(role)
            condition |= Q(pathway=definition.pathway) & (
                relation.cases(user) if relation else Q())
    return Interview.objects.filter(organisation_id=user.organisation_id or 0).filter(
        condition)


def recommendations_issued_by(user: User) -> QuerySet[Recommendation]:
    """The recommendations this reviewer issued (not withdrawn) that they may still open:
    an IRO no longer allocated to the young person does not see them."""
    if not user.is_authenticated or user.organisation_id is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(
        created_by=user, interview__organisation_id=user.organisation_id,
        withdrawn_at__isnull=True,
        interview__in=_cases_whose_recommendations_are_read_by(user),
    ).select_related("interview", "interview__setting")


def withdrawn_recommendations_of(user: User) -> QuerySet[Recommendation]:
    if not user.is_authenticated or user.organisation_id is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(
        owner=user, interview__organisation_id=user.organisation_id, withdrawn_at__isnull=False,
    ).select_related("interview", "interview__setting")


def get_draft_for_user(user: User, case: Interview, public_id: uuid.UUID
                       ) -> DraftRecommendation:
    """A draft is only ever the IRO's, while the case may take recommendations."""
    engine.check(user, case, "add_recommendation")
    try:
        return DraftRecommendation.objects.select_related("owner").get(
            public_id=public_id, interview=case)
    except DraftRecommendation.DoesNotExist:
        raise Http404("No such draft.") from None


def get_recommendation_for_user(user: User, public_id: uuid.UUID) -> Recommendation:
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404("No such recommendation.")
    try:
        rec = Recommendation.objects.select_related(
            "interview", "interview__setting", "owner"
        ).get(public_id=public_id, interview__organisation_id=user.organisation_id)
    except Recommendation.DoesNotExist:
        raise Http404("No such recommendation.") from None
    if rec.owner_id == user.pk or can_see_recommendations(user, rec.interview):
        return rec
    raise Http404("No such recommendation.")


def reviewers_of(interview: Interview) -> list[User]:
    """Those who may issue the case's recommendations, for this case (for a young person:
    their allocated IRO; for a member of staff: the school's HR leads and, unless the leaver
    chose anonymity, its headteacher)."""
    held = engine.definition_of(interview).transitions["add_recommendation"].roles
    found: dict[int, User] = {}
    for role in sorted(held):
        for user in roles.holders_of_role(interview.organisation_id, role):
            if engine.acts_as(user, interview, role):
                found.setdefault(user.pk, user)
    return list(found.values())
