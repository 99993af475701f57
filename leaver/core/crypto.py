"""Encryption at rest of what people said and wrote (ADR 0027): AES-256-GCM with keys from
the environment (FIELD_ENCRYPTION_KEYS, read by leaver.env.field_keys), each under an id.

A value is stored as a self-describing token, `enc:<key id>:<base64 of nonce + ciphertext>`,
so a reader knows which key opens it, and `manage.py rotate_keys` finds the rows still on an
old key. The first key of the list encrypts; every key listed decrypts. The key id is bound
to the ciphertext (GCM's associated data): a token whose id was altered does not open.

Nothing here logs: neither the text, nor a token, nor a key."""

from __future__ import annotations

import base64
import functools
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

PREFIX = "enc:"
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_ID_MAX = 16  # leaver.env._KEY_ID


class CannotDecrypt(Exception):
    """A stored value cannot be opened with the keys configured."""


class UnknownKey(CannotDecrypt):
    def __init__(self, key_id: str) -> None:
        super().__init__(
            f"A stored value is encrypted with the key {key_id!r}, which is not in "
            f"FIELD_ENCRYPTION_KEYS. Add that key back (after the active one) and run "
            f"`manage.py rotate_keys` to move everything to the active key.")
        self.key_id = key_id


class Undecryptable(CannotDecrypt):
    def __init__(self, key_id: str) -> None:
        super().__init__(
            f"A stored value does not decrypt with the key {key_id!r}: the key listed under "
            f"that id in FIELD_ENCRYPTION_KEYS is not the one it was encrypted with, or the "
            f"value was altered.")
        self.key_id = key_id


Keys = tuple[tuple[str, bytes], ...]


def keyring() -> Keys:
    found: Keys = settings.FIELD_ENCRYPTION_KEYS
    return found


def active_key_id() -> str:
    return keyring()[0][0]


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    return AESGCM(key)


def _key(key_id: str) -> bytes:
    for found_id, key in keyring():
        if found_id == key_id:
            return key
    raise UnknownKey(key_id)


def is_token(stored: str) -> bool:
    return stored.startswith(PREFIX) and stored.count(":") >= 2


def key_id_of(token: str) -> str:
    return token.split(":", 2)[1]


def encrypt(text: str) -> str:
    key_id, key = keyring()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(key).encrypt(nonce, text.encode("utf-8"), key_id.encode("ascii"))
    return f"{PREFIX}{key_id}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def decrypt(token: str) -> str:
    """The text of a token from `encrypt`, or UnknownKey / Undecryptable naming the key id."""
    _, key_id, encoded = token.split(":", 2)
    key = _key(key_id)
    try:
        raw = base64.b64decode(encoded, validate=True)
        opened = _cipher(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:],
                                      key_id.encode("ascii"))
    except (InvalidTag, ValueError):
        raise Undecryptable(key_id) from None
    return opened.decode("utf-8")


def sealed_length(characters: int) -> int:
    """The longest token for a text of at most `characters` characters (4 bytes each in
    UTF-8 at worst): what the database's length check allows an encrypted column."""
    raw = NONCE_BYTES + 4 * characters + TAG_BYTES
    return len(PREFIX) + KEY_ID_MAX + 1 + 4 * -(-raw // 3)
