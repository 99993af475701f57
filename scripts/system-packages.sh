#!/usr/bin/env bash
# Installs the Debian packages Leaver needs, and only those that are missing.
#
#   scripts/system-packages.sh run    what `make run` needs (Python venv, Pango and fonts for PDFs)
#   scripts/system-packages.sh test   the above, plus PostgreSQL 15 and Chromium for `make test`
#
# As root it runs `apt-get update` (at most once, and only when something is missing) and
# `apt-get install`. As anyone else it names the missing packages and stops. Set
# SKIP_SYSTEM_PACKAGES=1 to skip every check (e.g. on a machine that is not Debian).
set -euo pipefail

profile=${1:-run}
python=${PYTHON:-python3.11}

if [[ ${SKIP_SYSTEM_PACKAGES:-} == 1 ]]; then
    exit 0
fi

missing=()
need() {  # need PACKAGE PROBE...: PACKAGE is missing when the PROBE command fails
    local package=$1
    shift
    if ! "$@" >/dev/null 2>&1; then
        missing+=("$package")
    fi
}
has_library() {  # (no grep -q: with pipefail an early exit would make ldconfig fail on SIGPIPE)
    local ldconfig
    ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
    "$ldconfig" -p | grep -F "$1" >/dev/null
}
has_fonts() {
    [[ -n $(find /usr/share/fonts /usr/local/share/fonts -name '*.[ot]tf' -print -quit 2>/dev/null) ]]
}

# make run: a Python 3.11 that can make a venv, and WeasyPrint's Pango (+ a font to draw with).
need python3.11 command -v "$python"
if command -v "$python" >/dev/null 2>&1; then
    need python3.11-venv "$python" -c 'import ensurepip, venv'
fi
need libpango-1.0-0 has_library libpango-1.0.so.0
need libpangoft2-1.0-0 has_library libpangoft2-1.0.so.0
need fonts-dejavu-core has_fonts

case $profile in
    run) ;;
    test)
        # The suite runs a second time on a throwaway PostgreSQL 15 cluster (scripts/with-postgres.sh)
        need postgresql-15 test -x /usr/lib/postgresql/15/bin/initdb
        need postgresql-client-15 test -x /usr/lib/postgresql/15/bin/psql
        # Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
        need chromium test -x /usr/bin/chromium
        need fonts-liberation test -d /usr/share/fonts/truetype/liberation
        ;;
    *)
        echo "usage: $0 run|test" >&2
        exit 2
        ;;
esac

if ((${#missing[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) != 0 ]]; then
    echo "Leaver needs these Debian packages, which are not installed: ${missing[*]}" >&2
    echo "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    echo "(or set SKIP_SYSTEM_PACKAGES=1 if you have provided them some other way)" >&2
    exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages (${missing[*]}) and no apt-get to install them." >&2
    exit 1
fi

echo "Installing missing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
