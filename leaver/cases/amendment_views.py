"""Asking to amend a locked record and deciding on it, for every pathway: the interviewer's
"Ask to amend" page and the reviewer's "Agree or refuse" page. Thin: the actions are
leaver.cases.amendment_agreement; the pathway's definition says who takes each step."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from leaver.accounts.models import User
from leaver.cases import access, amendment_agreement, engine
from leaver.core import limits
from leaver.core.errors import ActionRefused
from leaver.ui.pages import form_page, posted
from leaver.ui.widgets import LimitedTextField

GET_POST = require_http_methods(["GET", "POST"])


class AskForm(forms.Form):
    reason = LimitedTextField(
        label="Why does the record need to be amended?", limit=limits.REASON,
        what="The reason", widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Say what is wrong in the record and how you would change it.",
        error_messages={"required": "Say why the record needs to be amended."})


class DecideForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you agree to the amendment?", widget=forms.RadioSelect,
        choices=[("agree", "Yes, the interviewer may amend the record"),
                 ("refuse", "No, the record stays as it is")],
        error_messages={"required": "Choose whether you agree to the amendment."})
    refusal_reason = LimitedTextField(
        label="If you refuse, why?", limit=limits.REASON, what="The reason", required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="The interviewer will see this with your name.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "refuse" and not str(data.get("refusal_reason", "")).strip():
            self.add_error("refusal_reason", "Say why you refuse the amendment.")
        return data


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


@login_required
@GET_POST
def ask(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_record_for_user(user, public_id)
    engine.check(user, case, amendment_agreement.ASK)
    return form_page(
        request, "cases/amendment_ask.html", {"case": case,
                                              "record_url": engine.record_url(case)},
        AskForm(posted(request)),
        lambda d: amendment_agreement.ask(actor=user, case=case, reason=d["reason"]),
        "Your request to amend the record is sent for a decision.", engine.record_url(case))


@login_required
@GET_POST
def decide(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    case = access.get_record_for_user(user, public_id)
    engine.check(user, case, amendment_agreement.AGREE)
    waiting = amendment_agreement.waiting(case)
    if waiting is None:
        raise ActionRefused("There is no request to amend this record waiting for a decision.",
                            back_url=engine.record_url(case), back_label="Back to the record")
    return form_page(
        request, "cases/amendment_decide.html", {
            "case": case, "waiting": waiting, "record_url": engine.record_url(case)},
        DecideForm(posted(request)),
        lambda d: amendment_agreement.decide(actor=user, case=case,
                                             agree=d["decision"] == "agree",
                                             reason=d["refusal_reason"]),
        "Your decision is recorded and the interviewer can see it.", engine.record_url(case))
