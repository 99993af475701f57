"""A referral the young person asked for at the interview: the social worker records what
they did. For the allocated social worker only (everyone else: 404)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import engine
from leaver.core.errors import ActionRefused
from leaver.pathways.young_person import deadlines, forms, referrals
from leaver.pathways.young_person.events import ReferralEvent
from leaver.pathways.young_person.models import ReferralKind
from leaver.ui.pages import form_page, posted


@login_required
@require_http_methods(["GET", "POST"])
def referral(request: HttpRequest, public_id: uuid.UUID, kind: str) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    task = referrals.get_referral_for_user(user, public_id, kind)
    case = task.case
    if request.method == "GET":
        engine.record_event(user, case, ReferralEvent.REFERRAL_VIEWED, kind=kind)
    context = {
        "interview": case, "task": task, "action": referrals.REFER[task.kind],
        "complaint": task.kind == ReferralKind.COMPLAINT,
        "contact": referrals.where_to_refer(case, task.kind),
        "case_url": engine.case_url(case),
        "deadline": next((d for d in deadlines.deadlines_of([case], timezone.localdate())[
            case.pk] if d.step == deadlines.REFERRAL and d.item == kind), None),
    }
    if task.done is not None:
        if request.method == "POST":
            raise ActionRefused("What happened to this referral is already recorded.",
                                back_url=engine.case_url(case), back_label="Back to the case")
        return render(request, "young_person/referral.html", context)
    return form_page(
        request, "young_person/referral.html", context, forms.ReferralForm(posted(request)),
        lambda d: referrals.record_referral(
            actor=user, interview=case, kind=kind, decision=referrals.ReferralDecision(**d)),
        "The referral is recorded.", engine.case_url(case))
