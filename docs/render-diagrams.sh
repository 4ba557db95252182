#!/usr/bin/env bash
# Renders every processes/*.bpmn and the decision requirements diagram of every
# dmn/*.dmn to docs/<name>.png (cropped, white margin, 1.5x scale), with bpmn-js /
# dmn-js in Debian's headless Chromium.
#
# usage (from the repository root):  docs/render-diagrams.sh [file.bpmn|file.dmn ...]
#   without arguments: all processes/*.bpmn and dmn/*.dmn
#
# The npm packages go into $RENDER_DIAGRAMS_DIR (default /tmp/render-diagrams), never
# into the repository. Chromium is taken from /usr/bin/chromium (apt-get installed
# when missing); no browser is downloaded by npm. Environment knobs:
#   RENDER_DIAGRAMS_DIR  npm work directory          (default /tmp/render-diagrams)
#   RENDER_SCALE         pixels per diagram pixel    (default 1.5)
#   RENDER_MARGIN        white margin, diagram px    (default 20)
#   CHROMIUM             browser executable          (default /usr/bin/chromium)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${RENDER_DIAGRAMS_DIR:-/tmp/render-diagrams}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

# pinned versions; change here to upgrade
DEPS='"bpmn-js": "18.31.1", "dmn-js": "17.10.2", "playwright-core": "1.65.1"'

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "render-diagrams: missing $*; install with: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "render-diagrams: apt-get install $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "$@" >&2
}

# 1. browser and a font metric-compatible with Arial (the font bpmn-js/dmn-js ask for)
if [ ! -x "$CHROMIUM" ]; then
  if [ "$CHROMIUM" = /usr/bin/chromium ]; then apt_install chromium fonts-liberation
  else echo "render-diagrams: $CHROMIUM not found" >&2; exit 1; fi
fi
if command -v fc-match >/dev/null && ! fc-match Arial | grep -qi liberation; then
  apt_install fonts-liberation
fi

# 2. npm packages, outside the repository
command -v node >/dev/null || { echo "render-diagrams: node is required" >&2; exit 1; }
mkdir -p "$WORK"
STAMP="$WORK/node_modules/.render-diagrams-deps"
if [ ! -f "$STAMP" ] || [ "$(cat "$STAMP")" != "$DEPS" ]; then
  echo "render-diagrams: npm install into $WORK" >&2
  printf '{ "name": "render-diagrams", "private": true, "dependencies": { %s } }\n' "$DEPS" > "$WORK/package.json"
  (cd "$WORK" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --ignore-scripts --loglevel=error >&2)
  printf '%s' "$DEPS" > "$STAMP"
fi

# 3. the diagrams
if [ "$#" -gt 0 ]; then
  files=("$@")
else
  shopt -s nullglob
  files=("$ROOT"/processes/*.bpmn "$ROOT"/dmn/*.dmn)
  shopt -u nullglob
fi
if [ "${#files[@]}" -eq 0 ]; then
  echo "render-diagrams: no .bpmn or .dmn files found" >&2
  exit 0
fi

# Playwright starts Chromium headless with a fresh temporary --user-data-dir;
# the other flags are set in render-diagrams.mjs.
exec node "$ROOT/docs/render-diagrams.mjs" "$WORK" "$ROOT/docs" "${files[@]}"
