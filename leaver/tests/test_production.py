"""Serving in production: Django's deployment checks pass with the documented environment
(docs/deploy.md) and fail without TLS; `make serve` names what is missing; gunicorn starts with
leaver/gunicorn_config.py and answers /healthz."""

from __future__ import annotations

import http.client
import importlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leaver import env
from leaver.testing import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
HOST = "leaver.example.org"
# Variables of the test run that must not leak into the production processes started here.
OURS = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BEHIND_TLS_PROXY",
        "SECURE_COOKIES", "TRUSTED_PROXIES", "SITE_URL", "DEFAULT_FROM_EMAIL", "BIND",
        "WEB_CONCURRENCY", "WEB_TIMEOUT", "CSRF_TRUSTED_ORIGINS", "EMAIL_BACKEND",
        "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "FIELD_ENCRYPTION_KEYS"}


def production(tmp_path: Path, **changes: str) -> dict[str, str]:
    """The production environment docs/deploy.md lists (SQLite here, so nothing needs a server;
    the checks do not open the database)."""
    environment = {k: v for k, v in os.environ.items() if k not in OURS}
    environment.update({
        "DEBUG": "false",
        "SECRET_KEY": "a-production-key-of-more-than-fifty-characters-0123456789",
        "FIELD_ENCRYPTION_KEYS": "k2:a2V5LXR3by1vZi10aGlydHktdHdvLWJ5dGVzLWxvbmc=,"
                                 "k1:a2V5LW9uZS1vZi10aGlydHktdHdvLWJ5dGVzLWxvbmc=",
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'leaver.sqlite3'}",
        "SITE_URL": f"https://{HOST}",
        "DEFAULT_FROM_EMAIL": f"Leaver <no-reply@{HOST}>",
        "BEHIND_TLS_PROXY": "true",
        "TRUSTED_PROXIES": "127.0.0.1",
    })
    environment.update(changes)
    return {k: v for k, v in environment.items() if v != ""}


def check_deploy(environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False)


