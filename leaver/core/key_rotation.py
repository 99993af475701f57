"""Moving encrypted columns onto the active key, in batches (ADR 0027).

A row is pending when its stored value is not a token of the active key: a token of an older
key, or text written before encryption. Each batch is read, decrypted in memory and written
back (the field encrypts with the active key) in its own transaction, so an interrupted run
keeps what it finished and the next run simply finds fewer rows pending.

Used by `manage.py rotate_keys` and by the migrations that encrypted existing rows (on their
historical models, so only the fields given are touched)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Cast

from leaver.core import crypto
from leaver.core.encrypted_fields import ENCRYPTED, EncryptedJSONField, SealableTextField

STORED = "_stored_text"


@dataclass(frozen=True)
class Column:
    model: type[models.Model]
    field: models.Field  # type: ignore[type-arg]

    @property
    def label(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"


def columns(model_classes: Iterable[type[models.Model]]) -> list[Column]:
    """Every encrypted column of these models."""
    return [Column(model, field) for model in model_classes
            for field in model._meta.concrete_fields if isinstance(field, ENCRYPTED)]


def _prefix(column: Column, key_id: str) -> str:
    token = f"{crypto.PREFIX}{key_id}:"
    # A JSON document is stored as a JSON string: its text starts with a quote.
    return f'"{token}' if isinstance(column.field, EncryptedJSONField) else token


def pending(column: Column) -> models.QuerySet[Any]:
    """The rows of `column` not on the active key."""
    name = column.field.name
    found: models.QuerySet[Any] = column.model._default_manager.annotate(
        **{STORED: Cast(name, output_field=models.TextField())}).exclude(
        **{f"{STORED}__startswith": _prefix(column, crypto.active_key_id())})
    if isinstance(column.field, SealableTextField):
        # Only encrypted values: a choice code stays plain.
        return found.filter(**{f"{STORED}__startswith": crypto.PREFIX})
    return found.exclude(Q(**{f"{name}__isnull": True}) | Q(**{STORED: ""}))


def rotate_batch(column: Column, size: int) -> int:
    """Re-encrypts up to `size` pending rows with the active key; how many it did."""
    name = column.field.name
    with transaction.atomic():
        rows = list(pending(column).order_by("pk").select_for_update().only("pk", name)[:size])
        if rows:
            column.model._default_manager.bulk_update(rows, [name])
    return len(rows)


def rotate(column: Column, size: int, most: int | None = None) -> Iterator[int]:
    """Batches of `column` until none is pending (or `most` batches): yields each count."""
    done = 0
    while most is None or done < most:
        count = rotate_batch(column, size)
        if not count:
            return
        done += 1
        yield count


def encrypt_existing(app_label: str, *model_names: str, size: int = 500) -> Any:
    """A RunPython function for a migration: every row of these models' encrypted columns
    (on the historical models) moved onto the active key, plaintext included."""

    def forwards(apps: Any, schema_editor: Any) -> None:
        for column in columns(apps.get_model(app_label, name) for name in model_names):
            for _ in rotate(column, size):
                pass

    return forwards


def unknown_key_ids(column: Column) -> set[str]:
    """The key ids of `column`'s stored tokens that no configured key has (one query, and one
    more row per unknown id found)."""
    found: set[str] = set()
    while True:
        rows = column.model._default_manager.annotate(
            **{STORED: Cast(column.field.name, output_field=models.TextField())}).filter(
            **{f"{STORED}__startswith": _prefix(column, "")[:-1]})
        for key_id in [*(k for k, _ in crypto.keyring()), *found]:
            rows = rows.exclude(**{f"{STORED}__startswith": _prefix(column, key_id)})
        stored = rows.values_list(STORED, flat=True).first()
        if stored is None:
            return found
        found.add(crypto.key_id_of(stored.lstrip('"')))
