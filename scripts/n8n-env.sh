# shellcheck shell=bash
# n8n-env.sh — shared helpers for running this package inside a real, offline,
# headless n8n 2.41 (used by scripts/start.sh, the screenshots, the bench and — through
# scripts/lib/runtime.cjs — the e2e tests). Source it:
#
#   source scripts/ensure-runtime.sh   # GHL_NODE24, GHL_NODE24_DIR, GHL_N8N_BIN
#   source scripts/n8n-env.sh
#
# Functions (all return non-zero on failure, none calls `exit`):
#
#   ghl_pack_project [projectDir] [destDir]
#       `npm pack` the project (no build) into destDir (default <project>/.runtime);
#       prints the absolute tarball path.
#   ghl_install_package <tarball> <userFolder>
#       Installs a package tarball into <userFolder>/.n8n/nodes the way n8n 2.41's
#       Settings > Community nodes installer does (CommunityPackagesService.downloadPackage):
#         1. extract the tarball into .n8n/nodes/node_modules/<name> (--strip-components=1),
#            after removing any previous copy;
#         2. rewrite its package.json without devDependencies, peerDependencies and
#            optionalDependencies;
#         3. `npm install --audit=false --fund=false --bin-links=false
#            --install-strategy=shallow --ignore-scripts=true --package-lock=false` in it;
#         4. record "<name>": "<version>" in the ledger .n8n/nodes/package.json
#            ({"name":"installed-nodes","private":true,"dependencies":{…}}).
#       At startup n8n's community-packages module scans .n8n/nodes/node_modules for
#       n8n-nodes-* / @*/n8n-nodes-* folders (scanDirectoryForPackages) and loads them
#       lazily (dist/known + dist/types when present, full load otherwise). The UI
#       additionally writes installed_packages/installed_nodes rows to n8n's database;
#       we do not (the DB does not exist before n8n's first start): the nodes load
#       and work, but Settings > Community nodes does not list the package.
#   ghl_n8n_env <userFolder> [port]
#       Exports the environment for an offline, headless n8n bound to 127.0.0.1:
#       user folder, ports (editor port default 5678; task-runner broker on a free
#       port, or $GHL_N8N_RUNNER_PORT, so several instances can run side by side), community packages on,
#       no telemetry / version checks / templates / banners / MCP-registry refresh /
#       vetted-package lookups, plain-http cookies, Node 24 first on PATH (n8n's
#       internal JS task runner is spawned as `node` from PATH).
#       Optional: GHL_N8N_OWNER_EMAIL + GHL_N8N_OWNER_PASSWORD create/overwrite the
#       owner account at startup (N8N_INSTANCE_OWNER_MANAGED_BY_ENV, bcrypt hash
#       computed with n8n's own bcryptjs).
#   ghl_user_folder <name> [projectDir]
#       prints $GHL_RUNTIME_CACHE/projects/<first 8 hex of sha256(projectDir)>/<name>, the
#       default n8n user folder of `npm start` (n8n-user) and the bench (bench-n8n-user). Not in
#       the repository: n8n caches its editor bundle (~700 .js files) in <userFolder>/.cache, and
#       `n8n-node lint` runs `eslint .`, which with n8n's default config ignores only dist/.
#       (The e2e runs and the screenshots use the system temp folder, likewise outside.)
#   ghl_n8n [args…]        runs the n8n CLI with Node 24 ("$GHL_NODE24" "$GHL_N8N_BIN" "$@").
#   ghl_free_port          prints a free TCP port on 127.0.0.1.
#   ghl_wait_ready <baseUrl> [timeoutSec=180] [pid]   (alias: ghl_wait_healthz)
#       waits until <baseUrl>/healthz/readiness answers 200, i.e. DB migrated and
#       n8n fully started (plain /healthz is 200 already during migrations);
#       fails early if pid exits.
#
# The free port, the readiness wait and the owner's password hash are
# scripts/lib/runtime.cjs's (its command line), the same code the e2e harness,
# the benchmark and the screenshots use.

__ghl_env_script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
__ghl_runtime_js="$__ghl_env_script_dir/lib/runtime.cjs"

__ghl_need_runtime() {
	if [ -z "${GHL_NODE24:-}" ] || [ -z "${GHL_N8N_BIN:-}" ]; then
		# shellcheck source=ensure-runtime.sh
		source "$__ghl_env_script_dir/ensure-runtime.sh" || return 1
	fi
}

ghl_free_port() {
	__ghl_need_runtime || return 1
	"$GHL_NODE24" "$__ghl_runtime_js" free-port
}

ghl_n8n() {
	__ghl_need_runtime || return 1
	PATH="$GHL_NODE24_DIR/bin:$PATH" "$GHL_NODE24" "$GHL_N8N_BIN" "$@"
}

