#!/usr/bin/env bash
# Run by the Maven build before the tests (exec-maven-plugin, phase generate-test-resources), so
# that `mvn -B verify` alone works on a fresh machine: the npm tools of the model checks and the
# browser test (versions fixed in their package-lock.json files), and Debian's Chromium for the
# browser test. Each step is skipped when it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

install_npm() { # $1: folder with package.json and package-lock.json
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$1" --no-audit --no-fund --loglevel=error
    touch "$1/node_modules"
  fi
}

install_npm tools/modelcheck
install_npm src/test/browser

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "prepare-test-tools: /usr/bin/chromium is missing; install Debian's chromium package for the browser test" >&2
  fi
fi
