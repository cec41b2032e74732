#!/usr/bin/env bash
# The whole suite; placeholder until the CI pipeline lands.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit
npx vitest run
