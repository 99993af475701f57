"""Reading settings from the environment, loudly.

A missing or malformed value stops start-up with a message that names the variable, so a
mis-deployed server never runs with a half-understood configuration.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import re
import uuid
from urllib.parse import unquote, urlsplit

_KEY_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")


class ConfigurationError(Exception):
    """A setting in the environment is missing or malformed."""


def text(name: str, default: str | None = None) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ConfigurationError(f"{name} must be set in the environment.")
        return default
    return value


def boolean(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}.")


def integer(name: str, default: int, *, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}.") from None
    if number < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {number}.")
    return number


def csv_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [part.strip() for part in value.split(",") if part.strip()]


def networks(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Comma-separated IP addresses and CIDR networks, e.g. `10.0.0.5, 192.168.0.0/24`. A
    network with host bits set (`10.0.0.5/24`) is refused: it is usually a typing mistake."""
    found = []
    for part in csv_list(name, []):
        try:
            found.append(ipaddress.ip_network(part, strict=True))
        except ValueError:
            raise ConfigurationError(
                f"{name} must list IP addresses or networks separated by commas "
                f"(for example 10.0.0.5, 10.0.0.0/24), not {part!r}."
            ) from None
    return tuple(found)


def database(name: str, default: str) -> dict[str, object]:
    """Parse DATABASE_URL: sqlite:///path/to.db or postgres://user:pass@host:port/db."""
    url = text(name, default)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        # sqlite:///relative.db or sqlite:////absolute/path.db
        path = unquote(url[len("sqlite:///"):]) if url.startswith("sqlite:///") else ""
        if not path:
            raise ConfigurationError(f"{name} must name a file, e.g. sqlite:///db.sqlite3.")
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path}
    if parts.scheme in {"postgres", "postgresql"}:
        db_name = unquote(parts.path.lstrip("/"))
        if not db_name or not parts.hostname:
            raise ConfigurationError(
                f"{name} must look like postgres://user:password@host:5432/dbname."
            )
        try:
            port = parts.port
        except ValueError:
            raise ConfigurationError(f"{name} has a port that is not a number.") from None
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": db_name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname,
            "PORT": str(port or 5432),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ConfigurationError(
        f"{name} must start with sqlite:/// or postgres://, not {parts.scheme or url!r}."
    )


def choice(name: str, choices: tuple[str, ...], default: str) -> str:
    """One of a few words, e.g. EMAIL_PROVIDER=smtp|notify."""
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ConfigurationError(
            f"{name} must be one of {', '.join(choices)}, not {os.environ.get(name)!r}.")
    return value


def uuid_text(name: str) -> str:
    """A UUID such as a GOV.UK Notify template id (required)."""
    value = text(name).strip()
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a UUID like 8c3c4a2e-5b1f-4f0e-9a4e-0d2f7a1b3c4d, as GOV.UK Notify "
            "shows it.") from None


def notify_api_key(name: str) -> str:
    """A GOV.UK Notify API key: its name, then the service id and the secret (two UUIDs)."""
    value = text(name).strip()
    service_id, secret = value[-73:-37], value[-36:]
    try:
        uuid.UUID(service_id)
        uuid.UUID(secret)
    except ValueError:
        raise ConfigurationError(
            f"{name} must be a GOV.UK Notify API key: its name followed by two UUIDs "
            "(copy the whole key from Notify's API integration page).") from None
    if len(value) < 74 or value[-37] != "-":
        raise ConfigurationError(f"{name} must be a whole GOV.UK Notify API key, with its name.")
    return value


def field_keys(name: str, default: str | None = None) -> tuple[tuple[str, bytes], ...]:
    """Keys for encrypting fields at rest: `id:base64, id:base64, …`, each key 32 random bytes
    (AES-256) under a short id of letters, digits, `-` or `_`. The first encrypts; every one
    listed decrypts (leaver.core.crypto, ADR 0027)."""
    value = text(name, default)
    found: list[tuple[str, bytes]] = []
    for part in value.split(","):
        key_id, colon, encoded = part.strip().partition(":")
        if not colon or not _KEY_ID.fullmatch(key_id):
            raise ConfigurationError(
                f"{name} must list keys as id:base64 separated by commas, the id 1 to 16 "
                "letters, digits, - or _ (for example k1:…).")
        try:
            key = base64.b64decode(encoded.strip(), validate=True)
        except ValueError:
            raise ConfigurationError(
                f"{name} has a key {key_id!r} that is not base64.") from None
        if len(key) != 32:
            raise ConfigurationError(
                f"{name} has a key {key_id!r} of {len(key)} bytes; each must be 32 random "
                "bytes, base64-encoded (python -c \"import os, base64; "
                "print(base64.b64encode(os.urandom(32)).decode())\").")
        if key_id in dict(found):
            raise ConfigurationError(f"{name} lists the key id {key_id!r} twice.")
        found.append((key_id, key))
    return tuple(found)
