"""The settings for two-factor sign-in and the session lifetime come from the environment, and a
production server refuses to start with two-factor sign-in switched off."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHOW = ("import django; django.setup(); from django.conf import settings; "
        "print(settings.TWO_FACTOR_REQUIRED, settings.SESSION_ABSOLUTE_HOURS, "
        "settings.PASSWORD_RESET_TIMEOUT)")


def start(**variables: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {
        "DEBUG", "SECRET_KEY", "TWO_FACTOR_REQUIRED", "SESSION_ABSOLUTE_HOURS",
        "PASSWORD_RESET_MINUTES", "FIELD_ENCRYPTION_KEYS"}}
    # A production start needs an encryption key (leaver.env.field_keys); 32 bytes, base64.
    keys = {"FIELD_ENCRYPTION_KEYS": "k2:a2V5LXR3by1vZi10aGlydHktdHdvLWJ5dGVzLWxvbmc="}
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**environment, **keys, **variables, "DJANGO_SETTINGS_MODULE": "leaver.settings"},
        check=False)


def test_defaults_two_factor_on_twelve_hours_and_an_hour_for_reset_links():
    result = start(DEBUG="false", SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "12", "3600"]


def test_local_development_may_switch_two_factor_off():
    result = start(DEBUG="true", TWO_FACTOR_REQUIRED="false", SESSION_ABSOLUTE_HOURS="8",
                   PASSWORD_RESET_MINUTES="30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "8", "1800"]


def test_production_refuses_to_start_with_two_factor_off_naming_the_variable():
    result = start(DEBUG="false", SECRET_KEY="k" * 50, TWO_FACTOR_REQUIRED="false")
    assert result.returncode != 0
    assert "TWO_FACTOR_REQUIRED may be false only with DEBUG on" in result.stderr


def test_malformed_values_stop_start_up_naming_them():
    for variable, value, message in [
        ("TWO_FACTOR_REQUIRED", "sometimes", "TWO_FACTOR_REQUIRED must be true or false"),
        ("SESSION_ABSOLUTE_HOURS", "0", "SESSION_ABSOLUTE_HOURS must be at least 1"),
        ("SESSION_ABSOLUTE_HOURS", "half a day", "SESSION_ABSOLUTE_HOURS must be a whole"),
        ("PASSWORD_RESET_MINUTES", "1", "PASSWORD_RESET_MINUTES must be at least 5"),
    ]:
        result = start(DEBUG="true", **{variable: value})
        assert result.returncode != 0, variable
        assert message in result.stderr, variable


def test_make_run_switches_two_factor_off_for_the_local_demo():
    makefile = (ROOT / "Makefile").read_text()
    assert "TWO_FACTOR_REQUIRED=false PORT=$(PORT) exec bash scripts/run.sh" in makefile
    assert "manage.py runserver" in (ROOT / "scripts" / "run.sh").read_text()
