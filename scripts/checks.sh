#!/usr/bin/env bash
# Runs Leaver's checks, each as a timed phase, and carries on past a failing phase so one run
# shows everything; exits non-zero if any phase failed. `make lint` / `make test` call this.
#
#   scripts/checks.sh PHASE...     PHASE is one of: ruff mypy imports sizes sqlite postgres
#
#   ruff      ruff check .
#   mypy      mypy leaver bench (strict; configuration in pyproject.toml)
#   imports   lint-imports: the layers between packages, independent pathways, no cycles
#             (contracts in .importlinter; ADR 0009)
#   sizes     no Python module over 400 lines (scripts/module-sizes.sh)
#   sqlite    pytest on SQLite, markers from PYTEST_SQLITE_MARKERS (see the Makefile)
#   postgres  pytest on a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh), markers
#             from PYTEST_POSTGRES_MARKERS (empty: every test)
#
# PYTEST_ARGS adds arguments to both pytest runs (e.g. PYTEST_ARGS="-x -k consent").
# PYTEST_WORKERS is how many pytest-xdist worker processes each suite runs on: `auto` (the
# default: one per CPU), a number, or 0 for a single process without xdist. Each worker has its
# own test database (pytest-django: test_leaver_gw0, test_leaver_gw1, …; SQLite: one in memory
# per worker) and its own live_server; --dist loadgroup keeps each of the two browser groups
# on one worker (tests/browser/conftest.py). The JUnit XML is written once, by the controller, for every test.
# pytest's exit status 5 ("no tests collected") counts as a failure. The last line totals the
# tests of both suites.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
venv=${VENV:-.venv}
bin=$venv/bin
# Settings refuse to start without SECRET_KEY unless DEBUG is on; tests and mypy's Django
# plugin load the settings, so they run in development mode.
export DEBUG=true
# Playwright's sync API runs an event loop in the test thread; live_server tests touch the
# database from that thread.
export DJANGO_ALLOW_ASYNC_UNSAFE=true
export PYTEST_WORKERS=${PYTEST_WORKERS:-auto}

if (($# == 0)); then
    set -- ruff mypy imports sizes sqlite postgres
fi

names=()
results=()
durations=()
details=()

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Prints "passed failed skipped" from a pytest JUnit XML report.
junit_counts() {
    "$bin/python" - "$1" <<'EOF'
import sys
import xml.etree.ElementTree as ET

root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
total = sum(int(s.get("tests", 0)) for s in suites)
failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(total - failed - skipped, failed, skipped)
EOF
}

# Prints which database Django is configured with, so the log shows what each suite ran on.
show_database() {
    DJANGO_SETTINGS_MODULE=leaver.settings "$bin/python" -c '
import os
import django
from django.db import connection
django.setup()
test_name = connection.settings_dict["TEST"].get("NAME") or "(default)"
if os.environ["PYTEST_WORKERS"] != "0" and test_name != "(default)":
    test_name += "_gw0, _gw1, … (one per pytest-xdist worker)"
print("database:", connection.vendor, "- test database:", test_name)
'
}

# run_pytest SUITE MARKERS: runs pytest, returns its status (5 becomes a failure, with a message).
run_pytest() {
    local suite=$1 markers=$2 status
    local -a args=()
    [[ -n $markers ]] && args+=(-m "$markers")
    # Before PYTEST_ARGS, so that PYTEST_ARGS="-n 0" (say) still wins.
    args+=(-n "$PYTEST_WORKERS" --dist loadgroup)
    # shellcheck disable=SC2206  # PYTEST_ARGS is split into words on purpose
    args+=(${PYTEST_ARGS:-})
    show_database
    set +e
    "$bin/pytest" -p no:cacheprovider --junitxml="$reports/$suite.xml" "${args[@]}"
    status=$?
    set -e
    if ((status == 5)); then
        echo "ERROR: pytest collected no tests for the $suite suite${markers:+ (-m \"$markers\")}." \
            "A suite that runs nothing is a failure, not a pass." >&2
        return 1
    fi
    return "$status"
}

phase_ruff() { "$bin/ruff" check .; }
phase_mypy() { "$bin/mypy" leaver bench; }
phase_imports() { "$bin/lint-imports" --no-cache; }
phase_sizes() { bash "$here/module-sizes.sh"; }
phase_sqlite() {
    # Whatever DATABASE_URL the caller has, this suite is the SQLite one.
    unset DATABASE_URL
    run_pytest sqlite "${PYTEST_SQLITE_MARKERS-not browser}"
}
phase_postgres() {
    bash "$here/with-postgres.sh" \
        bash "$here/checks.sh" --pytest-suite postgres "${PYTEST_POSTGRES_MARKERS-}"
}

# Re-entry point for with-postgres.sh, which runs the suite with DATABASE_URL set.
if [[ ${1:-} == --pytest-suite ]]; then
    reports=${LEAVER_CHECKS_REPORTS:?}
    run_pytest "$2" "${3:-}"
    exit
fi

reports=$(mktemp -d "${TMPDIR:-/tmp}/leaver-checks.XXXXXX")
export LEAVER_CHECKS_REPORTS=$reports
trap 'rm -rf "$reports"' EXIT

for phase in "$@"; do
    if ! declare -F "phase_$phase" >/dev/null; then
        echo "unknown phase: $phase (ruff, mypy, imports, sizes, sqlite, postgres)" >&2
        exit 2
    fi
done

for phase in "$@"; do
    echo
    echo "==> $phase"
    start=$(now)
    if ( "phase_$phase" ); then result=passed; else result=FAILED; fi
    names+=("$phase")
    results+=("$result")
    durations+=("$(elapsed "$start" "$(now)")")
    detail=""
    if [[ -s $reports/$phase.xml ]]; then
        read -r passed failed skipped < <(junit_counts "$reports/$phase.xml")
        detail="$passed passed, $failed failed, $skipped skipped"
    fi
    details+=("$detail")
done

echo
echo "==> summary"
status=0
total_passed=0 total_failed=0 total_skipped=0 ran_pytest=
for i in "${!names[@]}"; do
    printf '  %-9s %-7s %7ss  %s\n' "${names[$i]}" "${results[$i]}" "${durations[$i]}" \
        "${details[$i]}"
    [[ ${results[$i]} == passed ]] || status=1
done
for suite in sqlite postgres; do
    if [[ -s $reports/$suite.xml ]]; then
        ran_pytest=yes
        read -r passed failed skipped < <(junit_counts "$reports/$suite.xml")
        total_passed=$((total_passed + passed))
        total_failed=$((total_failed + failed))
        total_skipped=$((total_skipped + skipped))
    fi
done
if [[ -n $ran_pytest ]]; then
    echo "tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
fi
if ((status != 0)); then
    echo "Some checks FAILED (see above)." >&2
fi
exit "$status"
