"""Writing confidentiality statements: a draft per pathway (English, and Welsh for a young
person whose language is Welsh), changed or deleted while it is a draft, then published.

A published version never changes and is never deleted: a case keeps the version its leaver
was shown (Interview.confidentiality_statement, PROTECT). The newest published version is the
one shown at consent from then on (organisations.queries.current_statement)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.events import OrganisationEvent
from leaver.administration.organisation.guard import record, refuse_unless_admin
from leaver.core.errors import ActionRefused
from leaver.organisations.models import (
    STATEMENT_MAX_LENGTH,
    ConfidentialityStatement,
    Organisation,
    Pathway,
    StatementStatus,
)


def draft_of(organisation: Organisation, pathway: Pathway) -> ConfidentialityStatement | None:
    return ConfidentialityStatement.objects.filter(
        organisation=organisation, pathway=pathway, status=StatementStatus.DRAFT).first()


def _text(text: str, language: str) -> str:
    text = text.replace("\r\n", "\n").strip()
    if len(text) > STATEMENT_MAX_LENGTH:
        raise ActionRefused(f"The statement in {language} must be {STATEMENT_MAX_LENGTH:,} "
                            f"characters or fewer (it has {len(text):,}).")
    return text


def _refuse_if_published(statement: ConfidentialityStatement, doing: str) -> None:
    if statement.is_published:
        raise ActionRefused(
            f"Version {statement.version} is published, so it cannot be {doing}: cases keep "
            "the version their young person was shown. Write a new version instead.")


def _locked(statement: ConfidentialityStatement) -> ConfidentialityStatement:
    return ConfidentialityStatement.objects.select_for_update(of=("self",)).select_related(
        "organisation").get(pk=statement.pk)


@transaction.atomic
def save_draft(*, actor: User, organisation: Organisation, pathway: Pathway, text: str,
               text_cy: str, statement: ConfidentialityStatement | None = None
               ) -> ConfidentialityStatement:
    """Write a new version as a draft (`statement` None), or change the draft `statement`."""
    refuse_unless_admin(actor, organisation)
    english, welsh = _text(text, "English"), _text(text_cy, "Welsh")
    if not english:
        raise ActionRefused("Enter the statement in English.")
    if statement is None:
        # One new version at a time: the organisation's row lock orders the numbering.
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        existing = draft_of(organisation, pathway)
        if existing is not None:
            raise ActionRefused(f"Version {existing.version} is already a draft. Change it, "
                                "or delete it first.")
        newest = ConfidentialityStatement.objects.filter(
            organisation=organisation, pathway=pathway).aggregate(n=Max("version"))["n"]
        statement = ConfidentialityStatement.objects.create(
            organisation=organisation, pathway=pathway, version=(newest or 0) + 1,
            text=english, text_cy=welsh)
        new = True
    else:
        statement = _locked(statement)
        if statement.organisation_id != organisation.pk:
            raise ActionRefused("That statement is not your organisation's.")
        _refuse_if_published(statement, "changed")
        if (statement.text, statement.text_cy) == (english, welsh):
            return statement
        statement.text, statement.text_cy = english, welsh
        statement.save(update_fields=["text", "text_cy"])
        new = False
    record(actor, organisation, OrganisationEvent.STATEMENT_DRAFTED,
           "confidentiality_statement", statement.public_id, pathway=statement.pathway,
           version=statement.version, new=new, welsh=bool(welsh))
    return statement


@transaction.atomic
def delete_draft(*, actor: User, statement: ConfidentialityStatement) -> None:
    statement = _locked(statement)
    refuse_unless_admin(actor, statement.organisation)
    _refuse_if_published(statement, "deleted")
    record(actor, statement.organisation, OrganisationEvent.STATEMENT_DRAFT_DELETED,
           "confidentiality_statement", statement.public_id, pathway=statement.pathway,
           version=statement.version)
    statement.delete()


@transaction.atomic
def publish(*, actor: User, statement: ConfidentialityStatement) -> ConfidentialityStatement:
    statement = _locked(statement)
    refuse_unless_admin(actor, statement.organisation)
    _refuse_if_published(statement, "published again")
    if not statement.text.strip():
        raise ActionRefused("Enter the statement in English before publishing it.")
    statement.status = StatementStatus.PUBLISHED
    statement.published_at = timezone.now()
    statement.published_by = actor
    statement.save(update_fields=["status", "published_at", "published_by"])
    record(actor, statement.organisation, OrganisationEvent.STATEMENT_PUBLISHED,
           "confidentiality_statement", statement.public_id, pathway=statement.pathway,
           version=statement.version, welsh=bool(statement.text_cy.strip()))
    return statement
