"""Fast bulk loading straight into the models' tables: PostgreSQL COPY (psycopg 3) when the
database is PostgreSQL, batched INSERTs otherwise (the small test on SQLite).

Rows are tuples of the named fields (attnames, e.g. "interview_id"); every other concrete field
of the model gets its default, computed once. A field without a usable default must be named."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

from leaver.core.encrypted_fields import ENCRYPTED

BATCH = 5000


def _defaults(model: type[models.Model], named: Sequence[str]
              ) -> tuple[list[models.Field[Any, Any]], tuple[Any, ...]]:
    """The model's other concrete fields and their (constant) defaults."""
    extra: list[models.Field[Any, Any]] = []
    values: list[Any] = []
    for field in model._meta.concrete_fields:
        if field.attname in named:
            continue
        if field.primary_key:
            raise ValueError(f"{model.__name__}: name the primary key")
        if field.has_default() and callable(field.default) and field.default not in (list, dict):
            raise ValueError(f"{model.__name__}.{field.attname} needs a value")
        value = field.get_default()  # "" for text, None for a nullable field
        if value is None and not field.null:
            raise ValueError(f"{model.__name__}.{field.attname} needs a value")
        values.append(value)
        extra.append(field)
    return extra, tuple(values)


def _field(model: type[models.Model], attname: str) -> models.Field[Any, Any]:
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field
    raise ValueError(f"{model.__name__} has no field {attname}")


def next_id(model: type[models.Model]) -> int:
    """The first free primary key (rows are loaded with explicit keys)."""
    found = model._default_manager.aggregate(top=models.Max("pk"))["top"]
    return int(found or 0) + 1


def insert(model: type[models.Model], named: Sequence[str], rows: Iterable[tuple[Any, ...]]
           ) -> int:
    """Load the rows; returns how many. The primary key must be among `named`."""
    extra, defaults = _defaults(model, named)
    fields = [_field(model, name) for name in named] + extra
    if fields and not any(f.primary_key for f in fields):
        raise ValueError(f"{model.__name__}: name the primary key")
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    json_at = [i for i, f in enumerate(fields) if isinstance(f, models.JSONField)]
    # Encrypted at rest as the app stores them (ADR 0027): free-text answers given as Sealed.
    sealed_at = [i for i, f in enumerate(fields) if isinstance(f, ENCRYPTED)]
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # psycopg's own cursor, for COPY
            with raw.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    full = row + defaults
                    if json_at or sealed_at:
                        listed = list(full)
                        for i in sealed_at:
                            listed[i] = fields[i].get_prep_value(listed[i])
                        for i in json_at:
                            listed[i] = json.dumps(listed[i])
                        full = tuple(listed)
                    copy.write_row(full)
                    count += 1
        else:
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
            iterator = iter(rows)
            while batch := list(islice(iterator, BATCH)):
                cursor.executemany(sql, [
                    [f.get_db_prep_save(v, connection) for f, v in
                     zip(fields, row + defaults, strict=True)] for row in batch])
                count += len(batch)
    return count


def reset_sequences(*loaded: type[models.Model]) -> None:
    """After loading explicit keys, PostgreSQL's sequences must move past them."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(loaded))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
