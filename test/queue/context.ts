/**
 * What the queue-mode global setup hands to the suites: the e2e context (same fake, credentials,
 * workflows, owner; `n8nUrl` is the main process, `n8nEnv` its environment for the n8n CLI) plus
 * the queue-mode processes. Written to the JSON file named by GHL_E2E_CONTEXT, so the e2e harness
 * (e2eContext, N8nClient, FakeAdmin) reads it as it is.
 */
import type { E2eContext, WorkflowRef } from '../e2e/harness/context';
import { e2eContext } from '../e2e/harness/context';

export interface ProcessRef {
	name: string;
	pid: number;
	/** Where it answers /healthz/readiness (a worker's health server). */
	url: string;
	logFile: string;
}

export interface QueueContext extends E2eContext {
	queue: {
		main: ProcessRef;
		workers: ProcessRef[];
		/** `n8n webhook`: production webhooks are posted here. */
		webhook: ProcessRef;
		/** Every `n8n webhook` process, `webhook` first, then webhook-2 (same database and Redis). */
		webhooks: ProcessRef[];
		postgres: { pid: number; port: number; version: string; database: string; runsAs?: string };
		redis: { pid: number; port: number; version?: string };
		pidsFile: string;
		/** Workflows only the queue suites import. */
		workflows: { ghlTriggerChain: WorkflowRef; upserts: WorkflowRef };
	};
}

export function queueContext(): QueueContext {
	const ctx = e2eContext() as QueueContext;
	if (!ctx.queue) throw new Error('GHL_E2E_CONTEXT is not a queue-mode context: run these suites with `npm run test:queue` (jest.queue.config.js)');
	return ctx;
}
