"""Pages for the distribution rules: who gets a copy of each record, adding a rule (a check
page before it is saved) and removing one (a check page too)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.accounts.models import User
from leaver.administration.access import administered_by
from leaver.administration.organisation import distribution, queries
from leaver.administration.organisation.access import get_pathway, get_rule
from leaver.administration.organisation.forms import PERSON, Confirm, RuleForm
from leaver.administration.organisation.views import GET_POST
from leaver.cases.engine import Definition
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation, Pathway
from leaver.ui.pages import form_page, posted

LIST = "administration:organisation:distribution"


def _session_key(pathway: Pathway) -> str:
    return f"leaver.admin.distribution_rule.{pathway.value}"


def _built(value: str) -> tuple[Pathway, Definition]:
    pathway = get_pathway(value)
    definition = distribution.definition_for(pathway)
    if definition is None:
        raise Http404("That pathway has no interviews yet.")
    return pathway, definition


@require_safe
@login_required
def rule_list(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    return render(request, "administration/organisation/distribution.html", {
        "organisation": organisation, "groups": queries.rules(organisation)})


@login_required
@GET_POST
def rule_add(request: HttpRequest, pathway: str) -> HttpResponse:
    """Choose a role or a person; the check page saves it."""
    _admin, organisation = administered_by(request)
    chosen, definition = _built(pathway)
    kept = request.session.get(_session_key(chosen)) or {}
    form = RuleForm(posted(request), initial=kept, organisation=organisation, pathway=chosen,
                    definition=definition)
    if request.method == "POST" and form.is_valid():
        person: User | None = form.cleaned_data["person"]
        request.session[_session_key(chosen)] = {
            "who": form.cleaned_data["who"], "person": str(person.pk) if person else ""}
        return redirect("administration:organisation:rule_check", pathway=chosen.value)
    return render(request, "administration/organisation/rule_add.html", {
        "form": form, "pathway": chosen, "person_value": PERSON,
        "always": definition.always_distributed,
    }, status=400 if request.method == "POST" else 200)


def _kept_rule(request: HttpRequest, organisation: Organisation, pathway: Pathway
               ) -> distribution.Rule | None:
    kept = request.session.get(_session_key(pathway))
    if not kept:
        return None
    if kept.get("who") != PERSON:
        return distribution.Rule(role=str(kept.get("who", "")))
    person = distribution.nameable_people(organisation, pathway).filter(
        pk=kept.get("person") or 0).first()
    return distribution.Rule(user=person) if person else None


@login_required
@GET_POST
def rule_check(request: HttpRequest, pathway: str) -> HttpResponse:
    admin, organisation = administered_by(request)
    chosen, _definition = _built(pathway)
    rule = _kept_rule(request, organisation, chosen)
    if rule is None:
        return redirect("administration:organisation:rule_add", pathway=chosen.value)
    error = ""
    if request.method == "POST":
        try:
            distribution.add_rule(actor=admin, organisation=organisation, pathway=chosen,
                                  rule=rule)
        except ActionRefused as refusal:
            error = refusal.message
        else:
            request.session.pop(_session_key(chosen), None)
            messages.success(request, "The rule is added. It applies to records submitted from "
                                      "now on.")
            return redirect(LIST)
    words = (distribution.person_words(rule.user) if rule.user is not None
             else distribution.role_words(chosen, rule.role))
    return render(request, "administration/organisation/rule_check.html", {
        "pathway": chosen, "words": words, "error": error,
    }, status=400 if error else 200)


@login_required
@GET_POST
def rule_remove(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation = administered_by(request)
    rule = get_rule(organisation, public_id)
    return form_page(
        request, "administration/organisation/rule_remove.html", {
            "rule": rule, "words": distribution.describe(rule),
            "pathway": Pathway(rule.pathway)},
        Confirm(posted(request)),
        lambda _d: distribution.remove_rule(actor=admin, rule=rule),
        "The rule is removed.", reverse(LIST))