ghl_user_folder() {
	local name="$1" project="${2:-$(cd "$__ghl_env_script_dir/.." && pwd)}"
	[ -n "$name" ] || { echo "usage: ghl_user_folder <name> [projectDir]" >&2; return 1; }
	__ghl_need_runtime || return 1
	project="$(cd "$project" && pwd)" || return 1
	local hash
	hash="$(printf '%s' "$project" | sha256sum | cut -c1-8)" || return 1
	printf '%s\n' "$GHL_RUNTIME_CACHE/projects/$hash/$name"
}

ghl_pack_project() {
	local project="${1:-$(cd "$__ghl_env_script_dir/.." && pwd)}"
	local dest="${2:-$project/.runtime}"
	mkdir -p "$dest" || return 1
	dest="$(cd "$dest" && pwd)"
	local json
	json="$(cd "$project" && npm pack --json --pack-destination "$dest" 2>/dev/null)" || {
		echo "[n8n-env] npm pack failed in $project" >&2
		return 1
	}
	local file
	file="$(printf '%s' "$json" | node -e '
		let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
			const j = JSON.parse(s); process.stdout.write(j[j.length - 1].filename); });')" || return 1
	# npm reports scoped names as scope-name-x.y.z.tgz
	printf '%s\n' "$dest/${file//\//-}"
}

ghl_install_package() (
	set -euo pipefail
	local tarball="$1" user_folder="$2"
	[ -f "$tarball" ] || { echo "[n8n-env] no such tarball: $tarball" >&2; exit 1; }
	local nodes_dir="$user_folder/.n8n/nodes"
	mkdir -p "$nodes_dir/node_modules"
	local node_bin="${GHL_NODE24:-node}"

	local meta name version
	meta="$(tar -xOzf "$tarball" package/package.json)"
	name="$(printf '%s' "$meta" | "$node_bin" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).name))')"
	version="$(printf '%s' "$meta" | "$node_bin" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).version))')"
	case "$name" in
		n8n-nodes-* | @*/n8n-nodes-*) ;;
		*) echo "[n8n-env] warning: n8n only loads packages named n8n-nodes-* or @scope/n8n-nodes-* (got '$name')" >&2 ;;
	esac

	local pkg_dir="$nodes_dir/node_modules/$name"
	rm -rf "$pkg_dir"
	mkdir -p "$pkg_dir"
	tar -xzf "$tarball" -C "$pkg_dir" --strip-components=1

	"$node_bin" -e '
		const fs = require("fs"); const path = require("path"); const f = process.argv[1];
		const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(fs.readFileSync(f, "utf8"));
		fs.writeFileSync(f, JSON.stringify(pkg, null, 2), "utf8");
		// n8n would only log "Failed to load package" at startup; fail here instead
		const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
		const missing = declared.filter((p) => !fs.existsSync(path.join(path.dirname(f), p)));
		if (missing.length) {
			console.error(`[n8n-env] ${pkg.name}: files declared in package.json "n8n" are missing from the tarball (build incomplete?): ${missing.join(", ")}`);
			process.exit(1);
		}' "$pkg_dir/package.json"

	# npm must not inherit the calling project's npm_config_* (npm start exports some)
	for v in $(env | sed -n 's/^\(npm_config_[A-Za-z_]*\)=.*/\1/Ip'); do
		case "${v,,}" in
			npm_config_registry | npm_config_cafile | npm_config_ca | npm_config_proxy | \
				npm_config_https_proxy | npm_config_noproxy | npm_config_strict_ssl | npm_config_cache) ;;
			*) unset "$v" ;;
		esac
	done
	(cd "$pkg_dir" && npm install --audit=false --fund=false --bin-links=false --install-strategy=shallow \
		--ignore-scripts=true --package-lock=false --loglevel=error --no-update-notifier >/dev/null)

	"$node_bin" -e '
		const fs = require("fs"); const [f, name, version] = process.argv.slice(1);
		let ledger = null;
		try { ledger = JSON.parse(fs.readFileSync(f, "utf8")); } catch {}
		if (!ledger || typeof ledger.dependencies !== "object") ledger = { name: "installed-nodes", private: true, dependencies: {} };
		ledger.dependencies[name] = version;
		fs.writeFileSync(f, JSON.stringify(ledger, null, 2), "utf8");' "$nodes_dir/package.json" "$name" "$version"

	# Settings → Community Nodes runs `npm outdated` in this folder on every visit. The package is
	# installed from a local tarball (not the registry), and n8n 1.x runs npm with only PATH and
	# NODE_PATH: behind a TLS-inspecting proxy its three retries take ~70 s per page load. Offline,
	# npm answers at once as it does for any package missing from the registry ("no update").
	printf 'offline=true\n' >"$nodes_dir/.npmrc"

	echo "[n8n-env] installed $name@$version into $pkg_dir" >&2
)

