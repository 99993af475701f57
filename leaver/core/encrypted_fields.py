"""Model fields whose values are encrypted at rest (leaver.core.crypto, ADR 0027). The model
hands out plaintext; the database holds `enc:<key id>:…` tokens.

- `EncryptedTextField`: every non-empty value (notes, concern words, letters). Empty stays
  empty, so "is there a note" is still a plain query. Searching inside it in SQL is not
  possible: read the rows and look in memory.
- `SealableTextField`: a column where only some values are secret (an answer: free text is,
  a choice code, number or date is not, so reports still count them in SQL). A value is
  encrypted when it is `Sealed` (a str), as leaver.cases.answers makes free-text answers; a
  value read back from a token is `Sealed` again, so saving it keeps it encrypted.
- `EncryptedJSONField`: the whole document (a record version's content) as one token.

A value that is not a token reads as it is: rows written before encryption, until the
migration (or `manage.py rotate_keys`) encrypts them."""

from __future__ import annotations

import json
from typing import Any

from django.db import models

from leaver.core import crypto


class Sealed(str):
    """Text to be stored encrypted in a `SealableTextField`."""

    __slots__ = ()


def _open(value: Any) -> Any:
    if isinstance(value, str) and crypto.is_token(value):
        return Sealed(crypto.decrypt(value))
    return value


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    description = "Text encrypted at rest"
    # SQL sees ciphertext: `contains`, `startswith` and the like would silently match nothing,
    # so they are refused (FieldError). `= ""` and `IS NULL` still work.
    LOOKUPS = frozenset({"exact", "isnull", "in"})

    def get_lookup(self, lookup_name: str) -> Any:
        return super().get_lookup(lookup_name) if lookup_name in self.LOOKUPS else None

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        opened = _open(value)
        return str(opened) if isinstance(opened, Sealed) else opened

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(str(value))


class SealableTextField(models.TextField):  # type: ignore[type-arg]
    description = "Text, encrypted at rest when it is free text"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        return _open(value)

    def get_prep_value(self, value: Any) -> Any:
        if isinstance(value, Sealed) and value != "":
            return crypto.encrypt(str(value))
        return super().get_prep_value(value)


class EncryptedJSONField(models.JSONField):
    """A JSON document stored as one JSON string: its encrypted serialisation."""

    description = "A JSON document encrypted at rest"

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        found = super().from_db_value(value, expression, connection)
        if isinstance(found, str) and crypto.is_token(found):
            return json.loads(crypto.decrypt(found))
        return found

    def get_prep_value(self, value: Any) -> Any:
        if value is None:
            return None
        return crypto.encrypt(json.dumps(value, cls=self.encoder, ensure_ascii=False))


ENCRYPTED = (EncryptedTextField, SealableTextField, EncryptedJSONField)
