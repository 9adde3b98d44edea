#!/usr/bin/env node
// Runs @n8n/scan-community-package's own analysis on this package without publishing it:
// the source leg (package.json, nodes/, credentials/) and the tarball leg (the packed dist).
// The published CLI downloads from the registry; these are the same two calls it makes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ghl-scan-'));
// GHL_PACKAGE_TARBALL (the release workflow): scan the tarball that will be published instead of packing.
const tarball = process.env.GHL_PACKAGE_TARBALL
	? path.resolve(process.env.GHL_PACKAGE_TARBALL)
	: path.join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());
const packageDir = path.join(work, 'package');
fs.mkdirSync(packageDir);
execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

const results = [
	['source', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
	['tarball', await analyzePackage(packageDir, ['**/*.js', 'package.json'])],
];
fs.rmSync(work, { recursive: true, force: true });
let passed = true;
for (const [leg, result] of results) {
	console.log(`${result.passed ? '✅' : '❌'} ${leg}: ${result.passed ? 'passed all security checks' : result.message}`);
	if (result.details) console.log(result.details);
	passed &&= result.passed;
}
process.exit(passed ? 0 : 1);