def test_check_deploy_passes_with_the_production_environment(tmp_path):
    result = check_deploy(production(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(("changes", "warnings"), [
    # Without the TLS proxy: no HTTPS redirect, no HSTS.
    ({"BEHIND_TLS_PROXY": "false"}, ["security.W004", "security.W008"]),
    # Cookies sent over plain HTTP.
    ({"SECURE_COOKIES": "false"}, ["security.W012", "security.W016"]),
    ({"DEBUG": "true"}, ["security.W018"]),
])
def test_check_deploy_fails_without_what_production_needs(tmp_path, changes, warnings):
    result = check_deploy(production(tmp_path, **changes))
    assert result.returncode != 0
    for warning in warnings:
        assert warning in result.stderr


@pytest.mark.parametrize("value", ["", "k1:not-a-key", "k1:c2hvcnQ="])
def test_start_up_stops_without_the_encryption_keys_naming_them(tmp_path, value):
    """DEBUG off: no development key; a missing or malformed FIELD_ENCRYPTION_KEYS stops
    every command (ADR 0027)."""
    result = check_deploy(production(tmp_path, FIELD_ENCRYPTION_KEYS=value))
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
    assert "a2V5" not in result.stderr  # never a key in the message


def test_make_serve_names_the_missing_variables(tmp_path):
    environment = production(tmp_path, SECRET_KEY="", SITE_URL="", FIELD_ENCRYPTION_KEYS="")
    result = subprocess.run([str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=environment,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "not set: SECRET_KEY SITE_URL FIELD_ENCRYPTION_KEYS" in result.stderr
    assert not (tmp_path / "leaver.sqlite3").exists()  # stopped before migrating anything


def _get(port: int, path: str, **headers: str) -> tuple[http.client.HTTPResponse, bytes]:
    # Generous: a loaded 2-core machine takes seconds for a worker's first request (it
    # imports the app); this is a wait for an answer, not a timing assertion.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    return response, response.read()


def test_gunicorn_serves_healthz_with_production_settings(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "python:leaver.gunicorn_config"], cwd=ROOT,
        env=production(tmp_path, BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1"),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health, body = _get(port, "/healthz?probe=secret-value")
                break
            except ConnectionError:
                assert server.poll() is None, "gunicorn stopped"
                assert time.monotonic() < deadline, "gunicorn did not answer within 30 s"
                time.sleep(0.1)
        # /healthz answers over plain HTTP (a load balancer's check); pages go to HTTPS unless
        # the trusted proxy says the client used it.
        assert health.status == 200
        assert json.loads(body) == {"status": "ok", "database": "ok"}
        plain, _ = _get(port, "/accounts/login/")
        assert plain.status == 301
        assert plain.getheader("Location") == f"https://{HOST}/accounts/login/"
        secure, page = _get(port, "/accounts/login/", **{"X-Forwarded-Proto": "https"})
        assert secure.status == 200
        assert "includeSubDomains" in (secure.getheader("Strict-Transport-Security") or "")
        assert b"Sign in to Leaver" in page
        # An emailed link's secret stays out of the access log.
        _get(port, "/invitation/link-secret-123/", **{"X-Forwarded-Proto": "https"})
        _get(port, "/accounts/password/reset/MQ/reset-secret-456/",
             **{"X-Forwarded-Proto": "https"})
    finally:
        server.terminate()
        log, _ = server.communicate(timeout=30)
    assert '"GET /healthz HTTP/1.1" 200' in log, log
    assert "secret-value" not in log  # the access log leaves out query strings
    # (Django's own error log names the path of a failed request; the access log must not.)
    assert '"GET /invitation/link-secret-123/' not in log
    assert '"GET /accounts/password/reset/MQ/reset-secret-456/' not in log
    assert '"GET /invitation/[hidden]/ HTTP/1.1"' in log, log


def load_config(monkeypatch, **variables: str):
    for name in ("BIND", "WEB_CONCURRENCY", "WEB_TIMEOUT", "TRUSTED_PROXIES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    import leaver.gunicorn_config as config
    return importlib.reload(config)


def test_gunicorn_config_comes_from_the_environment(monkeypatch):
    config = load_config(monkeypatch, BIND="0.0.0.0:9000", WEB_CONCURRENCY="3",
                         TRUSTED_PROXIES="10.0.0.5, 192.168.0.0/16")
    assert config.bind == ["0.0.0.0:9000"]
    assert config.workers == 3
    assert config.forwarded_allow_ips == "10.0.0.5/32,192.168.0.0/16"
    assert "%(q)s" not in config.access_log_format  # no query strings
    assert "%(r)s" not in config.access_log_format  # (the request line holds them too)
    assert "%(f)s" not in config.access_log_format  # nor referrers, which can hold them


@pytest.mark.parametrize(("path", "logged"), [
    ("/invitation/abc-DEF_123/", "/invitation/[hidden]/"),
    ("/invitation/set-password/", "/invitation/set-password/"),
    ("/accounts/password/reset/MQ/c9x-0a1b2c/", "/accounts/password/reset/MQ/[hidden]/"),
    ("/accounts/password/reset/MQ/set-password/", "/accounts/password/reset/MQ/set-password/"),
    ("/accounts/password/reset/sent/", "/accounts/password/reset/sent/"),
    ("/work/", "/work/"),
])
def test_the_access_log_leaves_out_the_secret_of_emailed_links(path, logged):
    # The one function both gunicorn's access log and the console log filter write paths with.
    from leaver.core.link_tokens import hide_link_tokens
    assert hide_link_tokens(path) == logged


def test_gunicorn_workers_default_to_twice_the_cores_plus_one_capped(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert load_config(monkeypatch).workers == 5
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    config = load_config(monkeypatch)
    assert config.workers == config.MAX_DEFAULT_WORKERS
    assert config.forwarded_allow_ips == ""  # no proxy trusted unless configured


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("WEB_CONCURRENCY", "lots", "WEB_CONCURRENCY must be a whole number"),
    ("WEB_CONCURRENCY", "0", "WEB_CONCURRENCY must be at least 1"),
    ("TRUSTED_PROXIES", "proxy.example", "TRUSTED_PROXIES must list IP addresses"),
])
def test_a_malformed_gunicorn_setting_stops_start_up_naming_it(monkeypatch, variable, value,
                                                                 message):
    with pytest.raises(env.ConfigurationError, match=message):
        load_config(monkeypatch, **{variable: value})


def test_every_environment_variable_is_documented_for_deployment():
    """docs/deploy.md lists every variable the settings and the gunicorn config read: a new
    setting without a line there fails here."""
    read = set()
    for module in ("leaver/settings.py", "leaver/gunicorn_config.py"):
        source = (ROOT / module).read_text(encoding="utf-8")
        read |= set(re.findall(r'env\.\w+\(\s*"([A-Z][A-Z0-9_]*)"', source))
    assert {"SECRET_KEY", "DATABASE_URL", "TRUSTED_PROXIES", "WEB_CONCURRENCY"} <= read
    guide = (ROOT / "docs" / "deploy.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)` \|", guide, flags=re.MULTILINE))
    assert sorted(read - documented) == []
