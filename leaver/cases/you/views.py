"""The leaver's pages, reached from a link with no account (leaver.cases.links): the landing
page that opens the link, the page each link leads to, the reply to the offer with its
check page, and the page that says what happens next. Thin: the guard (guard.link_page)
opens the link, an action does the step, a refusal is the misuse page."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from leaver.cases import engine, links
from leaver.cases.links import LinkRefused
from leaver.cases.models import LeaverLink, LinkPurpose
from leaver.cases.you import actions, forms, guard, queries
from leaver.core.errors import ActionRefused
from leaver.organisations.models import ConfidentialityStatement
from leaver.ui.pages import posted

GET_POST = require_http_methods(["GET", "POST"])
MAX_TOKEN_LENGTH = 200
START = {LinkPurpose.OFFER: "you:offer", LinkPurpose.SELF_COMPLETION: "you:answers_start",
         LinkPurpose.REVIEW: "you:review"}


@require_safe
def landing(request: HttpRequest, token: str) -> HttpResponse:
    """Open the link, keep it in this browser's session and move to an address without the
    secret. A refused link changes nothing."""
    try:
        if len(token) > MAX_TOKEN_LENGTH:
            raise links.LinkRefused("tampered", "This link is not complete",
                                    "This link has been changed. Please copy the whole link "
                                    "from your email or letter.")
        link = links.open_link(token)
    except LinkRefused as error:
        return guard.refused(request, error)
    LeaverLink.objects.filter(pk=link.pk).update(last_opened_at=timezone.now())
    guard.remember(request, link)
    return redirect("you:link", link_id=link.public_id)


@require_safe
@guard.link_page(None)
def link(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    """The page the link is for."""
    return redirect(START[LinkPurpose(link.purpose)], link_id=link.public_id)


def go_to(request: HttpRequest, new: LeaverLink | None, done: LeaverLink) -> HttpResponse:
    """After a step: straight on to the next link (kept in this browser), or "what next"."""
    if new is None:
        return redirect("you:done", link_id=done.public_id)
    guard.remember(request, new)
    return redirect("you:link", link_id=new.public_id)


def _draft_key(link: LeaverLink) -> str:
    return f"leaver.you.offer.{link.public_id}"


def _offer_context(link: LeaverLink) -> dict[str, Any]:
    case = link.interview
    statement = queries.statement(case)
    if statement is None:
        raise ActionRefused(f"{case.organisation.name} has not finished setting up exit "
                            "interviews yet. Please contact them.")
    text, welsh = queries.statement_text(case, statement)
    return {"link": link, "case": case, "organisation": case.organisation,
            "statement": statement, "statement_text": text, "statement_in_welsh": welsh}


@GET_POST
@guard.link_page(LinkPurpose.OFFER)
def offer(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    guard.refuse_unless_may(link, "accept")
    context = _offer_context(link)
    statement: ConfidentialityStatement = context["statement"]
    kept = request.session.get(_draft_key(link)) or {}
    form = forms.OfferForm(posted(request), interviewers=queries.interviewers(link.interview),
                           initial={**kept, "statement": str(statement.public_id)})
    if request.method == "POST" and form.is_valid():
        request.session[_draft_key(link)] = form.cleaned_data
        return redirect("you:offer_check", link_id=link.public_id)
    status = 400 if request.method == "POST" else 200
    return render(request, "you/offer.html", {**context, "form": form}, status=status)


@GET_POST
@guard.link_page(LinkPurpose.OFFER)
def offer_check(request: HttpRequest, link: LeaverLink) -> HttpResponse:
    guard.refuse_unless_may(link, "accept")
    kept = request.session.get(_draft_key(link))
    if not kept:
        return redirect("you:offer", link_id=link.public_id)
    context = _offer_context(link)
    people = {str(m.user.public_id): m for m in queries.interviewers(link.interview)}
    chosen = people.get(kept.get("interviewer") or "")
    error = ""
    if request.method == "POST":
        accepted = kept["reply"] == "accept"
        reply = actions.OfferReply(
            accepted=accepted, reason=kept.get("reason") or "",
            confidentiality=kept.get("confidentiality") or "" if accepted else "",
            taking_part=kept.get("taking_part") or "" if accepted else "",
            interviewer=chosen.user if chosen is not None and accepted else None,
            statement_id=kept.get("statement") or "")
        try:
            new = actions.reply_to_offer(link=link, reply=reply)
        except ActionRefused as refusal:
            error = refusal.message
        else:
            request.session.pop(_draft_key(link), None)
            return go_to(request, new, link)
    return render(request, "you/offer_check.html", {
        **context, "reply": kept, "chosen": chosen, "error": error,
        "confidentiality": dict(forms.CONFIDENTIALITY).get(kept.get("confidentiality", "")),
        "taking_part": dict(forms.TAKING_PART).get(kept.get("taking_part", "")),
        "change": reverse("you:offer", args=[link.public_id]),
    }, status=400 if error else 200)


@require_safe
def done(request: HttpRequest, link_id: uuid.UUID) -> HttpResponse:
    """What happens next, after the link's step: opens only in the browser that took it."""
    if not guard.held(request, link_id):
        return guard.refused(request, guard.NOT_IN_SESSION)
    found = LeaverLink.objects.select_related("interview", "interview__organisation").filter(
        public_id=link_id, used_at__isnull=False).first()
    if found is None:
        return link(request, link_id)
    case = found.interview
    language, easy = queries.wording(case)
    return render(request, "you/done.html", {
        "link": found, "case": case, "organisation": case.organisation,
        "easy": easy or engine.definition_of(case).leaver_is_child, "language": language,
        "signed": case.sign_offs.filter(signed_at__gte=found.used_at).exists(),
        "declined": found.purpose == LinkPurpose.OFFER and case.state == "declined",
    })
