"""Pages about the case's details and the consent decision: correcting a detail ("Change" on
the case page), recording consent with a check page before a decision that ends the case,
and reopening a case when a young person who declined changes their mind."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from leaver.accounts.models import User
from leaver.cases import access, engine
from leaver.cases.models import Interview
from leaver.core.errors import ActionRefused
from leaver.organisations.models import ConfidentialityStatement, Pathway
from leaver.organisations.queries import current_statement
from leaver.pathways.young_person import actions, correcting, forms
from leaver.pathways.young_person.corrections import CORRECTIONS, transition_name
from leaver.pathways.young_person.models import FeasibilityAid
from leaver.pathways.young_person.queries import speaks_welsh
from leaver.pathways.young_person.views import GET_POST
from leaver.ui.pages import form_page, posted

ENDS_THE_CASE = {"consent_declined", "not_feasible"}


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _back(interview: Interview) -> dict[str, str]:
    return {"back_url": engine.case_url(interview), "back_label": "Back to the case"}


@login_required
@GET_POST
def correct(request: HttpRequest, public_id: uuid.UUID, key: str) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    if key not in CORRECTIONS:
        raise ActionRefused("That detail cannot be changed here.", **_back(interview))
    engine.check(user, interview, transition_name(key))
    correction = CORRECTIONS[key]
    form = correcting.CorrectionForm(posted(request), key=key, interview=interview,
                                     initial=correcting.current_values(key, interview))
    return form_page(
        request, "young_person/correct.html",
        {"interview": interview, "correction": correction}, form,
        lambda d: correcting.correct(actor=user, interview=interview, key=key, values=d),
        f"{correction.label}: saved.", engine.case_url(interview))


def _statement(interview: Interview) -> ConfidentialityStatement:
    statement = current_statement(interview.organisation_id, Pathway.YOUNG_PERSON)
    if statement is None:
        raise ActionRefused("Your organisation has no published confidentiality statement "
                            "yet. Ask your organisation admin to publish one.",
                            **_back(interview))
    return statement


def _shown(interview: Interview, version: object, current: ConfidentialityStatement
           ) -> ConfidentialityStatement:
    """The version the page showed when the decision was typed (a hidden field): recorded
    with the consent, and refused by the action if a newer one was published meanwhile."""
    if not str(version or "").isdigit() or int(str(version)) == current.version:
        return current
    return ConfidentialityStatement.objects.filter(
        organisation_id=interview.organisation_id, pathway=Pathway.YOUNG_PERSON,
        version=int(str(version))).first() or current


def _statement_context(interview: Interview, statement: ConfidentialityStatement
                       ) -> dict[str, Any]:
    """The statement as the young person reads it: in Welsh if they speak it and there is a
    Welsh text (the English is then shown too, for the social worker)."""
    welsh = speaks_welsh(interview.young_person) and bool(statement.text_cy.strip())
    return {"statement": statement, "statement_in_welsh": welsh,
            "statement_text": statement.text_for(welsh=welsh)}


def _session_key(interview: Interview) -> str:
    return f"leaver.consent.{interview.public_id}"


def _record(user: User, interview: Interview, decision: dict[str, Any],
            statement: ConfidentialityStatement) -> Interview:
    return actions.record_consent(
        actor=user, interview=interview, outcome=decision["outcome"],
        reason=decision["reason"], may_quote=decision["may_quote"], statement=statement,
        asked_on=decision["asked_on"], tried=tuple(decision["tried"]))


@login_required
@GET_POST
def consent(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Agreeing is recorded at once; a decision that ends the case goes to the check page."""
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "consent_given")
    statement = _statement(interview)
    kept = request.session.get(_session_key(interview))
    initial = _initial(kept) if kept else {}
    form = forms.ConsentForm(
        posted(request), initial=initial,
        learning_disability=interview.young_person.significant_learning_disability)
    context = {"interview": interview, "form": form, **_statement_context(interview, statement)}
    if request.method == "POST" and form.is_valid():
        decision = form.decision()
        shown = _shown(interview, request.POST.get("statement_version"), statement)
        if decision["outcome"] in ENDS_THE_CASE:
            request.session[_session_key(interview)] = {
                **decision, "asked_on": decision["asked_on"].isoformat(),
                "tried": list(decision["tried"]), "statement_version": shown.version}
            return redirect("young_person:consent_check", public_id=interview.public_id)
        try:
            _record(user, interview, decision, shown)
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            request.session.pop(_session_key(interview), None)
            messages.success(request, "The consent decision is recorded. The Children's "
                                      "Services Managers have been told.")
            return redirect(engine.case_url(interview))
    status = 400 if request.method == "POST" else 200
    return render(request, "young_person/consent.html", context, status=status)


def _initial(kept: dict[str, Any]) -> dict[str, Any]:
    """The consent form as it was typed, for "Change" from the check page."""
    outcome = kept["outcome"]
    reason_field = "decline_reason" if outcome == "consent_declined" else "feasible_reason"
    return {"outcome": outcome, "asked_on": dt.date.fromisoformat(kept["asked_on"]),
            reason_field: kept["reason"], "tried": kept["tried"]}


@login_required
@GET_POST
def consent_check(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Check the decision before it ends the case; the warning button records it."""
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "consent_given")
    statement = _statement(interview)
    kept = request.session.get(_session_key(interview))
    if not kept:
        return redirect("young_person:consent", public_id=interview.public_id)
    decision = {**kept, "asked_on": dt.date.fromisoformat(kept["asked_on"])}
    error = ""
    if request.method == "POST":
        try:
            _record(user, interview, decision,
                    _shown(interview, kept.get("statement_version"), statement))
        except ActionRefused as refusal:
            error = refusal.message
        else:
            request.session.pop(_session_key(interview), None)
            messages.success(request, "The consent decision is recorded and the case is "
                                      "closed. The Children's Services Managers have been "
                                      "told.")
            return redirect(engine.case_url(interview))
    aids = dict(FeasibilityAid.choices)
    return render(request, "young_person/consent_check.html", {
        "interview": interview, "decision": decision, "error": error,
        "declined": decision["outcome"] == "consent_declined",
        "tried": [aids[t] for t in decision["tried"] if t in aids],
    }, status=400 if error else 200)


@login_required
@GET_POST
def reopen(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    user = _user(request)
    interview = access.get_case_for_user(user, public_id)
    engine.check(user, interview, "reopen")
    if not actions.may_reopen(interview):
        raise ActionRefused("This case can no longer be reopened: the planned move date has "
                            "passed.", **_back(interview))
    return form_page(
        request, "young_person/reopen.html", {"interview": interview},
        forms.ReopenForm(posted(request)),
        lambda d: actions.reopen(actor=user, interview=interview, reason=d["reason"]),
        "The case is open again and awaits the young person's consent.",
        engine.case_url(interview))
