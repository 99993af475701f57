# Leaver: the two commands.
#
#   make run    create .venv, install, migrate, load the demo, serve http://127.0.0.1:$(PORT)
#               with the background worker beside it (scripts/run.sh; Ctrl-C stops both)
#   make test   install what the checks need, then ruff, mypy, the import contracts, the module
#               size check, pytest on SQLite, pytest on PostgreSQL
#
# Other targets: lint (ruff + mypy), test-sqlite, test-postgres, system-packages, clean, bench
# (synthetic data on a throwaway PostgreSQL, timed against baselines: docs/performance.md), and
# serve: production (DEBUG off, gunicorn; docs/deploy.md), never part of `make run`.
# Debian packages (Pango for PDFs; PostgreSQL 15 and Chromium for tests) are installed by
# scripts/system-packages.sh when missing and running as root; otherwise it names them and stops.
# CI: .ci/run sets CI=true and runs `make test`; CI passes through to pytest, where conftest.py
# turns any skipped test into a failure.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# Steps depend on each other's side effects (system packages before the venv, etc.).
.NOTPARALLEL:

PYTHON ?= python3.11
PORT ?= 8000
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

# Settings need SECRET_KEY unless DEBUG is on; every command here is development or testing.
export DEBUG := true
export PYTHON VENV

# Browser tests (marker `browser`: Playwright driving Chromium against live_server, with axe-core)
# run once, on PostgreSQL, the production database; the SQLite suite runs everything else. The
# pages they check do not depend on the database engine, and each Chromium test costs seconds on
# two cores. Set PYTEST_SQLITE_MARKERS= (empty) to run them on SQLite as well.
export PYTEST_SQLITE_MARKERS ?= not browser
export PYTEST_POSTGRES_MARKERS ?=

# Each pytest suite runs on this many pytest-xdist workers: auto (one per CPU), a number, or 0
# for one process without xdist (scripts/checks.sh).
export PYTEST_WORKERS ?= auto

# pip on this kind of machine prints a "Location … is ignored" warning per package: drop them,
# keeping pip's exit status (pipefail; grep's own "nothing left" status is ignored).
PIP_INSTALL := $(BIN)/python -m pip install -q --disable-pip-version-check
DROP_PIP_NOISE := 2>&1 | { grep --line-buffered -v -E "^WARNING: Location '[^']*' is ignored" || true; }

# Stamps inside .venv record when requirements were last installed: pip runs again only when a
# requirements file is newer than its stamp (or .venv was deleted).
RUN_STAMP := $(VENV)/.installed-requirements
DEV_STAMP := $(VENV)/.installed-requirements-dev

.PHONY: help run serve test lint test-sqlite test-postgres system-packages system-packages-test \
	install install-dev clean bench

help:
	@echo "make run      serve the demo on http://127.0.0.1:$(PORT) (SQLite, data kept between runs)"
	@echo "make test     ruff, mypy, then pytest on SQLite and on a throwaway PostgreSQL"
	@echo "make lint     ruff, mypy, the import contracts and the module size check"
	@echo "make test-sqlite / make test-postgres   one pytest suite (PYTEST_ARGS=... to narrow;"
	@echo "              PYTEST_WORKERS=0 for one process, default auto: one per CPU)"
	@echo "make bench    performance against baselines on synthetic data (docs/performance.md;"
	@echo "              BENCH_SCALE=10k|100k|1M, BENCH_ARGS=--full ...); writes bench/results.json"
	@echo "make clean    remove db.sqlite3 and caches (keeps .venv; rm -rf .venv to rebuild it)"
	@echo "make serve    production: DEBUG off, needs the variables in docs/deploy.md; migrate,"
	@echo "              collectstatic, then gunicorn"

system-packages:
	@bash scripts/system-packages.sh run

system-packages-test:
	@bash scripts/system-packages.sh test

$(BIN)/python:
	@echo "Creating $(VENV) with $(PYTHON)"
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }

$(RUN_STAMP): requirements.txt | $(BIN)/python
	@echo "Installing requirements.txt into $(VENV)"
	@$(PIP_INSTALL) -r requirements.txt $(DROP_PIP_NOISE)
	@touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	@echo "Installing requirements-dev.txt into $(VENV)"
	@$(PIP_INSTALL) -r requirements-dev.txt $(DROP_PIP_NOISE)
	@touch $@ $(RUN_STAMP)

install: system-packages $(RUN_STAMP)

install-dev: system-packages $(DEV_STAMP)

run: install
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	@echo "Leaver: http://127.0.0.1:$(PORT)/  (demo password: leaver-demo-2026; Ctrl-C stops)"
	@echo "Two-factor sign-in is off for this local demo (TWO_FACTOR_REQUIRED=false)."
	@echo "The background worker (emails, reminders) runs beside the server; emails are printed here."
	TWO_FACTOR_REQUIRED=false PORT=$(PORT) exec bash scripts/run.sh

# Production (docs/deploy.md): scripts/serve.sh turns DEBUG off (whatever this file exports),
# names any missing production variable, runs `check --deploy`, migrate and collectstatic, then
# gunicorn with leaver/gunicorn_config.py.
serve: install
	@bash scripts/serve.sh

# Each phase is timed; a failing phase does not stop the later ones, the exit status does.
test: system-packages-test install-dev
	@bash scripts/checks.sh ruff mypy imports sizes sqlite postgres

lint: install-dev
	@bash scripts/checks.sh ruff mypy imports sizes

test-sqlite: system-packages-test install-dev
	@bash scripts/checks.sh sqlite

test-postgres: system-packages-test install-dev
	@bash scripts/checks.sh postgres

# The bench (docs/performance.md): a throwaway PostgreSQL, N synthetic interviews (BENCH_SCALE,
# default 100k), the report, the pages on gunicorn and the answers export, each timed against a
# baseline; prints a table and writes bench/results.json. Timing never fails the build.
export BENCH_SCALE ?= 100k
BENCH_ARGS ?=
bench: system-packages-test install-dev
	@bash scripts/with-postgres.sh $(BIN)/python -m bench.run $(BENCH_ARGS)

# Keeps .venv (slow to rebuild); removes the demo database and tool caches.
clean:
	rm -rf db.sqlite3 db.sqlite3-journal staticfiles test-results \
		.pytest_cache .mypy_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -path ./frontend/node_modules -prune \
		-o -name __pycache__ -type d -prune -exec rm -rf {} +
