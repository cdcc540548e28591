#!/usr/bin/env bash
# Builds the app and runs the Playwright end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== next build"
npx next build >/tmp/prc-next-build.log 2>&1 || { cat /tmp/prc-next-build.log; exit 1; }
echo "== playwright (chromium)"
npx playwright test "$@"
