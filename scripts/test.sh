#!/usr/bin/env bash
# `npm test`: typecheck, lint, unit tests, then end-to-end tests in Chromium. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"
npx tsc --noEmit -p .
echo "== lint"
npx eslint --max-warnings=0 .
echo "== unit tests"
npx vitest run
echo "== end-to-end tests"
bash scripts/e2e.sh
