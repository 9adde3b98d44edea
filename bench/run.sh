#!/usr/bin/env bash
# bench/run.sh — `npm run bench [-- --quick] [-- --only a,c]`: our GHL node vs n8n's built-in
# HighLevel node in one real n8n 2.41 against one fake GHL (100 requests / 10 s). See bench/README.md.
#
# Builds and packs this package, installs it into a fresh n8n user folder the way the Community
# Nodes UI does, then hands over to bench/run.mjs (Node 24), which starts the fake, n8n, runs the
# scenarios and prints the table. Everything binds to 127.0.0.1; nothing leaves the machine.
#
# Env: GHL_SKIP_BUILD=1 reuses dist/ (still packs and installs it); GHL_BENCH_DIR (default
# <project>/.runtime/bench) holds the logs and results. n8n's user folder is outside the repository
# ($GHL_RUNTIME_CACHE/projects/<hash>/bench-n8n-user, see ghl_user_folder in scripts/n8n-env.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GHL_RUNTIME_QUIET="${GHL_RUNTIME_QUIET:-1}"
# shellcheck source=../scripts/ensure-runtime.sh
source "$ROOT/scripts/ensure-runtime.sh"
# shellcheck source=../scripts/n8n-env.sh
source "$ROOT/scripts/n8n-env.sh"

BENCH_DIR="${GHL_BENCH_DIR:-$ROOT/.runtime/bench}"
USER_FOLDER="$(ghl_user_folder bench-n8n-user "$ROOT")"
mkdir -p "$BENCH_DIR"

cd "$ROOT"
if [ "${GHL_SKIP_BUILD:-0}" != 1 ]; then
	echo "[bench] npm run build" >&2
	npm run build >"$BENCH_DIR/build.log" 2>&1 || { tail -n 40 "$BENCH_DIR/build.log" >&2; exit 1; }
fi
[ -d "$ROOT/dist" ] || { echo "[bench] no dist/ — build first" >&2; exit 1; }

# (g) queue mode has its own stack (Postgres, Redis, main + 2 workers + webhook process): the queue
# suite's pacing test runs it first, on its own, and run.mjs puts its figures in the table.
ONLY_ARG="$(printf '%s\n' "$@" | sed -n 's/^--only=//p')"
for ((i = 1; i <= $#; i++)); do [ "${!i}" = --only ] && { j=$((i + 1)); ONLY_ARG="${!j}"; }; done
if [ -z "$ONLY_ARG" ] || [[ ",$ONLY_ARG," == *,g,* ]]; then
	QUEUE_ITEMS=500
	printf '%s\n' "$@" | grep -qx -- '--quick' && QUEUE_ITEMS=100
	echo "[bench] (g) queue mode: npm run test:queue -- pacing, 4 × $QUEUE_ITEMS upserts" >&2
	rm -f "$BENCH_DIR/queue.json"
	GHL_QUEUE_PACING_ITEMS="$QUEUE_ITEMS" GHL_QUEUE_RESULTS="$BENCH_DIR/queue.json" GHL_E2E_BUILD=never \
		"$ROOT/node_modules/.bin/jest" --config "$ROOT/jest.queue.config.js" --runInBand test/queue/suites/pacing.test.ts \
		>"$BENCH_DIR/queue.log" 2>&1 || echo "[bench] (g) the queue run failed; see $BENCH_DIR/queue.log" >&2
	export GHL_BENCH_QUEUE_RESULTS="$BENCH_DIR/queue.json"
fi

# A fresh n8n every time: no executions, credentials or rate-limiter state from an earlier run.
# ($BENCH_DIR/n8n-user is where earlier versions kept it.)
rm -rf "$USER_FOLDER" "$BENCH_DIR/n8n-user"
TARBALL="$(ghl_pack_project "$ROOT" "$BENCH_DIR")"
ghl_install_package "$TARBALL" "$USER_FOLDER" 2>/dev/null

export GHL_N8N_OWNER_EMAIL="bench@example.test"
export GHL_N8N_OWNER_PASSWORD="Bench-Passw0rd!"
export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-warn}"
ghl_n8n_env "$USER_FOLDER" "$(ghl_free_port)"
export GHL_BENCH_DIR="$BENCH_DIR" GHL_PROJECT_ROOT="$ROOT"

exec "$GHL_NODE24" "$ROOT/bench/run.mjs" "$@"
