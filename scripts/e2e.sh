#!/usr/bin/env bash
# Builds the app and runs the Playwright end-to-end tests in Debian's Chromium: the suite on
# SQLite (playwright.config.ts), then two servers on one PostgreSQL database
# (playwright.postgres.config.ts). Arguments go to the SQLite suite alone; `--postgres` first
# runs the PostgreSQL suite alone, with the arguments after it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
echo "== next build"
npx next build >/tmp/prc-next-build.log 2>&1 || { cat /tmp/prc-next-build.log; exit 1; }
postgres() {
  echo "== playwright (chromium, two servers on PostgreSQL)"
  bash scripts/ensure-postgres.sh
  npx playwright test --config playwright.postgres.config.ts "$@"
}
if [ "${1:-}" = "--postgres" ]; then
  shift
  postgres "$@"
  exit
fi
echo "== playwright (chromium)"
npx playwright test "$@"
if [ $# -eq 0 ]; then postgres; fi
