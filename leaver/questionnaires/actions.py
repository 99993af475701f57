"""Writing questionnaire templates: save a draft, publish it. Published versions never change."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from leaver.accounts.models import User
from leaver.audit import log as audit
from leaver.organisations.models import Organisation, Pathway
from leaver.questionnaires import codec
from leaver.questionnaires.events import QuestionnaireEvent
from leaver.questionnaires.models import Template, Version, VersionStatus
from leaver.questionnaires.spec import Questionnaire


def _audit(actor: User | None, version: Version, action: QuestionnaireEvent) -> None:
    audit.record(actor=actor, action=action,
                 object_type="questionnaire_version", object_id=version.public_id,
                 organisation_id=version.template.organisation_id,
                 detail={"template": version.template.key, "number": version.number})


@transaction.atomic
def save_draft(*, actor: User | None, organisation: Organisation, pathway: Pathway,
               questionnaire: Questionnaire) -> Version:
    """The draft of the template named by `questionnaire.key`: the open draft is replaced;
    if the newest version is published, a new draft numbered after it is made."""
    template, _ = Template.objects.get_or_create(
        organisation=organisation, key=questionnaire.key, defaults={"pathway": pathway})
    template = Template.objects.select_for_update().get(pk=template.pk)
    draft = template.versions.filter(status=VersionStatus.DRAFT).first()
    if draft is not None:
        draft.content = codec.to_dict(questionnaire)
        draft.save(update_fields=["content"])
    else:
        highest = template.versions.aggregate(n=Max("number"))["n"] or 0
        draft = Version.objects.create(template=template, number=highest + 1,
                                       content=codec.to_dict(questionnaire))
    _audit(actor, draft, QuestionnaireEvent.DRAFT_SAVED)
    return draft


@transaction.atomic
def publish(*, actor: User | None, version: Version) -> Version:
    version = Version.objects.select_for_update().select_related("template").get(pk=version.pk)
    if version.status == VersionStatus.PUBLISHED:
        return version
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = actor
    version.save(update_fields=["status", "published_at", "published_by"])
    _audit(actor, version, QuestionnaireEvent.PUBLISHED)
    return version
