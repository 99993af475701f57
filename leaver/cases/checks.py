"""System checks of encryption at rest (ADR 0027), run by `manage.py check --database default`
(and so by the deployment's start-up script before it serves): a stored value whose key id is
no longer in FIELD_ENCRYPTION_KEYS is named before anyone meets it as an error page."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.core import checks
from django.db import DatabaseError

from leaver.core import key_rotation


@checks.register(checks.Tags.database)
def keys_for_every_stored_value(app_configs: Any = None, **kwargs: Any
                                ) -> list[checks.CheckMessage]:
    if not kwargs.get("databases"):
        return []
    found: list[checks.CheckMessage] = []
    for column in key_rotation.columns(apps.get_models()):
        try:
            unknown = key_rotation.unknown_key_ids(column)
        except DatabaseError:
            return []  # not migrated yet: the migrations come first
        for key_id in sorted(unknown):
            found.append(checks.Error(
                f"{column.label} holds values encrypted with the key {key_id!r}, which is not "
                "in FIELD_ENCRYPTION_KEYS.",
                hint=f"Add the key {key_id!r} back after the active key, then run "
                     "`manage.py rotate_keys`.",
                id="leaver.E001"))
    return found
