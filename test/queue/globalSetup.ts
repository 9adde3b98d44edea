/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Once per queue-mode run (`npm run test:queue`), everything started by scripts/lib/queue.cjs
 * and scripts/lib/runtime.cjs, nothing by hand:
 *   1. the cached Node 24 + n8n 2.41 runtime, `npm run build` when dist/ is stale, `npm pack` once;
 *   2. Postgres 17 (npm registry, cached) and Redis (Debian, installed when missing), the package
 *      installed into five n8n user folders (main, worker-1, worker-2, webhook, webhook-2), the
 *      fake GHL API: all at once;
 *   3. the e2e credentials and workflows (test/e2e/harness/fixtures.ts) plus the queue fixtures,
 *      imported with the n8n CLI into Postgres (this also runs n8n's migrations);
 *   4. `n8n start` (main), then `n8n worker --concurrency=10` × 2 and `n8n webhook` × 2 (webhook,
 *      webhook-2: the second for the replays suite, same event on two processes), all in queue
 *      mode on the same Postgres, Redis and encryption key, pointed at the fake by the e2e
 *      harness's CREDENTIALS_OVERWRITE_DATA;
 *   5. the workflows the suites use published through the main process's REST API, and each
 *      trigger probed on both webhook processes until they answer.
 * The suites get the details from the JSON file named by GHL_E2E_CONTEXT (a QueueContext).
 * A watchdog stops every process if jest dies before the global teardown runs.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildCredentials, buildWorkflows, IDS, tokenRequests, WORKFLOWS } from '../e2e/harness/fixtures';
import { FakeAdmin } from '../e2e/harness/fake';
import { N8nClient } from '../e2e/harness/n8n';
import { build, check, ensureRuntime, installPackage, killGroup, pack, ROOT, run, startFake, timedSteps, versionDrift } from '../e2e/harness/runtime';
import { newEd25519KeyPair } from '../e2e/harness/signing';
import {
	ensurePostgres,
	ensureRedis,
	pidRegistry,
	queueEnvironments,
	startPostgres,
	startQueueProcess,
	startRedis,
	startWatchdog,
} from '../../scripts/lib/queue.cjs';
import type { QueueContext } from './context';
import { QUEUE_WORKFLOWS, queueCredentials, queueWorkflows } from './fixtures';

export interface QueueGlobals {
	runDir: string;
	pidsFile: string;
}

const QUEUE_TMP = join(tmpdir(), `n8n-nodes-ghl-queue-${createHash('sha256').update(ROOT).digest('hex').slice(0, 8)}`);

const log = (message: string) => process.stderr.write(`[queue] ${message}\n`);

