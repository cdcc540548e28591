#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, then end-to-end tests in Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint"
npx eslint --max-warnings=0 .
# Unformatted files fail here: `npm run format` writes them.
npx prettier --check . >/dev/null || { npx prettier --check . 2>&1 | tail -20; echo "Unformatted files: run npm run format"; exit 1; }
echo "== unit tests"
bash scripts/ensure-postgres.sh
npx vitest run
echo "== end-to-end tests"
bash scripts/e2e.sh