ghl_n8n_env() {
	local user_folder="$1" port="${2:-${N8N_PORT:-5678}}"
	[ -n "$user_folder" ] || { echo "usage: ghl_n8n_env <userFolder> [port]" >&2; return 1; }
	__ghl_need_runtime || return 1
	mkdir -p "$user_folder" || return 1
	user_folder="$(cd "$user_folder" && pwd)"

	export PATH="$GHL_NODE24_DIR/bin:$PATH"
	export N8N_USER_FOLDER="$user_folder"
	export N8N_PORT="$port"
	export N8N_HOST="${N8N_HOST:-localhost}"
	export N8N_PROTOCOL="${N8N_PROTOCOL:-http}"
	export N8N_LISTEN_ADDRESS="${N8N_LISTEN_ADDRESS:-127.0.0.1}"
	export N8N_EDITOR_BASE_URL="${N8N_EDITOR_BASE_URL:-http://localhost:$port}"
	export N8N_WEBHOOK_URL="${N8N_WEBHOOK_URL:-http://localhost:$port/}"
	export N8N_SECURE_COOKIE=false
	export DB_TYPE="${DB_TYPE:-sqlite}"
	export N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=true
	export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}"
	export N8N_LOG_OUTPUT="${N8N_LOG_OUTPUT:-console}"
	export GENERIC_TIMEZONE="${GENERIC_TIMEZONE:-UTC}"

	# community packages: load from .n8n/nodes, never fetch anything
	export N8N_COMMUNITY_PACKAGES_ENABLED=true
	export N8N_UNVERIFIED_PACKAGES_ENABLED=true
	export N8N_VERIFIED_PACKAGES_ENABLED=false
	export N8N_REINSTALL_MISSING_PACKAGES=false
	export N8N_COMMUNITY_PACKAGES_PREVENT_LOADING=false

	# task runners: n8n's default internal mode (JS runner spawned as `node` from
	# PATH, hence Node 24 first on PATH; the Python runner is skipped with a
	# warning because it has no venv here). Broker on a per-instance port.
	export N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
	# (a fresh free port on every call unless GHL_N8N_RUNNER_PORT pins one)
	N8N_RUNNERS_BROKER_PORT="${GHL_N8N_RUNNER_PORT:-$(ghl_free_port)}" || return 1
	export N8N_RUNNERS_BROKER_PORT

	# offline: no telemetry, version checks, templates, banners, AI
	export N8N_DIAGNOSTICS_ENABLED=false
	export N8N_DIAGNOSTICS_CONFIG_FRONTEND=''
	export N8N_DIAGNOSTICS_CONFIG_BACKEND=''
	export N8N_PERSONALIZATION_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_ENABLED=false
	export N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED=false
	export N8N_TEMPLATES_ENABLED=false
	export N8N_DYNAMIC_BANNERS_ENABLED=false
	export N8N_HIRING_BANNER_ENABLED=false
	export N8N_AI_ENABLED=false
	# mcp-registry (2.x) refreshes its catalogue from api.n8n.io at startup; n8n 1.x has no such
	# module and refuses to start when an unknown one is disabled ("Unknown module").
	case "${GHL_N8N_LINE:-2.x},${N8N_DISABLED_MODULES:-}," in
		1.x,* | *,mcp-registry,*) ;;
		*) export N8N_DISABLED_MODULES="${N8N_DISABLED_MODULES:+$N8N_DISABLED_MODULES,}mcp-registry" ;;
	esac
	export EXTERNAL_FRONTEND_HOOKS_URLS=''
	export N8N_SENTRY_DSN=''
	export N8N_FRONTEND_SENTRY_DSN=''

	if [ -n "${GHL_N8N_OWNER_EMAIL:-}" ] && [ -n "${GHL_N8N_OWNER_PASSWORD:-}" ]; then
		local hash
		hash="$(GHL_PW="$GHL_N8N_OWNER_PASSWORD" "$GHL_NODE24" "$__ghl_runtime_js" owner-hash "$GHL_N8N_DIR")" || return 1
		export N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true
		export N8N_INSTANCE_OWNER_EMAIL="$GHL_N8N_OWNER_EMAIL"
		export N8N_INSTANCE_OWNER_PASSWORD_HASH="$hash"
		export N8N_INSTANCE_OWNER_FIRST_NAME="${GHL_N8N_OWNER_FIRST_NAME:-Dev}"
		export N8N_INSTANCE_OWNER_LAST_NAME="${GHL_N8N_OWNER_LAST_NAME:-Owner}"
	fi
}

ghl_wait_ready() {
	local base="${1%/}" timeout="${2:-180}" pid="${3:-}"
	__ghl_need_runtime || return 1
	"$GHL_NODE24" "$__ghl_runtime_js" wait-ready "$base" "$timeout" ${pid:+"$pid"} || {
		echo "[n8n-env] $base/healthz/readiness did not answer (timeout ${timeout}s${pid:+, pid $pid})" >&2
		return 1
	}
}
ghl_wait_healthz() { ghl_wait_ready "$@"; }
