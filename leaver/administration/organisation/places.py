"""Writing an organisation's places (settings): add a children's home, an agency placement
(with its provider) or a school; rename it; close it and reopen it.

Closing never deletes: cases PROTECT their setting, so its cases, records and reports stay as
they are, and the Unit Managers keep their access. A closed setting is only no longer offered
where something new starts (organisations.queries.open_settings)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from leaver.accounts.models import User
from leaver.administration.events import OrganisationEvent
from leaver.administration.organisation.guard import record, refuse_unless_admin
from leaver.core.errors import ActionRefused
from leaver.organisations.models import Organisation, Setting, SettingKind

NAME_MAX = 200  # Setting.name and Setting.provider_name


def _name(organisation: Organisation, name: str, setting: Setting | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ActionRefused("Enter the name of the place.")
    if len(name) > NAME_MAX:
        raise ActionRefused(f"The name must be {NAME_MAX} characters or fewer.")
    taken = Setting.objects.filter(organisation=organisation, name__iexact=name)
    if setting is not None:
        taken = taken.exclude(pk=setting.pk)
    if taken.exists():
        raise ActionRefused(f"There is already a place called “{name}”. Choose another name.")
    return name


def _provider(kind: str, provider_name: str) -> str:
    provider_name = " ".join(provider_name.split())
    if kind == SettingKind.AGENCY_PLACEMENT and not provider_name:
        raise ActionRefused("Enter the name of the provider that runs the placement.")
    if kind != SettingKind.AGENCY_PLACEMENT and provider_name:
        raise ActionRefused("Only an external agency placement has a provider. Leave the "
                            "provider empty, or choose “External agency placement”.")
    if len(provider_name) > NAME_MAX:
        raise ActionRefused(f"The provider's name must be {NAME_MAX} characters or fewer.")
    return provider_name


def _locked(setting: Setting) -> Setting:
    return Setting.objects.select_for_update(of=("self",)).select_related(
        "organisation").get(pk=setting.pk)


@transaction.atomic
def add_setting(*, actor: User, organisation: Organisation, kind: str, name: str,
                provider_name: str = "") -> Setting:
    refuse_unless_admin(actor, organisation)
    if kind not in SettingKind.values:
        raise ActionRefused("Choose whether it is a children's home, an agency placement or "
                            "a school.")
    setting = Setting.objects.create(
        organisation=organisation, kind=kind, name=_name(organisation, name),
        provider_name=_provider(kind, provider_name))
    record(actor, organisation, OrganisationEvent.SETTING_ADDED, "setting", setting.public_id,
           name=setting.name, kind=setting.kind, provider_name=setting.provider_name)
    return setting


@transaction.atomic
def change_setting(*, actor: User, setting: Setting, name: str, provider_name: str) -> bool:
    """Rename a place (or its provider). False: nothing was different, nothing written."""
    setting = _locked(setting)
    organisation = setting.organisation
    refuse_unless_admin(actor, organisation)
    new = {"name": _name(organisation, name, setting),
           "provider_name": _provider(setting.kind, provider_name)}
    changes = {field: [getattr(setting, field), value] for field, value in new.items()
               if getattr(setting, field) != value}
    if not changes:
        return False
    for field, (_old, value) in changes.items():
        setattr(setting, field, value)
    setting.save(update_fields=list(changes))
    record(actor, organisation, OrganisationEvent.SETTING_CHANGED, "setting",
           setting.public_id, changes=changes)
    return True


@transaction.atomic
def close_setting(*, actor: User, setting: Setting) -> Setting:
    setting = _locked(setting)
    refuse_unless_admin(actor, setting.organisation)
    if not setting.is_open:
        raise ActionRefused(f"{setting.name} is already closed.")
    setting.closed_at = timezone.now()
    setting.save(update_fields=["closed_at"])
    record(actor, setting.organisation, OrganisationEvent.SETTING_CLOSED, "setting",
           setting.public_id, name=setting.name)
    return setting


@transaction.atomic
def reopen_setting(*, actor: User, setting: Setting) -> Setting:
    setting = _locked(setting)
    refuse_unless_admin(actor, setting.organisation)
    if setting.is_open:
        raise ActionRefused(f"{setting.name} is open already.")
    closed_at = setting.closed_at
    setting.closed_at = None
    setting.save(update_fields=["closed_at"])
    record(actor, setting.organisation, OrganisationEvent.SETTING_REOPENED, "setting",
           setting.public_id, name=setting.name,
           closed_at=closed_at.isoformat() if closed_at else None)
    return setting
