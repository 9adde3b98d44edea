/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * The e2e harness's side of the runtime. Starting and stopping n8n and the fake, the n8n
 * environment, packing and installing, the readiness wait and the owner login are the shared
 * scripts/lib/runtime.cjs (also used by npm start, the benchmark and the screenshots); what is
 * only the e2e runs' is here: building only when dist/ is stale, the cached migrated database.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { check, ROOT, run } from '../../../scripts/lib/runtime.cjs';
import type { Runtime } from '../../../scripts/lib/runtime.cjs';

export type { CommandResult, Runtime } from '../../../scripts/lib/runtime.cjs';
export {
	check,
	ensureOwner,
	ensureRuntime,
	freePort,
	installPackage,
	isAlive,
	killGroup,
	login,
	n8nEnvironment,
	pack,
	ROOT,
	run,
	startFake,
	startN8n,
	stop,
	versionDrift,
	waitReady,
} from '../../../scripts/lib/runtime.cjs';

/** Every file below `dir` (skipping node_modules), as absolute paths. */
function walk(dir: string, files: string[] = []): string[] {
	if (!existsSync(dir)) return files;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name === 'node_modules') continue;
		const path = join(dir, entry.name);
		if (entry.isDirectory()) walk(path, files);
		else files.push(path);
	}
	return files;
}

/**
 * Whether dist/ was built from the current sources: `n8n-node build` empties dist/ first, so every
 * file in it is as new as the build; if the oldest is newer than the newest source, nothing changed.
 */
export function distIsFresh(): boolean {
	const dist = walk(join(ROOT, 'dist'));
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const declared = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])];
	if (!dist.length || declared.some((file) => !existsSync(join(ROOT, file)))) return false;
	const sources = [
		...['nodes', 'credentials', 'icons', 'templates'].flatMap((dir) => walk(join(ROOT, dir))),
		...['package.json', 'tsconfig.json', 'gulpfile.js'].map((file) => join(ROOT, file)).filter(existsSync),
	];
	const oldestDist = Math.min(...dist.map((file) => statSync(file).mtimeMs));
	const newestSource = Math.max(...sources.map((file) => statSync(file).mtimeMs));
	return oldestDist > newestSource;
}

/**
 * `npm run build`, unless dist/ is already up to date (GHL_E2E_BUILD=always|never overrides).
 * A build that collides with another one in the same tree (both empty dist/ first: ENOTEMPTY,
 * ENOENT) is retried.
 */
export async function build(): Promise<'built' | 'fresh'> {
	const mode = process.env.GHL_E2E_BUILD ?? 'auto';
	if (mode === 'never' || (mode === 'auto' && distIsFresh())) return 'fresh';
	for (let attempt = 1; ; attempt++) {
		const result = await run('npm', ['run', 'build']);
		if (result.code === 0) return 'built';
		if (attempt === 3 || !/ENOTEMPTY|ENOENT|EEXIST/.test(result.stdout + result.stderr)) check(result, 'npm run build');
		await new Promise((resolve) => setTimeout(resolve, 3_000 * attempt));
	}
}

/** In the run folder: the id of an n8n a suite started again (the global teardown stops it). */
export const N8N_PID_FILE = 'n8n.pid';

const DB_FILES = ['config', 'database.sqlite', 'database.sqlite-wal'];

/**
 * Gives the user folder a migrated, empty n8n database. A fresh database takes n8n's ~300
 * migrations (several seconds); the result (database + the config holding its encryption key) is
 * cached per n8n version and copied into each run's fresh user folder.
 */
export async function prepareDatabase(runtime: Runtime, env: Record<string, string>, userFolder: string): Promise<'cached' | 'migrated'> {
	const cacheDir = join(runtime.cache, `e2e-n8n-db-${runtime.n8nVersion}`);
	const target = join(userFolder, '.n8n');
	mkdirSync(target, { recursive: true });
	if (existsSync(join(cacheDir, 'database.sqlite')) && existsSync(join(cacheDir, 'config'))) {
		for (const file of DB_FILES) {
			if (existsSync(join(cacheDir, file))) copyFileSync(join(cacheDir, file), join(target, file));
		}
		chmodSync(join(target, 'config'), 0o600);
		return 'cached';
	}
	check(await run(runtime.node24, [runtime.n8nBin, 'list:workflow'], { env, cwd: userFolder }), 'n8n database migrations');
	const stage = mkdtempSync(join(runtime.cache, '.e2e-n8n-db-'));
	for (const file of DB_FILES) {
		if (existsSync(join(target, file))) copyFileSync(join(target, file), join(stage, file));
	}
	try {
		renameSync(stage, cacheDir);
	} catch {
		// another run cached it first
		rmSync(stage, { recursive: true, force: true });
	}
	return 'migrated';
}

/**
 * A global set-up's steps, timed: `step(name, fn)` runs fn, logs how long it took and records it in
 * `timings` (seconds), also when it throws.
 */
export function timedSteps(log: (message: string) => void) {
	const timings: Record<string, number> = {};
	const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			timings[name] = Number(((Date.now() - t0) / 1000).toFixed(1));
			log(`${name}: ${timings[name]} s`);
		}
	};
	return { timings, step };
}
