"""Who may see a recommendation: its owner, the IRO, and those who see the case's
recommendations (the CSM and the young person's social worker, seed 002 §3)."""

from __future__ import annotations

import uuid

from django.db.models import QuerySet
from django.http import Http404

from leaver.accounts.models import User
from leaver.interviews.access import can_see_recommendations
from leaver.reviews.models import Recommendation


def recommendations_owned_by(user: User) -> QuerySet[Recommendation]:
    if not user.is_authenticated or user.organisation_id is None:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(
        owner=user, interview__organisation_id=user.organisation_id
    ).select_related("interview", "interview__setting")


def get_recommendation_for_user(user: User, public_id: uuid.UUID) -> Recommendation:
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404("No such recommendation.")
    try:
        rec = Recommendation.objects.select_related(
            "interview", "interview__setting", "interview__young_person", "owner"
        ).get(public_id=public_id, interview__organisation_id=user.organisation_id)
    except Recommendation.DoesNotExist:
        raise Http404("No such recommendation.") from None
    if rec.owner_id == user.pk or can_see_recommendations(user, rec.interview):
        return rec
    raise Http404("No such recommendation.")
