#!/usr/bin/env bash
# Fails when a Python module tracked by git is longer than the limit (default 400 lines):
# application code and tests alike. Migrations are generated, and so are excepted.
#
#   scripts/module-sizes.sh [LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-400}
too_long=$(git ls-files -- '*.py' ':!:**/migrations/*.py' | xargs -r wc -l \
    | awk -v limit="$limit" '$2 != "total" && $1 > limit { print "  " $2 " (" $1 " lines)" }')
if [[ -n $too_long ]]; then
    echo "Modules over $limit lines (split them by what they hold):" >&2
    echo "$too_long" >&2
    exit 1
fi
echo "Every module is at most $limit lines."
