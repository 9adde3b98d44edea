#!/usr/bin/env bash
# `npm run release -- <version>`: prepares a release on a clean main; the tag's push publishes it.
#   1. checks: clean working tree, branch main, a semver version above package.json's, an
#      Unreleased section in CHANGELOG.md with entries;
#   2. sets the version in package.json, package-lock.json and the User-Agent constant
#      (nodes/Ghl/transport/constants.ts), and turns CHANGELOG.md's Unreleased section into
#      "## [<version>] - <date>" under a new, empty Unreleased;
#   3. commits those files and makes the annotated tag v<version>.
# It does not push: `git push origin main v<version>` starts .github/workflows/release.yml, which
# runs npm ci and npm test on the packed tarball and publishes that tarball with npm provenance.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
version="${1:-}"
fail() { echo "[release] $*" >&2; exit 1; }

[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || fail "usage: npm run release -- <version> (e.g. 0.2.0)"
[ -z "$(git status --porcelain)" ] || fail "the working tree is not clean"
[ "$(git rev-parse --abbrev-ref HEAD)" = main ] || fail "releases are made from main"
git rev-parse -q --verify "refs/tags/v$version" >/dev/null && fail "tag v$version exists already"
current="$(node -p 'require("./package.json").version')"
node -e '
	const [next, now] = process.argv.slice(1);
	const [a, b] = [next, now].map((v) => v.split("-")[0].split(".").map(Number));
	const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
	process.exit(cmp > 0 || (cmp === 0 && next !== now) ? 0 : 1);
' "$version" "$current" || fail "$version is not above the current version $current"

node - "$version" <<'NODE'
const fs = require('node:fs');
const version = process.argv[2];
const changelog = fs.readFileSync('CHANGELOG.md', 'utf8');
const match = /^## \[Unreleased\]\n([\s\S]*?)(?=^## \[|(?![\s\S]))/m.exec(changelog);
if (!match || !/^- /m.test(match[1])) {
	console.error('[release] CHANGELOG.md has no entries under "## [Unreleased]"');
	process.exit(1);
}
const date = new Date().toISOString().slice(0, 10);
fs.writeFileSync('CHANGELOG.md', changelog.replace('## [Unreleased]\n', `## [Unreleased]\n\n## [${version}] - ${date}\n`));
const constants = 'nodes/Ghl/transport/constants.ts';
const source = fs.readFileSync(constants, 'utf8');
const updated = source.replace(/export const PACKAGE_VERSION = '[^']*';/, `export const PACKAGE_VERSION = '${version}';`);
if (updated === source && !source.includes(`PACKAGE_VERSION = '${version}'`)) {
	console.error(`[release] PACKAGE_VERSION not found in ${constants}`);
	process.exit(1);
}
fs.writeFileSync(constants, updated);
NODE
npm version "$version" --no-git-tag-version --ignore-scripts >/dev/null
git commit -q -m "Release $version" -- package.json package-lock.json CHANGELOG.md nodes/Ghl/transport/constants.ts
git tag -a "v$version" -m "n8n-nodes-ghl $version"
echo "[release] committed and tagged v$version; publish with: git push origin main v$version" >&2
