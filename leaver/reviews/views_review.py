"""The IRO's review as a short journey: "Does anything need to happen?"; if not, the reason;
if so, recommendations added one by one as drafts, a check page, and issuing them together.
Issued recommendations can be changed or withdrawn until their owner responds."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from leaver.accounts.models import User
from leaver.cases import access as case_access
from leaver.cases import concerns, engine
from leaver.cases.engine import ReviewWords
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.reviews import actions, forms, owners, recommending
from leaver.reviews.access import get_draft_for_user, get_recommendation_for_user
from leaver.reviews.models import DraftRecommendation, Recommendation
from leaver.reviews.recommending import Wording
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _case_links(case: Interview) -> dict[str, Any]:
    return {"interview": case, "words": engine.definition_of(case).review_words,
            "case_url": engine.case_url(case),
            "record_url": engine.record_url(case),
            "review_url": reverse("reviews:review", args=[case.public_id]),
            "check_url": reverse("reviews:check", args=[case.public_id])}


def _w(case: Interview) -> ReviewWords:
    return engine.definition_of(case).review_words


def _case(request: HttpRequest, public_id: uuid.UUID) -> Interview:
    case = case_access.get_case_for_user(_user(request), public_id)
    engine.check(_user(request), case, "add_recommendation")
    return case


@login_required
@GET_POST
def review(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """The start: the question, or (once recommendations exist) what has been issued."""
    user = _user(request)
    case = _case(request, public_id)
    drafts = DraftRecommendation.objects.filter(interview=case)
    issued = case.recommendations.select_related("owner")
    ask = engine.may(user, case, "no_action_needed") and not drafts.exists()
    context = {**_case_links(case), "issued": issued, "drafts": drafts, "ask": ask,
               "can_view_record": case_access.can_view_record(user, case)}
    form = forms.ActionNeededForm(posted(request), words=context["words"])
    if request.method == "POST" and ask and form.is_valid():
        name = "reviews:draft_new" if form.cleaned_data["needed"] == "yes" else "reviews:no_action"
        return redirect(reverse(name, args=[case.public_id]))
    status = 400 if request.method == "POST" else 200
    return render(request, "reviews/review.html", {**context, "form": form}, status=status)


@login_required
@GET_POST
def no_action(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = case_access.get_case_for_user(user, public_id)
    engine.check(user, case, "no_action_needed")
    open_concern = concerns.has_open_concern(case)
    return form_page(
        request, "reviews/no_action.html", {**_case_links(case), "open_concern": open_concern},
        forms.NoActionForm(posted(request), open_concern=open_concern),
        lambda d: actions.record_no_action(actor=user, interview=case, reason=d["reason"],
                                           knows_of_concern=d.get("knows_of_concern", False)),
        "Recorded: no action needed. Now write to the young person."
        if _w(case).has_letter
        else "Recorded: no action needed. The case is closed.", engine.case_url(case))


def _wording(data: dict[str, Any]) -> Wording:
    """What the form gave (a pathway without a plain-words version or sharing has neither
    field)."""
    return Wording(data["text"], data.get("young_person_text", ""), data["owner"],
                   data["due_date"], data.get("share_record", False))


def _owner_options(request: HttpRequest, case: Interview, form: forms.RecommendationForm,
                   current: User | None) -> dict[str, Any]:
    """The owner radios: connected people, then search results, then whoever is chosen."""
    connected = owners.connected_candidates(case)
    query = request.GET.get("q", "").strip()
    results = owners.search(case, query, exclude={c.user.pk for c in connected})
    listed = {c.user.pk for c in (*connected, *results)}
    chosen = form["owner"].value() if form.is_bound else (current.pk if current else None)
    extra = []
    if chosen and str(chosen).isdigit() and int(str(chosen)) not in listed:
        person = User.objects.filter(pk=int(str(chosen)), organisation_id=case.organisation_id,
                                     is_active=True).first()
        if person is not None:
            extra = [owners.Candidate(person, owners.roles_in_words(person))]
    options = [{"user": c.user, "role": c.role, "checked": str(c.user.pk) == str(chosen)}
               for c in (*connected, *extra, *results)]
    return {"options": options, "q": query, "searched": "q" in request.GET,
            "result_count": len(results), "connected_count": len(connected) + len(extra)}


def _form_page(request: HttpRequest, case: Interview, *, heading: str, button: str,
               initial: dict[str, Any], current: User | None, back_url: str,
               submit: Any, success: str, next_url: str) -> HttpResponse:
    form = forms.RecommendationForm(posted(request), initial=initial,
                                    organisation_id=case.organisation_id,
                                    words=engine.definition_of(case).review_words)
    context = {**_case_links(case), "heading": heading, "button": button,
               "back_url": back_url, **_owner_options(request, case, form, current)}
    return form_page(request, "reviews/recommendation_form.html", context, form, submit,
                     success, next_url)


@login_required
@GET_POST
def draft_new(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = _case(request, public_id)
    check = reverse("reviews:check", args=[case.public_id])
    return _form_page(
        request, case, heading=f"Add {_w(case).a}", button="Save as a draft",
        initial={}, current=None, back_url=reverse("reviews:review", args=[case.public_id]),
        submit=lambda d: recommending.save_draft(actor=user, interview=case,
                                                 wording=_wording(d)),
        success="The draft is saved. Add another, or check and issue them.", next_url=check)


def _initial(rec: DraftRecommendation | Recommendation) -> dict[str, Any]:
    share = (rec.share_record if isinstance(rec, DraftRecommendation)
             else rec.record_shared_with_owner)
    return {"text": rec.text, "young_person_text": rec.young_person_text,
            "owner": rec.owner_id, "due_date": rec.due_date, "share_record": share}


@login_required
@GET_POST
def draft_edit(request: HttpRequest, public_id: uuid.UUID, draft_id: uuid.UUID
               ) -> HttpResponse:
    user = _user(request)
    case = _case(request, public_id)
    draft = get_draft_for_user(user, case, draft_id)
    check = reverse("reviews:check", args=[case.public_id])
    return _form_page(
        request, case, heading=f"Change the draft {_w(case).recommendation}",
        button="Save the draft",
        initial=_initial(draft), current=draft.owner, back_url=check,
        submit=lambda d: recommending.save_draft(actor=user, interview=case,
                                                 wording=_wording(d), draft=draft),
        success="The draft is saved.", next_url=check)


@login_required
@require_POST
def draft_remove(request: HttpRequest, public_id: uuid.UUID, draft_id: uuid.UUID
                 ) -> HttpResponse:
    user = _user(request)
    case = _case(request, public_id)
    recommending.remove_draft(actor=user, draft=get_draft_for_user(user, case, draft_id))
    messages.success(request, "The draft is removed.")
    return redirect(reverse("reviews:check", args=[case.public_id]))


@login_required
@GET_POST
def check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Every draft with Change links; issuing sends them all at once."""
    user = _user(request)
    case = _case(request, public_id)
    drafts = list(DraftRecommendation.objects.filter(interview=case).select_related("owner"))
    context = {**_case_links(case), "drafts": drafts, "error": ""}
    if request.method == "POST":
        try:
            issued = recommending.issue_recommendations(actor=user, interview=case)
        except ActionRefused as error:
            return render(request, "reviews/check.html", {**context, "error": error.message},
                          status=400)
        messages.success(request, f"{len(issued)} {_w(case).recommendation}"
                         f"{'s are' if len(issued) != 1 else ' is'} issued. Each owner has "
                         "been emailed.")
        return redirect(engine.case_url(case))
    return render(request, "reviews/check.html", context)


