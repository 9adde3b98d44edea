/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Once per e2e run:
 *   1. the cached Node 24 + n8n 2.41 runtime (scripts/ensure-runtime.sh, versions in scripts/runtime.json);
 *   2. `npm run build` (skipped when dist/ is newer than every source), `npm pack`;
 *   3. the tarball installed into a fresh n8n user folder the way Settings → Community Nodes does;
 *   4. the fake GHL API (test/fake-ghl/cli.mjs, its own process, ephemeral port);
 *   5. credentials and workflows imported with the n8n CLI (`import:credentials`, `import:workflow`);
 *   6. `n8n start`, pointed at the fake only through n8n's CREDENTIALS_OVERWRITE_DATA (apiBaseUrl,
 *      accessTokenUrl): the package is not changed for the tests;
 *   7. the package registered in n8n's database as n8n's installer does (Settings → Community Nodes);
 *   8. every workflow published (activated) through n8n's REST API as the owner.
 * The suites get the details from the JSON file named by GHL_E2E_CONTEXT.
 *
 * GHL_E2E_REUSE=1 (for working on the suites): the run lives in <tmp>/n8n-nodes-ghl-e2e-<hash>/dev
 * and n8n and the fake keep running after jest; the next run with GHL_E2E_REUSE=1 reuses them (no
 * setup at all) while both answer and fixtures.ts / templates are unchanged (else it starts over).
 *
 * Why `n8n start` and not `n8n execute`: in n8n 2.41 only `start` and `worker` call
 * CredentialsOverwrites.init() (dist/commands/start.js); `n8n execute` ignores
 * CREDENTIALS_OVERWRITE_DATA, so its requests would go to the real GHL. The workflows therefore
 * start with a Webhook node (or our triggers) and run in the started instance.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { E2eContext } from './context';
import { buildCredentials, buildWorkflows, IDS, templateWorkflows, tokenRequests, WORKFLOWS } from './fixtures';
import { N8nClient } from './n8n';
import {
	build,
	check,
	ensureOwner,
	ensureRuntime,
	freePort,
	installPackage,
	killGroup,
	n8nEnvironment,
	pack,
	prepareDatabase,
	ROOT,
	run,
	startFake,
	startN8n,
	timedSteps,
	versionDrift,
	waitReady,
} from './runtime';
import { newEd25519KeyPair } from './signing';
import { registerPackage } from '../../../scripts/lib/communityPackage.cjs';

const PACKAGE_NAME = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

export interface E2eGlobals {
	fakePid?: number;
	n8nPid?: number;
	runDir: string;
	logFile: string;
	/** GHL_E2E_REUSE: leave everything running. */
	keepRunning: boolean;
}

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Run folders live outside the project: n8n writes its editor bundle (~700 .js files) into the
 * user folder's .cache, which linters and watchers in the project would otherwise pick up.
 */
const E2E_TMP = join(tmpdir(), `n8n-nodes-ghl-e2e-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`);

const log = (message: string) => process.stderr.write(`[e2e] ${message}\n`);

