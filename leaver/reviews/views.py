"""The IRO's review, recommendations and responses, and the letter to the young person."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from leaver.accounts.models import User
from leaver.cases import access as case_access
from leaver.cases import engine
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.core.pdf import render_pdf
from leaver.reviews import actions, forms
from leaver.reviews.access import (
    can_download_letter,
    get_recommendation_for_user,
    recommendations_owned_by,
)
from leaver.reviews.events import ReviewEvent
from leaver.reviews.queries import letter_of
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _links(case: Interview) -> dict[str, str]:
    return {"case_url": engine.case_url(case), "record_url": engine.record_url(case)}


def _refused(case: Interview, message: str) -> ActionRefused:
    return ActionRefused(message, back_url=engine.case_url(case), back_label="Back to the case")


@login_required
@GET_POST
def review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The IRO either records that no action is needed or adds recommendations."""
    user = _user(request)
    interview = case_access.get_case_for_user(user, public_id)
    engine.check(user, interview, "add_recommendation")
    which = request.POST.get("form", "recommend") if request.method == "POST" else None
    no_action = forms.NoActionForm(request.POST if which == "no_action" else None)
    recommend = forms.RecommendationForm(
        request.POST if which == "recommend" else None,
        organisation_id=interview.organisation_id)
    context = {
        "interview": interview, **_links(interview),
        # Both forms are on the page, whichever was posted (a bad "no action" used to 500).
        "recommend_form": recommend,
        "recommendations": interview.recommendations.select_related("owner"),
        "no_action_form": no_action if engine.may(user, interview, "no_action_needed")
        else None,
        "can_view_record": case_access.can_view_record(user, interview),
    }
    if which == "no_action":
        return form_page(
            request, "reviews/review.html", context, no_action,
            lambda d: actions.record_no_action(actor=user, interview=interview,
                                               reason=d["reason"]),
            "Recorded: no action needed. Now write to the young person.",
            engine.case_url(interview))
    return form_page(
        request, "reviews/review.html", {**context, "recommend_form": recommend}, recommend,
        lambda d: actions.add_recommendation(
            actor=user, interview=interview, text=d["text"], owner=d["owner"],
            due_date=d["due_date"], share_record=d["share_record"]),
        "The recommendation is issued and its owner has been told.", request.path)


@login_required
def my_recommendations(request: HttpRequest) -> HttpResponse:
    recs = recommendations_owned_by(_user(request))
    return render(request, "reviews/my_recommendations.html", {
        "waiting": recs.filter(responded_at__isnull=True),
        "answered": recs.filter(responded_at__isnull=False),
        "today": timezone.localdate(),
    })


@login_required
@GET_POST
def recommendation(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    rec = get_recommendation_for_user(user, public_id)
    engine.record_event(user, rec.interview, ReviewEvent.RECOMMENDATION_VIEWED,
                        recommendation=str(rec.public_id))
    can_respond = rec.owner_id == user.pk and not rec.is_answered
    context = {
        "rec": rec, **_links(rec.interview),
        "can_view_record": case_access.can_view_record(user, rec.interview),
        "can_open_case": case_access.can_open_case(user, rec.interview),
        "today": timezone.localdate(),
    }
    if not can_respond:
        if request.method == "POST":
            raise ActionRefused("Only the owner can respond, and only once.")
        return render(request, "reviews/recommendation.html", context)
    return form_page(
        request, "reviews/recommendation.html", context, forms.ResponseForm(posted(request)),
        lambda d: actions.respond(actor=user, recommendation=rec, kind=d["kind"], text=d["text"]),
        "Thank you. Your response has been sent to the IRO.", request.path)


@login_required
@GET_POST
def letter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = case_access.get_case_for_user(user, public_id)
    engine.check(user, interview, "edit_letter")
    letter = letter_of(interview)
    if letter is not None and letter.sent_at is not None:
        if request.method == "POST":
            raise _refused(interview, "The letter has been sent and can no longer be changed.")
        return render(request, "reviews/letter_sent.html",
                      {"interview": interview, "letter": letter, **_links(interview)})
    form = forms.LetterForm(posted(request),
                            initial={"text": actions.letter_text_for(interview, user)})
    return form_page(
        request, "reviews/letter.html",
        {"interview": interview, "saved": letter.text if letter else "", **_links(interview)},
        form, lambda d: actions.save_letter(actor=user, interview=interview, text=d["text"]),
        "The letter is saved. Download it, send it, then record it as sent.", request.path)


@login_required
def letter_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = case_access.get_case_for_user(user, public_id)
    if not can_download_letter(user, interview):
        raise _refused(interview, "Only the IRO, the Children's Services Manager and the young "
                       "person's social worker can download the letter.")
    letter = letter_of(interview)
    if letter is None:
        raise _refused(interview, "There is no saved letter to download yet.")
    engine.record_event(user, interview, ReviewEvent.LETTER_DOWNLOADED)
    html = render_to_string("reviews/letter_pdf.html", {
        "interview": interview, "paragraphs": letter.text.split("\n\n"),
        "date": letter.sent_at or timezone.now(),
    })
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="letter-to-young-person.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def letter_sent(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = case_access.get_case_for_user(user, public_id)
    try:
        actions.mark_letter_sent(actor=user, interview=interview)
    except ActionRefused as error:
        raise _refused(interview, error.message) from None
    messages.success(request, "The letter is recorded as sent.")
    return redirect(engine.case_url(interview))
