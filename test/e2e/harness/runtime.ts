/**
 * The bridge from the jest global setup to the project's shell scripts: the cached Node 24 + n8n
 * runtime (scripts/ensure-runtime.sh), packing and installing the package like n8n's Community
 * Nodes UI, and the environment of an offline, headless n8n (scripts/n8n-env.sh). Nothing here
 * re-implements those scripts; they are sourced and their results read back.
 */
import { execFile, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');

export interface Runtime {
	/** GHL_RUNTIME_CACHE: where Node 24, n8n and the migrated e2e database are cached. */
	cache: string;
	node24: string;
	n8nBin: string;
	n8nDir: string;
	n8nVersion: string;
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
	ms: number;
}

/** Runs a command and collects its output; never rejects (the caller decides what a failure means). */
export function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number; input?: string } = {},
): Promise<CommandResult> {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = execFile(
			command,
			args,
			{
				env: options.env ?? process.env,
				cwd: options.cwd ?? ROOT,
				timeout: options.timeoutMs ?? 600_000,
				maxBuffer: 64 * 1024 * 1024,
			},
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : (child.exitCode ?? 1)) : 0;
				resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started });
			},
		);
		if (options.input !== undefined) child.stdin?.end(options.input);
	});
}

/** Throws with the command's output when it failed. */
export function check(result: CommandResult, what: string): CommandResult {
	if (result.code !== 0) {
		const tail = (text: string) => text.split('\n').slice(-40).join('\n');
		throw new Error(`${what} failed (exit ${result.code}).\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`);
	}
	return result;
}

/** `env -0` output → object. */
function parseEnv(text: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const entry of text.split('\0')) {
		const eq = entry.indexOf('=');
		if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
	}
	return env;
}

/** Runs bash with the project's scripts sourced; the snippet's environment comes back. */
async function bashEnv(snippet: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Record<string, string>> {
	const script = `set -euo pipefail
GHL_RUNTIME_QUIET=1 source scripts/ensure-runtime.sh >&2
source scripts/n8n-env.sh
${snippet}
env -0`;
	const result = check(await run('bash', ['-c', script, 'bash', ...args], { env }), `bash: ${snippet.split('\n')[0]}`);
	return parseEnv(result.stdout);
}

export async function ensureRuntime(): Promise<Runtime> {
	const env = await bashEnv(':', []);
	return {
		cache: env.GHL_RUNTIME_CACHE,
		node24: env.GHL_NODE24,
		n8nBin: env.GHL_N8N_BIN,
		n8nDir: env.GHL_N8N_DIR,
		n8nVersion: env.GHL_N8N_VERSION,
	};
}

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

/** `npm pack` into `dest` (scripts/n8n-env.sh ghl_pack_project); returns the tarball path. */
export async function pack(dest: string): Promise<string> {
	const result = check(
		await run('bash', ['-c', 'set -euo pipefail; source scripts/n8n-env.sh; ghl_pack_project "$1" "$2"', 'bash', ROOT, dest]),
		'npm pack',
	);
	return result.stdout.trim().split('\n').pop()!;
}

/** Installs the tarball into <userFolder>/.n8n/nodes as the Community Nodes UI does (ghl_install_package). */
export async function installPackage(tarball: string, userFolder: string): Promise<void> {
	check(
		await run('bash', [
			'-c',
			'set -euo pipefail; GHL_RUNTIME_QUIET=1 source scripts/ensure-runtime.sh >&2; source scripts/n8n-env.sh; ghl_install_package "$1" "$2"',
			'bash',
			tarball,
			userFolder,
		]),
		'installing the package into n8n',
	);
}

/**
 * The environment of every n8n invocation of this run (ghl_n8n_env: offline, headless, 127.0.0.1,
 * community packages on, owner account from GHL_N8N_OWNER_*), plus `extra`.
 */
export async function n8nEnvironment(
	userFolder: string,
	port: number,
	owner: { email: string; password: string },
	extra: Record<string, string>,
): Promise<Record<string, string>> {
	const env = await bashEnv('ghl_n8n_env "$1" "$2"', [userFolder, String(port)], {
		...process.env,
		GHL_N8N_OWNER_EMAIL: owner.email,
		GHL_N8N_OWNER_PASSWORD: owner.password,
	});
	// Never pass the owner's clear-text password to n8n (only the hash ghl_n8n_env computed).
	delete env.GHL_N8N_OWNER_PASSWORD;
	// jest sets NODE_ENV=test, which makes n8n behave as in its own test suite (e.g. no database
	// file, start-up that exits silently): n8n must see the environment a user's shell has.
	for (const name of ['NODE_ENV', 'JEST_WORKER_ID', 'NODE_OPTIONS']) delete env[name];
	return { ...env, ...extra };
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** In the run folder: the id of an n8n a suite started again (the global teardown stops it). */
export const N8N_PID_FILE = 'n8n.pid';

/** Starts `n8n start` in its own process group (so the task runner it spawns is stopped with it). */
export function startN8n(runtime: Runtime, env: Record<string, string>, logFd: number) {
	return spawn(runtime.node24, [runtime.n8nBin, 'start'], {
		cwd: env.N8N_USER_FOLDER,
		env,
		stdio: ['ignore', logFd, logFd],
		detached: true,
	});
}

/** Signals our n8n's process group (n8n and the task runner it spawned). Synchronous, so usable on 'exit'. */
export function killGroup(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

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
 * The fake GHL API as its own process (test/fake-ghl/cli.mjs on Node 24), on an ephemeral
 * port. Normally it stops when our stdin pipe closes (i.e. with jest); `persistent` detaches it
 * (GHL_E2E_REUSE).
 */
export function startFake(runtime: Runtime, logFd: number, persistent: boolean): Promise<{ url: string; pid: number }> {
	const args = [join(ROOT, 'test', 'fake-ghl', 'cli.mjs'), '--port', '0', '--seed', 'default'];
	if (!persistent) args.push('--exit-on-stdin-close');
	const child = spawn(runtime.node24, args, {
		cwd: ROOT,
		env: { ...process.env, NODE_ENV: 'production' },
		stdio: [persistent ? 'ignore' : 'pipe', 'pipe', logFd],
		detached: persistent,
	});
	return new Promise((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error('the fake GHL API did not print its URL within 30 s')), 30_000);
		child.once('exit', (code) => reject(new Error(`the fake GHL API exited (${code}) before printing its URL`)));
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const line = out.split('\n')[0];
			if (out.includes('\n') && /^http:\/\//.test(line)) {
				clearTimeout(timer);
				child.stdout!.removeAllListeners('data');
				child.stdout!.resume();
				child.removeAllListeners('exit');
				// Nothing more is read; the process must not keep jest alive (teardown stops it).
				child.stdout!.destroy();
				child.unref();
				(child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
				resolve({ url: line.trim(), pid: child.pid! });
			}
		});
	});
}
