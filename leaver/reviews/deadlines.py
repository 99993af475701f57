"""A recommendation's deadline: due on the date the reviewer gave it, held by its owner. The
pathway adds who is told when it is overdue; its pages and the reminders show and chase it
like every other step (leaver.cases.deadlines)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.deadlines import Deadline
from leaver.core.working_days import Nation
from leaver.reviews.access import recommendations_issued_by
from leaver.reviews.models import Recommendation

STEP = "recommendation"
ACTION = "Respond to a recommendation"


def recommendation_deadline(rec: Recommendation, today: dt.date, nation: str, *,
                            repeat_days: int = 2, people: bool = False,
                            managers: tuple[User, ...] = ()) -> Deadline:
    """With `people`: held by the owner (loaded), and the IRO who issued it is told when it
    is overdue, with `managers`."""
    return Deadline(
        case=rec.interview, step=STEP, item=str(rec.public_id), action=ACTION,
        since=timezone.localdate(rec.created_at), due=rec.due_date, today=today, nation=nation,
        url=reverse("reviews:recommendation", args=[rec.public_id]), repeat_days=repeat_days,
        holders=(rec.owner,) if people else (),
        managers=(*managers, rec.created_by) if people else ())


def with_deadlines(recs: Iterable[Recommendation], user: User, today: dt.date
                   ) -> list[Recommendation]:
    """The recommendations (of the user's organisation), each with its `deadline`, earliest
    due first."""
    nation = user.organisation.nation if user.organisation else Nation.ENGLAND
    found = list(recs)
    for rec in found:
        rec.deadline = recommendation_deadline(rec, today, nation)  # type: ignore[attr-defined]
    return sorted(found, key=lambda r: (r.due_date, r.pk))


def issued_with_deadlines(user: User, today: dt.date) -> list[Recommendation]:
    """The recommendations this reviewer issued, each with its `deadline`: those still
    waiting for a response first (the longest overdue at the top), then the answered."""
    found = with_deadlines(recommendations_issued_by(user).select_related("owner"), user,
                           today)
    return sorted(found, key=lambda r: r.is_answered)
