"""Pages for confidentiality statements: the versions of each pathway's statement, a new
version (a draft), the preview as the leaver sees it, changing or deleting a draft, and
publishing it (a confirmation page: a published version never changes)."""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from leaver.administration.access import administered_by
from leaver.administration.organisation import queries, statements
from leaver.administration.organisation.access import get_pathway, get_statement
from leaver.administration.organisation.forms import Confirm, StatementForm
from leaver.administration.organisation.views import GET_POST
from leaver.core.errors import ActionRefused
from leaver.organisations.models import ConfidentialityStatement, Pathway
from leaver.organisations.queries import current_statement
from leaver.ui.pages import form_page, posted

LIST = "administration:organisation:statements"


def _preview_url(statement: ConfidentialityStatement) -> str:
    return reverse("administration:organisation:statement", args=[statement.public_id])


def _back() -> dict[str, str]:
    return {"back_url": reverse(LIST), "back_label": "Back to confidentiality statements"}


@require_safe
@login_required
def statement_list(request: HttpRequest) -> HttpResponse:
    _admin, organisation = administered_by(request)
    return render(request, "administration/organisation/statements.html", {
        "organisation": organisation, "groups": queries.statements(organisation)})


@login_required
@GET_POST
def statement_new(request: HttpRequest, pathway: str) -> HttpResponse:
    """A new version starts from the words in use; an existing draft is continued instead."""
    admin, organisation = administered_by(request)
    chosen = get_pathway(pathway)
    draft = statements.draft_of(organisation, chosen)
    if draft is not None:
        return redirect("administration:organisation:statement_change", draft.public_id)
    current = current_statement(organisation.pk, chosen)
    initial = {"text": current.text, "text_cy": current.text_cy} if current else {}
    return form_page(
        request, "administration/organisation/statement_form.html", {
            "page_title": "Write a new version", "caption": chosen.label, "current": current,
            **_back()},
        StatementForm(posted(request), initial=initial),
        lambda d: statements.save_draft(actor=admin, organisation=organisation,
                                        pathway=chosen, **d),
        "The draft is saved. Check how it reads, then publish it.", _preview_url)


@require_safe
@login_required
def statement_preview(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    _admin, organisation = administered_by(request)
    statement = get_statement(organisation, public_id)
    current = current_statement(organisation.pk, statement.pathway)
    return render(request, "administration/organisation/statement.html", {
        "statement": statement, "in_use": current is not None and current.pk == statement.pk})


@login_required
@GET_POST
def statement_change(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    admin, organisation = administered_by(request)
    statement = get_statement(organisation, public_id)
    if statement.is_published:
        raise ActionRefused(f"Version {statement.version} is published, so it cannot be "
                            "changed: cases keep the version their young person was shown. "
                            "Write a new version instead.", **_back())
    return form_page(
        request, "administration/organisation/statement_form.html", {
            "page_title": f"Change draft version {statement.version}",
            "caption": statement.get_pathway_display(), "statement": statement, **_back()},
        StatementForm(posted(request), initial={"text": statement.text,
                                                "text_cy": statement.text_cy}),
        lambda d: statements.save_draft(actor=admin, organisation=organisation,
                                        pathway=Pathway(statement.pathway), statement=statement,
                                        **d),
        "The draft is saved.", _preview_url)


def _draft_step(request: HttpRequest, public_id: uuid.UUID, step: str) -> HttpResponse:
    admin, organisation = administered_by(request)
    statement = get_statement(organisation, public_id)
    if statement.is_published:
        raise ActionRefused(f"Version {statement.version} is published already. A published "
                            "version never changes and is never deleted.", **_back())
    shown = {"statement": statement, "caption": statement.get_pathway_display()}
    if step == "publish":
        return form_page(
            request, "administration/organisation/statement_publish.html",
            {**shown, "page_title": f"Publish version {statement.version}",
             "current": current_statement(organisation.pk, statement.pathway)},
            Confirm(posted(request)),
            lambda _d: statements.publish(actor=admin, statement=statement),
            f"Version {statement.version} is published. From now on, leavers are shown "
            "it before they agree.", reverse(LIST))
    return form_page(
        request, "administration/organisation/statement_delete.html",
        {**shown, "page_title": f"Delete draft version {statement.version}"},
        Confirm(posted(request)),
        lambda _d: statements.delete_draft(actor=admin, statement=statement),
        f"The draft version {statement.version} is deleted.", reverse(LIST))


@login_required
@GET_POST
def statement_publish(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _draft_step(request, public_id, "publish")


@login_required
@GET_POST
def statement_delete(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _draft_step(request, public_id, "delete")
