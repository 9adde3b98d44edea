#!/usr/bin/env bash
# start.sh — `npm start`: build this package, install it into a local n8n the
# way Settings > Community nodes does (files in .n8n/nodes, rows in n8n's
# database once it is up), and run n8n 2.41 (Node 24) with the editor on
# http://localhost:5678.
#
# Env:
#   N8N_USER_FOLDER     default $GHL_RUNTIME_CACHE/projects/<hash of the project path>/n8n-user
#                       (outside the repository, see ghl_user_folder in n8n-env.sh; a folder
#                       left in the old place, <project>/.runtime/n8n-user, is moved there)
#   N8N_PORT            default 5678
#   GHL_N8N_VERSION     1.x (or 1.123.x): n8n 1.123 on Node 22 instead (user folder n8n-user-1.x;
#                       n8n 1.x shows its owner set-up screen on the first start)
#   GHL_SKIP_BUILD=1    reuse the existing dist/ (still packs and installs it)
#   GHL_RUNTIME_CACHE   where Node 24 + n8n are cached (see ensure-runtime.sh)
#   GHL_N8N_OWNER_EMAIL / GHL_N8N_OWNER_PASSWORD   pre-create the owner account
# Extra arguments are passed to `n8n start`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=ensure-deps.sh
source "$ROOT/scripts/ensure-deps.sh"
# shellcheck source=ensure-runtime.sh
source "$ROOT/scripts/ensure-runtime.sh"
# shellcheck source=n8n-env.sh
source "$ROOT/scripts/n8n-env.sh"

# One user folder per n8n line: a database migrated by 2.41 does not open in 1.x.
USER_FOLDER_NAME=n8n-user
[ "$GHL_N8N_LINE" = 1.x ] && USER_FOLDER_NAME=n8n-user-1.x
USER_FOLDER="${N8N_USER_FOLDER:-$(ghl_user_folder "$USER_FOLDER_NAME" "$ROOT")}"
PORT="${N8N_PORT:-5678}"

if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
	echo "[start] something already answers on port $PORT (another n8n?). Stop it or set N8N_PORT." >&2
	exit 1
fi

# Earlier versions kept the user folder in .runtime/ (n8n's cache there made `npm run lint` slow).
LEGACY_USER_FOLDER="$ROOT/.runtime/n8n-user"
if [ -z "${N8N_USER_FOLDER:-}" ] && [ -d "$LEGACY_USER_FOLDER" ]; then
	if [ ! -e "$USER_FOLDER" ]; then
		mkdir -p "$(dirname "$USER_FOLDER")"
		mv "$LEGACY_USER_FOLDER" "$USER_FOLDER"
		echo "[start] moved the n8n user folder from .runtime/n8n-user to $USER_FOLDER" >&2
	else
		echo "[start] note: .runtime/n8n-user is no longer used (the user folder is $USER_FOLDER); delete it" >&2
	fi
fi

cd "$ROOT"
if [ "${GHL_SKIP_BUILD:-0}" != 1 ]; then
	echo "[start] npm run build" >&2
	npm run build
fi
[ -d "$ROOT/dist" ] || { echo "[start] no dist/ — the build did not produce output" >&2; exit 1; }

TARBALL="$(ghl_pack_project "$ROOT" "$ROOT/.runtime")"
echo "[start] packed $TARBALL" >&2
ghl_install_package "$TARBALL" "$USER_FOLDER"

ghl_n8n_env "$USER_FOLDER" "$PORT"
echo "[start] n8n $GHL_N8N_VERSION (Node $("$GHL_NODE24" --version)) — user folder $N8N_USER_FOLDER" >&2
echo "[start] editor: http://localhost:$PORT" >&2

# n8n runs as our child rather than via exec: `npm start` puts an `sh -c` between
# npm and this script, and that shell does not pass on the SIGTERM npm forwards,
# which would orphan n8n. So: forward INT/TERM/HUP as one SIGTERM (n8n's graceful
# shutdown), and stop n8n if our parent goes away.
"$GHL_NODE24" "$GHL_N8N_BIN" start "$@" &
N8N_PID=$!

# Once n8n has migrated its database: record the package as n8n's installer does, so Settings →
# Community Nodes lists it (scripts/lib/communityPackage.cjs).
PACKAGE_NAME="$("$GHL_NODE24" -p 'require("./package.json").name')"
(
	for _ in $(seq 1 600); do
		kill -0 "$N8N_PID" 2>/dev/null || exit 0
		if curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/healthz/readiness" 2>/dev/null; then
			"$GHL_NODE24" "$ROOT/scripts/lib/communityPackage.cjs" "$N8N_USER_FOLDER" "$GHL_N8N_DIR" "$PACKAGE_NAME" || true
			exit 0
		fi
		sleep 0.5
	done
) &
STOPPING=0
stop_n8n() {
	if [ "$STOPPING" = 0 ]; then
		STOPPING=1
		kill -TERM "$N8N_PID" 2>/dev/null || true
	fi
}
trap stop_n8n INT TERM HUP
PARENT_PID=$PPID
while kill -0 "$N8N_PID" 2>/dev/null; do
	if [ "$(ps -o ppid= -p $$ | tr -d ' ')" != "$PARENT_PID" ]; then
		stop_n8n
	fi
	sleep 1 &
	wait $! || true
done
set +e
wait "$N8N_PID"
exit $?
