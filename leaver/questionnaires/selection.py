"""Which questionnaire version a new interview uses."""

from __future__ import annotations

from leaver.organisations.models import Pathway, Setting
from leaver.questionnaires.models import Version, VersionStatus


def version_for(*, organisation_id: int, pathway: Pathway, setting: Setting | None = None
                ) -> Version | None:
    """The newest published version of the organisation's template for the pathway.

    (The organisation admin's choice of default template per pathway and setting refines
    this; until one is chosen, the newest published template of the pathway is used.)
    """
    return (Version.objects
            .filter(template__organisation_id=organisation_id, template__pathway=pathway,
                    status=VersionStatus.PUBLISHED)
            .select_related("template")
            .order_by("-published_at", "-number")
            .first())
