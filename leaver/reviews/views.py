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
from leaver.interviews import access as interview_access
from leaver.interviews import pathway
from leaver.interviews.actions import audit_case, case_path
from leaver.interviews.pathway import PathwayError
from leaver.pdf import render_pdf
from leaver.reviews import actions, forms
from leaver.reviews.access import get_recommendation_for_user, recommendations_owned_by
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _cannot(request: HttpRequest, message: str, **context: object) -> HttpResponse:
    return render(request, "interviews/cannot.html", {"message": message, **context},
                  status=403)


@login_required
@GET_POST
def review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The IRO either records that no action is needed or adds recommendations."""
    user = _user(request)
    interview = interview_access.get_interview_for_user(user, public_id)
    try:
        pathway.check(user, interview, "add_recommendation")
    except PathwayError as error:
        return _cannot(request, str(error), interview=interview)
    which = request.POST.get("form", "recommend") if request.method == "POST" else None
    no_action = forms.NoActionForm(request.POST if which == "no_action" else None)
    recommend = forms.RecommendationForm(
        request.POST if which == "recommend" else None,
        organisation_id=interview.organisation_id)
    context = {
        "interview": interview,
        # Both forms are on the page, whichever was posted (a bad "no action" used to 500).
        "recommend_form": recommend,
        "recommendations": interview.recommendations.select_related("owner"),
        "no_action_form": no_action if pathway.may(user, interview, "no_action_needed")
        else None,
        "can_view_record": interview_access.can_view_record(user, interview),
    }
    if which == "no_action":
        return form_page(
            request, "reviews/review.html", context, no_action,
            lambda d: actions.record_no_action(actor=user, interview=interview,
                                               reason=d["reason"]),
            "Recorded: no action needed. Now write to the young person.", case_path(interview))
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
    audit_case(user, rec.interview, "recommendation_viewed", recommendation=str(rec.public_id))
    can_respond = rec.owner_id == user.pk and not rec.is_answered
    context = {
        "rec": rec,
        "can_view_record": interview_access.can_view_record(user, rec.interview),
        "can_open_case": interview_access.interviews_visible_to(user).filter(
            pk=rec.interview_id).exists(),
        "today": timezone.localdate(),
    }
    if not can_respond:
        if request.method == "POST":
            return _cannot(request, "Only the owner can respond, and only once.")
        return render(request, "reviews/recommendation.html", context)
    return form_page(
        request, "reviews/recommendation.html", context, forms.ResponseForm(posted(request)),
        lambda d: actions.respond(actor=user, recommendation=rec, kind=d["kind"], text=d["text"]),
        "Thank you. Your response has been sent to the IRO.", request.path)


@login_required
@GET_POST
def letter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = interview_access.get_interview_for_user(user, public_id)
    try:
        pathway.check(user, interview, "edit_letter")
    except PathwayError as error:
        return _cannot(request, str(error), interview=interview)
    if interview.letter_sent_at is not None:
        if request.method == "POST":
            return _cannot(request, "The letter has been sent and can no longer be changed.",
                           interview=interview)
        return render(request, "reviews/letter_sent.html", {"interview": interview})
    form = forms.LetterForm(posted(request),
                            initial={"text": actions.letter_text_for(interview, user)})
    return form_page(
        request, "reviews/letter.html", {"interview": interview, "saved": interview.letter_text},
        form, lambda d: actions.save_letter(actor=user, interview=interview, text=d["text"]),
        "The letter is saved. Download it, send it, then record it as sent.", request.path)


@login_required
def letter_pdf(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = interview_access.get_interview_for_user(user, public_id)
    if not interview_access.can_see_recommendations(user, interview):
        return _cannot(request, "Only the IRO, the Children's Services Manager and the young "
                       "person's social worker can download the letter.", interview=interview)
    if not interview.letter_text:
        return _cannot(request, "There is no saved letter to download yet.", interview=interview)
    audit_case(user, interview, "letter_downloaded")
    html = render_to_string("reviews/letter_pdf.html", {
        "interview": interview, "paragraphs": interview.letter_text.split("\n\n"),
        "date": interview.letter_sent_at or timezone.now(),
    })
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="letter-to-young-person.pdf"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def letter_sent(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = interview_access.get_interview_for_user(user, public_id)
    try:
        actions.mark_letter_sent(actor=user, interview=interview)
    except PathwayError as error:
        return _cannot(request, str(error), interview=interview)
    messages.success(request, "The letter is recorded as sent.")
    return redirect("interviews:case", interview.public_id)
