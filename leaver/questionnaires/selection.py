"""Which questionnaire version a new interview uses."""

from __future__ import annotations

from django.db import transaction

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation, Pathway, Setting
from leaver.questionnaires.events import QuestionnaireEvent
from leaver.questionnaires.models import DefaultTemplate, Template, Version, VersionStatus


def version_for(*, organisation_id: int, pathway: Pathway, setting: Setting | None = None
                ) -> Version | None:
    """The newest published version of the template chosen for this setting, else the one
    chosen for the pathway, else the organisation's newest published template of the
    pathway. None when nothing is published."""
    published = Version.objects.filter(status=VersionStatus.PUBLISHED).select_related(
        "template").order_by("-number")
    defaults = DefaultTemplate.objects.filter(organisation_id=organisation_id, pathway=pathway)
    for default in ([defaults.filter(setting=setting).first()] if setting else []) + [
            defaults.filter(setting__isnull=True).first()]:
        if default is not None:
            version = published.filter(template_id=default.template_id).first()
            if version is not None:
                return version
    return (published.filter(template__organisation_id=organisation_id,
                             template__pathway=pathway)
            .order_by("-published_at", "-number").first())


@transaction.atomic
def choose_default(*, actor: User, organisation: Organisation, pathway: Pathway,
                   setting: Setting | None, template: Template) -> DefaultTemplate:
    if template.organisation_id != organisation.pk or (
            setting is not None and setting.organisation_id != organisation.pk):
        raise ActionRefused("Choose one of your organisation's questionnaires and settings.")
    default, _ = DefaultTemplate.objects.update_or_create(
        organisation=organisation, pathway=pathway, setting=setting,
        defaults={"template": template})
    audit.record(actor=actor, action=QuestionnaireEvent.DEFAULT_CHOSEN,
                 object_type="questionnaire_template", object_id=template.public_id,
                 organisation_id=organisation.pk,
                 detail={"pathway": pathway, "setting": setting.pk if setting else None})
    return default
