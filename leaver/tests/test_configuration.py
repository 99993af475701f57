"""Settings come from the environment; a missing or malformed one stops start-up, naming it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from leaver import env

ROOT = Path(__file__).resolve().parents[2]


def start_django(**variables: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL", "SESSION_IDLE_MINUTES",
                                "FIELD_ENCRYPTION_KEYS"}}
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT, env={**environment, "DJANGO_SETTINGS_MODULE": "leaver.settings"},
        capture_output=True, text=True, timeout=60, check=False,
    )


def test_starts_in_development_without_any_setting():
    result = start_django(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_missing_secret_key_in_production_stops_start_up_naming_it():
    result = start_django(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_short_secret_key_in_production_is_refused():
    result = start_django(DEBUG="false", SECRET_KEY="short")
    assert result.returncode != 0
    assert "SECRET_KEY must be at least 32 characters" in result.stderr


KEYS = "k1:a2V5LW9uZS1vZi10aGlydHktdHdvLWJ5dGVzLWxvbmc="  # 32 bytes


def test_production_starts_with_a_proper_key():
    result = start_django(DEBUG="false", SECRET_KEY="k" * 50, FIELD_ENCRYPTION_KEYS=KEYS)
    assert result.returncode == 0, result.stderr


def test_missing_encryption_keys_in_production_stop_start_up_naming_them():
    """No development key with DEBUG off (ADR 0027)."""
    result = start_django(DEBUG="false", SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS must be set" in result.stderr


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("DEBUG", "maybe", "DEBUG must be true or false"),
    ("DATABASE_URL", "mysql://db/leaver", "DATABASE_URL must start with sqlite:/// or postgres"),
    ("DATABASE_URL", "postgres://u:p@host:notaport/leaver", "DATABASE_URL has a port"),
    ("DATABASE_URL", "postgres://u:p@host:5432/", "DATABASE_URL must look like postgres://"),
    ("SESSION_IDLE_MINUTES", "half an hour", "SESSION_IDLE_MINUTES must be a whole number"),
    ("SESSION_IDLE_MINUTES", "0", "SESSION_IDLE_MINUTES must be at least 1"),
    ("EMAIL_PORT", "smtp", "EMAIL_PORT must be a whole number"),
])
def test_malformed_setting_stops_start_up_naming_it(variable, value, message):
    result = start_django(**{"DEBUG": "true", variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_database_url_parsing(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://leaver:s%40cret@127.0.0.1:5433/leaver")
    parsed = env.database("DATABASE_URL", "sqlite:///x.db")
    assert parsed["ENGINE"] == "django.db.backends.postgresql"
    assert (parsed["USER"], parsed["PASSWORD"], parsed["HOST"], parsed["PORT"], parsed["NAME"]) \
        == ("leaver", "s@cret", "127.0.0.1", "5433", "leaver")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////var/lib/leaver/db.sqlite3")
    assert env.database("DATABASE_URL", "")["NAME"] == "/var/lib/leaver/db.sqlite3"


def test_session_idle_minutes_sets_the_cookie_age():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         "print(settings.SESSION_COOKIE_AGE, settings.SESSION_SAVE_EVERY_REQUEST)"],
        cwd=ROOT, env={**os.environ, "DEBUG": "true", "SESSION_IDLE_MINUTES": "12",
                       "DJANGO_SETTINGS_MODULE": "leaver.settings"},
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.stdout.split() == ["720", "False"], result.stderr


def test_behind_a_tls_proxy_hsts_covers_subdomains():
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY"}}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS)"],
        cwd=ROOT, env={**environment, "DJANGO_SETTINGS_MODULE": "leaver.settings",
                       "DEBUG": "true", "BEHIND_TLS_PROXY": "true"},
        capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["31536000", "True"]
