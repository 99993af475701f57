#!/usr/bin/env bash
# Vendor GOV.UK Frontend and axe-core into the Leaver repository from the
# pinned npm packages in frontend/package-lock.json.
#
# Usage: frontend/build.sh   (runnable from any working directory)
#
# Outputs (committed to the repository):
#   leaver/static/govuk/leaver.min.css            compiled from frontend/leaver.scss
#   leaver/static/govuk/govuk-frontend.min.js(.map)
#   leaver/static/govuk/assets/images/*, assets/manifest.json
#   leaver/static/govuk/VERSION
#   tests/browser/vendor/axe.min.js
# The GDS Transport fonts are deliberately NOT copied.
set -euo pipefail

FRONTEND_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd -- "$FRONTEND_DIR/.." && pwd)"
GOVUK_DIST="$FRONTEND_DIR/node_modules/govuk-frontend/dist/govuk"
STATIC_OUT="$REPO_ROOT/leaver/static/govuk"
AXE_OUT="$REPO_ROOT/tests/browser/vendor"

cd "$FRONTEND_DIR"

# Exact install from the lockfile. Optional deps (sass's file watcher, a
# native module) are only needed for `sass --watch`; install scripts are
# never needed.
npm ci --no-audit --no-fund --omit=optional --ignore-scripts

mkdir -p "$STATIC_OUT" "$AXE_OUT"

# CSS
./node_modules/.bin/sass \
  --load-path=node_modules \
  --style=compressed \
  --no-source-map \
  --quiet-deps \
  --silence-deprecation=import \
  leaver.scss "$STATIC_OUT/leaver.min.css"

# JavaScript (the .map is referenced by the .js; Django's
# ManifestStaticFilesStorage fails collectstatic if it is missing)
cp "$GOVUK_DIST/govuk-frontend.min.js" "$GOVUK_DIST/govuk-frontend.min.js.map" "$STATIC_OUT/"

# Images: only the crest, because the compiled CSS names it (footer copyright logo, which
# Leaver never uses). The GOV.UK favicons, icons and manifest are crown artwork for gov.uk
# services only, so they are not copied; Leaver has its own favicon (static/leaver/).
rm -rf "$STATIC_OUT/assets"
mkdir -p "$STATIC_OUT/assets/images"
cp "$GOVUK_DIST/assets/images/govuk-crest.svg" "$STATIC_OUT/assets/images/"

# axe-core for browser accessibility tests
cp "$FRONTEND_DIR/node_modules/axe-core/axe.min.js" "$AXE_OUT/axe.min.js"

pkg_version() {
  node -p "require('./node_modules/$1/package.json').version"
}
GOVUK_VERSION="$(pkg_version govuk-frontend)"
AXE_VERSION="$(pkg_version axe-core)"
SASS_VERSION="$(pkg_version sass)"

cat > "$STATIC_OUT/VERSION" <<VERSION_EOF
govuk-frontend ${GOVUK_VERSION}
axe-core ${AXE_VERSION}
sass ${SASS_VERSION}
Built by frontend/build.sh from frontend/package-lock.json.
leaver.min.css uses a system font stack (arial, sans-serif); GDS Transport is not included.
VERSION_EOF

# Sanity checks on the compiled CSS.
CSS="$STATIC_OUT/leaver.min.css"
if grep -qi 'GDS Transport' "$CSS"; then
  echo "error: $CSS mentions GDS Transport" >&2; exit 1
fi
if grep -qi '@font-face' "$CSS"; then
  echo "error: $CSS contains @font-face" >&2; exit 1
fi
if ! grep -q 'arial' "$CSS"; then
  echo "error: $CSS does not use arial" >&2; exit 1
fi
# Every url(...) must be a data: URI or exist under $STATIC_OUT.
missing=0
while IFS= read -r ref; do
  ref="${ref#url(}"; ref="${ref%)}"; ref="${ref//\"/}"; ref="${ref//\'/}"
  case "$ref" in
    data:*) continue ;;
  esac
  if [[ ! -f "$STATIC_OUT/$ref" ]]; then
    echo "error: $CSS references missing file: $ref" >&2
    missing=1
  fi
done < <(grep -o 'url([^)]*)' "$CSS" | sort -u)
if (( missing )); then exit 1; fi

echo "Built govuk-frontend ${GOVUK_VERSION}, axe-core ${AXE_VERSION} (sass ${SASS_VERSION})"
