#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster, then always stops and deletes it.
#
#   scripts/with-postgres.sh COMMAND [ARG...]
#
# The cluster lives in a fresh temporary directory, listens on 127.0.0.1 only, on the first free
# port from 5433, with fsync off (tests only: nothing here needs to survive a crash). It has a
# role `leaver` (password `leaver`, CREATEDB so pytest-django can create its test database) and a
# database `leaver`. COMMAND runs with
#   DATABASE_URL=postgres://leaver:leaver@127.0.0.1:PORT/leaver
# and this script exits with COMMAND's status. As root the server runs as the `postgres` user.
set -euo pipefail

if (($# == 0)); then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

pgbin=${PGBIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x $pgbin/initdb ]]; then
    echo "PostgreSQL 15 is not installed ($pgbin/initdb is missing):" \
        "run scripts/system-packages.sh test as root." >&2
    exit 1
fi

if [[ $(id -u) == 0 ]]; then
    # The server runs as `postgres`, which must reach its directory: /tmp, whatever TMPDIR says.
    pgroot=$(mktemp -d /tmp/leaver-pg.XXXXXX)
    chown postgres:postgres "$pgroot"
    as_pg() { runuser -u postgres -- "$@"; }
else
    pgroot=$(mktemp -d "${TMPDIR:-/tmp}/leaver-pg.XXXXXX")
    as_pg() { "$@"; }
fi

started=
stop_cluster() {
    if [[ -n $started ]]; then
        as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pgroot"
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$pgbin/initdb" -D "$pgroot/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$pgroot/initdb.log" 2>&1 || { cat "$pgroot/initdb.log" >&2; exit 1; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port=${PGPORT_START:-5433}
for _ in $(seq 1 50); do
    if ! port_in_use "$port"; then
        # log_connections lets us show, afterwards, that the tests really talked to this server.
        if as_pg "$pgbin/pg_ctl" -D "$pgroot/data" -l "$pgroot/server.log" -w -t 60 -o \
            "-p $port -k $pgroot -c listen_addresses=127.0.0.1 -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c log_connections=on" \
            start >/dev/null; then
            started=yes
            break
        fi
        echo "PostgreSQL did not start on port $port; trying the next one." >&2
    fi
    port=$((port + 1))
done
if [[ -z $started ]]; then
    echo "Could not start PostgreSQL; its log:" >&2
    cat "$pgroot/server.log" >&2 || true
    exit 1
fi

"$pgbin/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres \
    -c "CREATE ROLE leaver LOGIN PASSWORD 'leaver' CREATEDB" \
    -c "CREATE DATABASE leaver OWNER leaver" >/dev/null
echo "Throwaway PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}')" \
    "on 127.0.0.1:$port (data in $pgroot, removed afterwards)"

set +e
DATABASE_URL="postgres://leaver:leaver@127.0.0.1:$port/leaver" "$@"
status=$?
set -e

connections=$(grep -c 'connection authorized: user=leaver' "$pgroot/server.log" || true)
echo "PostgreSQL on port $port served $connections connections for role leaver."
exit "$status"
