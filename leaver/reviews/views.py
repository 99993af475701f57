"""Recommendations as their owners see them: the list of one's own, and the response page."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from leaver.accounts.models import User
from leaver.cases import access as case_access
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.reviews import actions, forms
from leaver.reviews.access import (
    get_recommendation_for_user,
    recommendations_owned_by,
    withdrawn_recommendations_of,
)
from leaver.reviews.deadlines import issued_with_deadlines
from leaver.reviews.events import ReviewEvent
from leaver.reviews.letter import language_of
from leaver.reviews.owners import title_for_letter
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def about(user: User, case: Interview, *, can_view_record: bool) -> str:
    """Who the case is about, for a pathway that names the leaver on a recommendation's page
    (its `someone` words): their name to those who read the record, and to others unless
    the leaver chose anonymity, when it is "A member of staff at <school>". Empty for a
    pathway that does not (the young person's page names only the home)."""
    someone = engine.definition_of(case).review_words.someone
    if not someone:
        return ""
    if can_view_record or not engine.definition_of(case).anonymous(case):
        return f"{case.leaver_name} · {case.setting.name}"
    return someone.format(setting=case.setting.name)


@require_safe
@login_required
def my_recommendations(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    recs = recommendations_owned_by(user)
    today = timezone.localdate()
    return render(request, "reviews/my_recommendations.html", {
        "waiting": recs.filter(responded_at__isnull=True),
        "answered": recs.filter(responded_at__isnull=False),
        "withdrawn": withdrawn_recommendations_of(user),
        "issued": issued_with_deadlines(user, today),
        "today": today,
    })


@login_required
@GET_POST
def recommendation(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    rec = get_recommendation_for_user(user, public_id)
    case = rec.interview
    engine.record_event(user, case, ReviewEvent.RECOMMENDATION_VIEWED,
                        recommendation=str(rec.public_id))
    can_respond = (rec.owner_id == user.pk and not rec.is_answered and not rec.is_withdrawn
                   and engine.in_stage(case, "taking_responses"))
    words = engine.definition_of(case).review_words
    can_view_record = case_access.can_view_record(user, case)
    context = {
        "rec": rec, "case_url": engine.case_url(case), "record_url": engine.record_url(case),
        "words": words, "about": about(user, case, can_view_record=can_view_record),
        "can_view_record": can_view_record,
        "can_open_case": case_access.can_open_case(user, case),
        "today": timezone.localdate(),
        # The IRO may change or withdraw it until its owner responds.
        "can_change": (not rec.is_answered and not rec.is_withdrawn
                       and engine.may(user, case, "add_recommendation")),
        # How the letter to the young person will name the owner when quoting them.
        "quoted_as": title_for_letter(rec.owner, case, "en")
        if can_respond and words.has_letter else "",
        "letter_in_welsh": language_of(case) == "cy",
    }
    if not can_respond:
        if request.method == "POST":
            raise ActionRefused("Only the owner can respond, and only once.")
        return render(request, "reviews/recommendation.html", context)
    return form_page(
        request, "reviews/recommendation.html", context, forms.ResponseForm(posted(request)),
        lambda d: actions.respond(actor=user, recommendation=rec, kind=d["kind"], text=d["text"]),
        f"Thank you. Your response has been sent to {words.reviewer}.", request.path)
