#!/usr/bin/env bash
# The whole suite. Every tier runs even when an earlier one fails, so that each reports;
# .ci/summary.mjs then prints the closing line 'N passed, N failed'.
set -uo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

source scripts/lib/system-packages.sh
source scripts/lib/throwaway-postgres.sh

rm -rf reports
mkdir -p reports
STEPS=reports/steps.tsv
: >"$STEPS"

# step NAME KIND REPORT COMMAND...  (KIND: gate = one test, suite = tests counted from REPORT,
# setup = counted only when it fails)
step() {
  local name=$1 kind=$2 report=$3
  shift 3
  printf '\n\033[1m━━ %s\033[0m\n' "$name"
  local start rc
  start=$(date +%s%N)
  "$@"
  rc=$?
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$rc" "$((($(date +%s%N) - start) / 1000000))" "$report" >>"$STEPS"
  return 0
}

if [ "$(id -u)" = 0 ]; then
  step system-packages setup - install_missing_system_packages
elif [ -n "$(missing_system_packages)" ]; then
  echo "Missing Debian packages (run as root to install them): $(missing_system_packages | xargs)" >&2
fi

[ -d node_modules ] || step npm-ci setup - npm ci --no-audit --no-fund

# PostgreSQL tier: reuse DATABASE_URL when given, otherwise a throwaway cluster.
trap stop_throwaway_postgres EXIT
if [ -z "${DATABASE_URL:-}" ]; then
  step postgresql-start setup - start_throwaway_postgres
fi

step typecheck gate - npm run --silent typecheck
step lint gate - npm run --silent lint
step vitest-pglite suite reports/vitest-pglite.json \
  env -u DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest-pglite.json
if [ -n "${DATABASE_URL:-}" ]; then
  step vitest-postgres suite reports/vitest-postgres.json \
    npx vitest run --project db --reporter=default --reporter=json --outputFile=reports/vitest-postgres.json
fi
step build gate - npm run --silent build
step playwright suite reports/playwright.json \
  env -u DATABASE_URL PLAYWRIGHT_JSON_OUTPUT_NAME=reports/playwright.json npx playwright test --reporter=list,json

echo
node .ci/summary.mjs "$STEPS"
