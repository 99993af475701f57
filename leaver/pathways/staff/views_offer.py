"""The offer and the leaver's links from the office side: send (or resend) the offer, print
it as a letter, record that the leaver said no, record their withdrawal, send a new link,
and (DEBUG only) copy the leaver's link to try their pages."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from leaver.accounts.models import User
from leaver.cases import access, engine, links
from leaver.core.pdf import render_pdf
from leaver.organisations.models import Role
from leaver.pathways.staff import actions_offer, forms, wording
from leaver.pathways.staff.states import State
from leaver.ui.pages import form_page, posted

GET_POST = require_http_methods(["GET", "POST"])


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
@GET_POST
def send_offer(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "send_offer")
    resend = case.state == State.OFFERED
    return form_page(
        request, "staff/send_offer.html",
        {"case": case, "leaver": case.staff_leaver, "resend": resend,
         "paragraphs": wording.offer_paragraphs(case, None)},
        forms.ConfirmForm(posted(request)),
        lambda d: actions_offer.send_offer(actor=user, interview=case),
        "The offer has been emailed to the leaver." if not resend else
        "A new offer has been emailed to the leaver. The link sent before no longer works.",
        engine.case_url(case))


@login_required
@GET_POST
def offer_letter(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """GET: what printing does (it ends the emailed link). POST: a new link, in a PDF."""
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "send_offer")
    if request.method != "POST":
        return render(request, "staff/offer_letter.html", {"case": case})
    token = actions_offer.print_offer(actor=user, interview=case)
    leaver = case.staff_leaver
    html = render_to_string("staff/offer_letter_pdf.html", {
        "case": case, "date": timezone.localdate(), "url": links.url_for(token),
        "paragraphs": wording.offer_paragraphs(case, leaver.reply_due),
        "days": links.link_days(case.organisation_id)})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="offer-of-exit-interview.pdf"'
    response["Cache-Control"] = "no-store"
    return response


_CLOSE = {
    "record_decline": ("Record that they declined",
                       "They said no to an exit interview in person or by email."),
    "withdraw": ("Record that they withdrew",
                 "They no longer want an exit interview. The case will close, and any link "
                 "sent to them will stop working. This cannot be undone."),
}


def _close(request: HttpRequest, public_id: uuid.UUID, name: str) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, name)
    heading, intro = _CLOSE[name]
    act = actions_offer.record_decline if name == "record_decline" else actions_offer.withdraw
    return form_page(
        request, "staff/close.html",
        {"case": case, "heading": heading, "intro": intro, "warning": name == "withdraw"},
        forms.ReasonForm(posted(request)),
        lambda d: act(actor=user, interview=case, reason=d["reason"]),
        "Recorded. The case is closed.", engine.case_url(case))


@login_required
@GET_POST
def record_decline(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _close(request, public_id, "record_decline")


@login_required
@GET_POST
def withdraw(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _close(request, public_id, "withdraw")


@login_required
@GET_POST
def new_link(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    engine.check(user, case, "send_new_link")
    purpose = actions_offer.current_purpose(case)
    return form_page(
        request, "staff/new_link.html",
        {"case": case, "leaver": case.staff_leaver,
         "purpose_label": purpose.label if purpose else ""},
        forms.ConfirmForm(posted(request)),
        lambda d: actions_offer.send_new_link(actor=user, interview=case),
        "A new link has been emailed to the leaver. The one sent before no longer works.",
        engine.case_url(case))


@require_POST
@login_required
def copy_link(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """DEBUG only: a fresh link for the leaver's current step, shown here, not emailed."""
    if not settings.DEBUG:
        raise Http404("No such page.")
    user = _user(request)
    case = access.get_case_for_user(user, public_id)
    if not engine.acts_as(user, case, Role.HR_LEAD):
        raise Http404("No such page.")
    token = actions_offer.copy_link(actor=user, interview=case)
    response = render(request, "staff/copy_link.html", {
        "case": case, "url": links.url_for(token)})
    response["Cache-Control"] = "no-store"
    return response
