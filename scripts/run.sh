#!/usr/bin/env bash
# `make run`'s last step: Django's development server and the background worker side by side
# (the worker sends the outbox's emails and runs the periodic scan; ADR 0015).
#
#   scripts/run.sh        PORT (default 8000), VENV (default .venv)
#
# Ctrl-C stops both: the server gets it from the terminal; when it has stopped, the EXIT trap
# sends SIGTERM to the worker, which finishes its current task and stops (SIGKILL after 10 s).
# If the worker stops on its own, the server keeps serving and says so in the log above.
set -euo pipefail

cd "$(dirname "$0")/.."
python=${VENV:-.venv}/bin/python
port=${PORT:-8000}

"$python" manage.py run_worker --no-startup-delay &
worker=$!

stop_worker() {
    if kill -0 "$worker" 2>/dev/null; then
        kill -TERM "$worker" 2>/dev/null || true
        # It finishes the task in hand; if that takes more than 10 s, it is stopped outright
        # (every task can be run again: the outbox's leases and the jobs' dedupe keys).
        for _ in $(seq 50); do
            kill -0 "$worker" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$worker" 2>/dev/null || true
    fi
    wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT

"$python" manage.py runserver "127.0.0.1:$port"