def _issued(request: HttpRequest, public_id: uuid.UUID) -> tuple[Recommendation, Interview]:
    user = _user(request)
    rec = get_recommendation_for_user(user, public_id)
    engine.check(user, rec.interview, "add_recommendation")
    return rec, rec.interview


@login_required
@GET_POST
def change(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    rec, case = _issued(request, public_id)
    page = reverse("reviews:recommendation", args=[rec.public_id])
    if rec.is_answered or rec.is_withdrawn:
        raise ActionRefused("Its owner has responded or it was withdrawn, so it can no longer "
                            "be changed.", back_url=page,
                            back_label=f"Back to the {_w(case).recommendation}")
    return _form_page(
        request, case, heading=f"Change the {_w(case).recommendation}",
        button="Save the change",
        initial=_initial(rec), current=rec.owner, back_url=page,
        submit=lambda d: recommending.change_recommendation(
            actor=user, recommendation=rec, wording=_wording(d)),
        success=f"The {_w(case).recommendation} is changed and its owner has been told.",
        next_url=page)


@login_required
@GET_POST
def withdraw(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    rec, case = _issued(request, public_id)
    page = reverse("reviews:recommendation", args=[rec.public_id])
    if rec.is_answered or rec.is_withdrawn:
        raise ActionRefused("Its owner has responded or it was withdrawn already.",
                            back_url=page, back_label=f"Back to the {_w(case).recommendation}")
    return form_page(
        request, "reviews/withdraw.html", {**_case_links(case), "rec": rec, "back_url": page},
        forms.WithdrawForm(posted(request), words=_w(case)),
        lambda d: recommending.withdraw_recommendation(actor=user, recommendation=rec,
                                                       reason=d["reason"]),
        f"The {_w(case).recommendation} is withdrawn and its owner has been told.", page)
