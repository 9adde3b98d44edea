/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
/**
 * What the global setup started is the queue-mode stack it claims to be: Postgres 17 and Redis,
 * one main process, two workers (concurrency 10) and one webhook process, each answering its
 * own readiness check on its own port, the package loaded in every one of them.
 */
import { readFileSync } from 'node:fs';

import { logOf, setupQueue } from '../helpers';

const { ctx } = setupQueue();

const ready = async (url: string) => (await fetch(`${url}/healthz/readiness`)).status;

test('Postgres 17 and Redis, run as separate processes', () => {
	expect(ctx.queue.postgres.version).toMatch(/^17\./);
	expect(ctx.queue.redis.version).toMatch(/^\d+\.\d+/);
	expect(ctx.n8nEnv).toMatchObject({
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_PORT: String(ctx.queue.postgres.port),
		QUEUE_BULL_REDIS_PORT: String(ctx.queue.redis.port),
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	});
});

test('main, two workers and the webhook process are ready, each on its own port', async () => {
	const processes = [ctx.queue.main, ...ctx.queue.workers, ctx.queue.webhook];
	expect(processes.map((process) => process.name)).toEqual(['main', 'worker-1', 'worker-2', 'webhook']);
	expect(new Set(processes.map((process) => process.url)).size).toBe(4);
	expect(new Set(processes.map((process) => process.pid)).size).toBe(4);
	expect(await Promise.all(processes.map(async (process) => await ready(process.url)))).toEqual([200, 200, 200, 200]);
});

test('each worker says it is a worker with concurrency 10; the package is installed in every user folder', () => {
	for (const worker of ctx.queue.workers) {
		const text = logOf(worker.logFile);
		expect(text).toContain('n8n worker is now ready');
		expect(text).toContain('Concurrency: 10');
	}
	expect(logOf(ctx.queue.webhook.logFile)).toContain('Webhook listener waiting for requests');
	for (const process of [ctx.queue.main, ...ctx.queue.workers, ctx.queue.webhook]) {
		const userFolder = process.logFile.replace(/\.log$/, '/n8n-user');
		const ledger = JSON.parse(readFileSync(`${userFolder}/.n8n/nodes/package.json`, 'utf8'));
		expect(Object.keys(ledger.dependencies)).toEqual(['n8n-nodes-ghl']);
		expect(logOf(process.logFile)).not.toMatch(/Failed to load package|Error loading package/i);
	}
});
