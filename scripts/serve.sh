#!/usr/bin/env bash
# `make serve`: Leaver in production (docs/deploy.md). With DEBUG off, it checks that the
# production environment variables are set (naming any that are missing) and that Django's
# deployment checks pass, applies migrations, collects the static files, then runs gunicorn in
# the foreground with leaver/gunicorn_config.py (BIND, WEB_CONCURRENCY, TRUSTED_PROXIES, …).
# Not part of `make run`, which serves the demo for development.
set -euo pipefail

cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
export DEBUG=false

required=(SECRET_KEY ALLOWED_HOSTS DATABASE_URL SITE_URL DEFAULT_FROM_EMAIL BEHIND_TLS_PROXY
          FIELD_ENCRYPTION_KEYS)
missing=()
for name in "${required[@]}"; do
    [[ -n ${!name:-} ]] || missing+=("$name")
done
if ((${#missing[@]})); then
    echo "make serve: these production environment variables are not set: ${missing[*]}" >&2
    echo "Each is described in docs/deploy.md (\"Environment variables\")." >&2
    exit 1
fi

"$bin/python" manage.py check --deploy --fail-level WARNING
"$bin/python" manage.py migrate --no-input
# Every stored value's key is in FIELD_ENCRYPTION_KEYS (leaver.cases.checks, ADR 0027).
"$bin/python" manage.py check --database default --fail-level ERROR
"$bin/python" manage.py collectstatic --no-input --verbosity 0
exec "$bin/gunicorn" --config python:leaver.gunicorn_config
