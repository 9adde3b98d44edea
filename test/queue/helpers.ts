/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
/**
 * What the queue suites share: the e2e harness's N8nClient whose production webhooks go to the
 * webhook process (REST and CLI stay on the main process), the fake's admin client, and which
 * worker ran an execution — read from the workers' own logs, where n8n's job processor writes
 * "Worker started execution <id> (job <n>)" and "Worker finished execution <id> (job <n>)"
 * (dist/scaling/job-processor.js) when it takes and completes a job.
 */
import { existsSync, readFileSync } from 'node:fs';

import { FakeAdmin } from '../e2e/harness/fake';
import { N8nClient, sleep, type Execution, type ExecutionSummary, type WebhookResponse } from '../e2e/harness/n8n';
import { type QueueContext, queueContext } from './context';

/** N8nClient for the main process; `postWebhook` (and so `runViaWebhook`) goes to `n8n webhook`. */
export class QueueClient extends N8nClient {
	private readonly hooks: N8nClient;

	constructor(ctx: QueueContext) {
		super(ctx);
		this.hooks = new N8nClient({ ...ctx, n8nUrl: ctx.queue.webhook.url });
	}

	override async postWebhook(
		path: string,
		body: string | Buffer | object,
		headers: Record<string, string> = {},
		options: { timeoutMs?: number } = {},
	): Promise<WebhookResponse> {
		return await this.hooks.postWebhook(path, body, headers, options);
	}

	/** Posts every body at once; waits for that many new executions of the workflow and reads them. */
	async runConcurrently(workflowId: string, path: string, bodies: object[], { timeoutMs = 120_000 } = {}) {
		const before = await this.lastExecutionId(workflowId);
		const responses = await Promise.all(bodies.map(async (body) => await this.postWebhook(path, body, {}, { timeoutMs })));
		const summaries = await this.waitForExecutions(workflowId, before, bodies.length, { timeoutMs, settleMs: 500 });
		const executions = await Promise.all(summaries.map(async (summary) => await this.execution(summary.id)));
		return { responses, executions };
	}
}

export function setupQueue() {
	const ctx = queueContext();
	return { ctx, n8n: new QueueClient(ctx), fake: new FakeAdmin(ctx.fakeUrl) };
}

export interface WorkerRuns {
	/** execution id → the workers whose log says they started it. */
	started: Map<string, string[]>;
	/** execution id → the workers whose log says they finished it. */
	finished: Map<string, string[]>;
}

const LINE = /Worker (started|finished) execution (\d+) \(job [^)]+\)/g;

/** Reads every worker's log. */
export function workerRuns(ctx: QueueContext): WorkerRuns {
	const runs: WorkerRuns = { started: new Map(), finished: new Map() };
	for (const worker of ctx.queue.workers) {
		const text = existsSync(worker.logFile) ? readFileSync(worker.logFile, 'utf8') : '';
		for (const [, kind, id] of text.matchAll(LINE)) {
			const map = kind === 'started' ? runs.started : runs.finished;
			map.set(id, [...(map.get(id) ?? []), worker.name]);
		}
	}
	return runs;
}

/**
 * The worker that ran each execution: waits (briefly: the log line is written before the
 * execution is marked finished) until every id has a "finished" line, then returns id → worker
 * names that started it (exactly one each when all is well).
 */
export async function workersOf(ctx: QueueContext, executions: Array<Execution | ExecutionSummary>, timeoutMs = 10_000): Promise<Record<string, string[]>> {
	const ids = executions.map((execution) => String(execution.id));
	const deadline = Date.now() + timeoutMs;
	let runs = workerRuns(ctx);
	while (ids.some((id) => !runs.finished.has(id)) && Date.now() < deadline) {
		await sleep(200);
		runs = workerRuns(ctx);
	}
	return Object.fromEntries(ids.map((id) => [id, runs.started.get(id) ?? []]));
}

/** The log of a process, for "not in the main process's log" checks. */
export const logOf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** `count` different weekdays (YYYY-MM-DD) from `daysAhead` on: the fake's calendars are open Mon–Fri. */
export function weekdays(count: number, daysAhead = 2): string[] {
	const days: string[] = [];
	const date = new Date(Date.now() + daysAhead * 86_400_000);
	while (days.length < count) {
		if (![0, 6].includes(date.getUTCDay())) days.push(date.toISOString().slice(0, 10));
		date.setUTCDate(date.getUTCDate() + 1);
	}
	return days;
}