async function admin(url: string, path: string, body: unknown): Promise<any> {
	const res = await fetch(`${url}/__admin${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`fake POST /__admin${path} → ${res.status}: ${await res.text()}`);
	return await res.json();
}

/** What the imported workflows are made of (a dev run is only reused while it is unchanged). */
function fixturesHash(): string {
	const hash = createHash('sha256');
	for (const file of [join(__dirname, 'fixtures.ts'), ...templateFiles()]) hash.update(file).update(readFileSync(file));
	return hash.digest('hex');
}

function templateFiles(): string[] {
	const dir = join(ROOT, 'templates');
	return existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.json')).sort().map((file) => join(dir, file)) : [];
}

/** GHL_E2E_REUSE: the previous dev run, if its n8n and fake still answer. */
async function reusable(contextFile: string): Promise<boolean> {
	if (!existsSync(contextFile)) return false;
	const context = JSON.parse(readFileSync(contextFile, 'utf8')) as E2eContext;
	try {
		const [n8n, fake] = await Promise.all([fetch(`${context.n8nUrl}/healthz/readiness`), fetch(`${context.fakeUrl}/__admin/health`)]);
		if (!n8n.ok || !fake.ok) return false;
	} catch {
		// not running any more: nothing to stop
		return false;
	}
	if (context.fixturesHash !== fixturesHash()) {
		// Both still answer on their ports, so the recorded pids are the dev run's own processes.
		log('fixtures or templates changed since the dev run was set up: stopping it and starting over');
		for (const [pid, group] of [[context.pids.n8n, true], [context.pids.fake, false]] as const) {
			try {
				process.kill(group ? -pid : pid, 'SIGKILL');
			} catch {
				// gone
			}
		}
		return false;
	}
	process.env.GHL_E2E_CONTEXT = contextFile;
	(globalThis as { __GHL_E2E__?: E2eGlobals }).__GHL_E2E__ = { runDir: context.runDir, logFile: context.logFile, keepRunning: true };
	log(`reusing n8n at ${context.n8nUrl} and the fake at ${context.fakeUrl} (GHL_E2E_REUSE=1; pids ${JSON.stringify(context.pids)})`);
	return true;
}

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const { timings, step } = timedSteps(log);

	const reuse = process.env.GHL_E2E_REUSE === '1';
	const devDir = join(E2E_TMP, 'dev');
	if (reuse && (await reusable(join(devDir, 'context.json')))) return;

	const runtime = await step('runtime', ensureRuntime);
	for (const drift of versionDrift()) log(`warning: ${drift}`);
	const built = await step('build', build);
	if (built === 'fresh') log('dist/ is newer than every source: build skipped (GHL_E2E_BUILD=always forces it)');

	mkdirSync(E2E_TMP, { recursive: true });
	if (reuse) rmSync(devDir, { recursive: true, force: true });
	const runDir = reuse ? (mkdirSync(devDir), devDir) : mkdtempSync(join(E2E_TMP, 'run-'));
	const userFolder = join(runDir, 'n8n-user');
	const logFile = join(runDir, 'n8n.log');
	log(`run folder ${runDir}`);

	const tarball = await step('pack', () => pack(runDir));
	await step('install', () => installPackage(tarball, userFolder));

	const globals: E2eGlobals = { runDir, logFile, keepRunning: reuse };
	(globalThis as { __GHL_E2E__?: E2eGlobals }).__GHL_E2E__ = globals;
	const fake = await step('fake GHL', async () => {
		const fd = openSync(join(runDir, 'fake-ghl.log'), 'a');
		const started = await startFake(runtime.node24, { logFd: fd, persistent: reuse });
		closeSync(fd);
		globals.fakePid = started.pid;
		return { ...started, admin: (path: string, body: unknown) => admin(started.url, path, body) };
	});
	// The ScoreApp template stores the score in a Number custom field keyed scoreapp_score.
	await fake.admin('/seed', {
		customFields: [{ locationId: IDS.locationA, name: 'ScoreApp score', fieldKey: 'contact.scoreapp_score', dataType: 'NUMERICAL' }],
	});

	const keys = newEd25519KeyPair();
	const minted: Record<string, unknown>[] = [];
	for (const options of tokenRequests()) minted.push(await fake.admin('/tokens', options));
	const { credentials, context: credentialRefs, secrets } = buildCredentials(minted as never);
	const templates = templateWorkflows(ROOT, credentialRefs, keys.publicKeyPem);
	const workflows = [...buildWorkflows(credentialRefs, keys.publicKeyPem), ...templates.workflows];

	const port = await freePort();
	const owner = { email: 'owner@ghl-e2e.test', password: `E2e-${randomBytes(9).toString('base64url')}-9a` };
	const credentialsOverwrite = {
		ghlOAuth2Api: { apiBaseUrl: fake.url, accessTokenUrl: `${fake.url}/oauth/token` },
		ghlPrivateIntegrationApi: { apiBaseUrl: fake.url },
	};
	const env = await step('n8n environment', () =>
		n8nEnvironment(userFolder, port, owner, {
			// Applied by `n8n start` to every credential of these types whose field is empty.
			CREDENTIALS_OVERWRITE_DATA: JSON.stringify(credentialsOverwrite),
			// Activation is applied through an outbox; poll it often (default 15 s).
			N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
			N8N_LOG_OUTPUT: 'console',
		}),
	);

	const credentialsFile = join(runDir, 'credentials.json');
	const workflowsDir = join(runDir, 'workflows');
	mkdirSync(workflowsDir);
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	for (const workflow of workflows) writeFileSync(join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));

	const database = await step('n8n database', () => prepareDatabase(runtime, env, userFolder));
	if (database === 'cached') log('migrated n8n database copied from the cache');
	const n8n = (args: string[]) => run(runtime.node24, [runtime.n8nBin, ...args], { env, cwd: userFolder });
	await step('n8n import:credentials', async () =>
		check(await n8n(['import:credentials', `--input=${credentialsFile}`]), 'n8n import:credentials'),
	);
	await step('n8n import:workflow', async () =>
		check(await n8n(['import:workflow', '--separate', `--input=${workflowsDir}`]), 'n8n import:workflow'),
	);

	const n8nUrl = `http://127.0.0.1:${port}`;
	await step('n8n start', async () => {
		const fd = openSync(logFile, 'a');
		const child = startN8n(runtime, env, fd);
		closeSync(fd);
		child.unref();
		globals.n8nPid = child.pid;
		// Never leave n8n behind, whatever way jest ends.
		if (!reuse) {
			process.once('exit', () => {
				if (globals.n8nPid) killGroup(globals.n8nPid, 'SIGKILL');
			});
		}
		await waitReady(n8nUrl, { pid: child.pid!, logFile });
		// n8n 1.x: no owner from the environment; claim the instance as the set-up screen does.
		if ((await ensureOwner(n8nUrl, owner)) === 'setup') log('owner created through /rest/owner/setup (n8n 1.x)');
	});
	// What n8n's installer records after an install, so Settings → Community Nodes lists the package.
	await step('register package', () => registerPackage(runtime, userFolder, PACKAGE_NAME, env));

	const context: E2eContext = {
		root: ROOT,
		runDir,
		logFile,
		n8nUrl,
		fakeUrl: fake.url,
		pids: { n8n: globals.n8nPid!, fake: globals.fakePid! },
		fixturesHash: fixturesHash(),
		n8nVersion: runtime.n8nVersion,
		runtime: { node24: runtime.node24, n8nBin: runtime.n8nBin },
		n8nEnv: env,
		owner,
		credentialsOverwrite,
		ed25519: keys,
		secrets,
		credentials: credentialRefs,
		workflows: WORKFLOWS,
		templates: templates.refs,
		timings,
	};

	await step('activate workflows', async () => {
		const client = new N8nClient(context);
		await client.login();
		await Promise.all(workflows.map(async (workflow) => await client.activate(workflow.id)));
		// Triggers answer an unsigned request 401 once registered (404 before); nothing runs.
		const triggers = [context.workflows.ghlTrigger, context.workflows.ghlWorkflowWebhook, context.workflows.scoreAppTrigger, ...context.templates]
			.map((workflow) => workflow.path)
			.filter(Boolean);
		await Promise.all(
			triggers.map(async (path) => {
				const res = await client.postWebhook(path, '{}', {}, { timeoutMs: 60_000 });
				if (res.status !== 401) throw new Error(`probe of /webhook/${path} answered ${res.status}: ${res.text}`);
			}),
		);
	});

	const contextFile = join(runDir, 'context.json');
	writeFileSync(contextFile, JSON.stringify(context, null, 2), { mode: 0o600 });
	process.env.GHL_E2E_CONTEXT = contextFile;
	timings.total = Number(((Date.now() - started) / 1000).toFixed(1));
	log(`ready in ${timings.total} s: n8n ${runtime.n8nVersion} at ${n8nUrl} (log ${logFile}), fake GHL at ${fake.url}`);
}