/** The workflows the suites run (the e2e fixtures import more; they stay inactive). */
const ACTIVE = [WORKFLOWS.allOps, WORKFLOWS.deals, WORKFLOWS.oauthRace, WORKFLOWS.agency, WORKFLOWS.scoreAppTrigger, QUEUE_WORKFLOWS.ghlTriggerChain, QUEUE_WORKFLOWS.upserts];
const TRIGGERS = [WORKFLOWS.scoreAppTrigger, QUEUE_WORKFLOWS.ghlTriggerChain];

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const { timings, step } = timedSteps(log);

	const runtime = await step('runtime', ensureRuntime);
	for (const drift of versionDrift()) log(`warning: ${drift}`);
	if ((await step('build', build)) === 'fresh') log('dist/ is newer than every source: build skipped (GHL_E2E_BUILD=always forces it)');

	mkdirSync(QUEUE_TMP, { recursive: true });
	const runDir = mkdtempSync(join(QUEUE_TMP, 'run-'));
	log(`run folder ${runDir}`);
	const registry = pidRegistry(runDir);
	const globals: QueueGlobals = { runDir, pidsFile: registry.file };
	(globalThis as { __GHL_QUEUE__?: QueueGlobals }).__GHL_QUEUE__ = globals;
	// Never leave a process behind: on a normal exit, synchronously; if jest is killed, the watchdog.
	process.once('exit', () => {
		// (pids.json is gone once the teardown has stopped them: their PIDs may be reused by then.)
		if (existsSync(registry.file)) for (const entry of registry.entries) killGroup(entry.pid, 'SIGKILL');
	});
	// (Not in pids.json itself: it exits once the teardown has removed that file.)
	startWatchdog(runtime.node24, process.pid, registry.file, { removeDir: process.env.GHL_QUEUE_KEEP === '1' ? undefined : runDir });

	const WEBHOOKS = 2;
	const names = ['main', 'worker-1', 'worker-2', 'webhook', 'webhook-2'];
	const tarball = await step('pack', () => pack(runDir));
	const [native, redisBin, fake] = await Promise.all([
		step('postgres install', () => ensurePostgres(runtime.cache)),
		step('redis install', ensureRedis),
		step('fake GHL', async () => {
			const fd = openSync(join(runDir, 'fake-ghl.log'), 'a');
			const fakeStarted = await startFake(runtime.node24, { logFd: fd });
			closeSync(fd);
			registry.register({ name: 'fake', pid: fakeStarted.pid, group: false });
			return fakeStarted;
		}),
		step(`install into ${names.length} user folders`, async () => {
			for (const name of names) await installPackage(tarball, join(runDir, name, 'n8n-user'));
		}),
	]);
	const [postgres, redis] = await Promise.all([
		step('postgres start', () => startPostgres({ native, runDir, n8nDir: runtime.n8nDir, register: registry.register })),
		step('redis start', () => startRedis({ redisBin, runDir, register: registry.register })),
	]);
	log(`Postgres ${postgres.version} on port ${postgres.port}${postgres.runsAs ? ` (as ${postgres.runsAs})` : ''}, Redis ${redis.version} on port ${redis.port}`);

	const admin = new FakeAdmin(fake.url);
	const keys = newEd25519KeyPair();
	const minted: Record<string, unknown>[] = [];
	for (const options of tokenRequests()) minted.push(await admin.mintToken(options));
	const { credentials, context: credentialRefs, secrets } = buildCredentials(minted as never);
	const workflows = [...buildWorkflows(credentialRefs, keys.publicKeyPem), ...queueWorkflows(credentialRefs, keys.publicKeyPem)];

	const owner = { email: 'owner@ghl-queue.test', password: `Queue-${randomBytes(9).toString('base64url')}-9a` };
	// The e2e harness's overwrites: the OAuth2 and Private Integration credentials reach the fake.
	const credentialsOverwrite = {
		ghlOAuth2Api: { apiBaseUrl: fake.url, accessTokenUrl: `${fake.url}/oauth/token` },
		ghlPrivateIntegrationApi: { apiBaseUrl: fake.url },
	};
	const plan = await step('n8n environments', () =>
		queueEnvironments({
			runDir,
			owner,
			workers: 2,
			webhooks: WEBHOOKS,
			postgres,
			redis,
			extra: {
				CREDENTIALS_OVERWRITE_DATA: JSON.stringify(credentialsOverwrite),
				N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '1000',
			},
		}),
	);
	const main = plan.environments.main;

	const credentialsFile = join(runDir, 'credentials.json');
	const workflowsDir = join(runDir, 'workflows');
	mkdirSync(workflowsDir);
	writeFileSync(credentialsFile, JSON.stringify([...credentials, ...queueCredentials(fake.url)], null, 2), { mode: 0o600 });
	for (const workflow of workflows) writeFileSync(join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	const n8nCli = (args: string[]) => run(runtime.node24, [runtime.n8nBin, ...args], { env: main.env, cwd: main.userFolder });
	await step('n8n import:credentials (+ migrations)', async () =>
		check(await n8nCli(['import:credentials', `--input=${credentialsFile}`]), 'n8n import:credentials'),
	);
	await step('n8n import:workflow', async () => check(await n8nCli(['import:workflow', '--separate', `--input=${workflowsDir}`]), 'n8n import:workflow'));

	const mainProcess = await step('n8n start (main)', () => startQueueProcess(runtime, main, { register: registry.register }));
	const others = await step(`n8n worker × 2, n8n webhook × ${WEBHOOKS}`, () =>
		Promise.all(plan.names.filter((name) => name !== 'main').map((name) => startQueueProcess(runtime, plan.environments[name], { register: registry.register }))),
	);
	const ref = ({ name, pid, url, logFile }: { name: string; pid: number; url: string; logFile: string }) => ({ name, pid, url, logFile });
	const isWebhook = (name: string) => name === 'webhook' || /^webhook-\d+$/.test(name);
	const webhooks = others.filter((process) => isWebhook(process.name));
	const webhook = webhooks.find((process) => process.name === 'webhook')!;

	const context: QueueContext = {
		root: ROOT,
		runDir,
		logFile: mainProcess.logFile,
		n8nUrl: mainProcess.url,
		fakeUrl: fake.url,
		pids: { n8n: mainProcess.pid, fake: fake.pid },
		fixturesHash: '',
		n8nVersion: runtime.n8nVersion,
		runtime: { node24: runtime.node24, n8nBin: runtime.n8nBin },
		n8nEnv: main.env,
		owner,
		credentialsOverwrite,
		ed25519: keys,
		secrets,
		credentials: credentialRefs,
		workflows: WORKFLOWS,
		templates: [],
		timings,
		queue: {
			main: ref(mainProcess),
			workers: others.filter((process) => process.name.startsWith('worker-')).map(ref),
			webhook: ref(webhook),
			webhooks: webhooks.map(ref),
			postgres: { pid: postgres.pid, port: postgres.port, version: postgres.version, database: postgres.database, runsAs: postgres.runsAs },
			redis: { pid: redis.pid, port: redis.port, version: redis.version },
			pidsFile: registry.file,
			workflows: QUEUE_WORKFLOWS,
		},
	};

	await step('activate workflows', async () => {
		const client = new N8nClient(context);
		await client.login();
		for (const workflow of ACTIVE) await client.activate(workflow.id);
		// A webhook process answers an unsigned request 401 once it has the trigger (404 before).
		for (const process of webhooks) {
			const hooks = new N8nClient({ ...context, n8nUrl: process.url });
			for (const trigger of TRIGGERS) {
				const res = await hooks.postWebhook(trigger.path, '{}', {}, { timeoutMs: 90_000 });
				if (res.status !== 401) throw new Error(`probe of ${process.name} ${process.url}/webhook/${trigger.path} answered ${res.status}: ${res.text}`);
			}
		}
	});

	const contextFile = join(runDir, 'context.json');
	writeFileSync(contextFile, JSON.stringify(context, null, 2), { mode: 0o600 });
	process.env.GHL_E2E_CONTEXT = contextFile;
	timings.total = Number(((Date.now() - started) / 1000).toFixed(1));
	log(
		`ready in ${timings.total} s: main ${mainProcess.url}, ${webhooks.map((process) => `${process.name} ${process.url}`).join(', ')}, workers ${others
			.filter((process) => !isWebhook(process.name))
			.map((process) => `${process.name} (pid ${process.pid})`)
			.join(', ')}; location ${IDS.locationA}`,
	);
}
