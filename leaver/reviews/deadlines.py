"""A recommendation's deadline: due on the date the reviewer gave it, held by its owner. The
pathway adds who is told when it is overdue; its pages and the reminders show and chase it
like every other step (leaver.cases.deadlines)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from leaver.accounts.models import User
from leaver.cases.deadlines import Deadline
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
