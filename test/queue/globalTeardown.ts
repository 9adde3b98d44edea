/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Stops every process of the queue-mode run by its PID (process groups: n8n with its task
 * runners, Postgres with its backends), n8n first, then Redis, Postgres and the fake
 * (scripts/lib/queue.cjs stopAll, which also ends the watchdog), and removes the run folder
 * (<tmp>/n8n-nodes-ghl-queue-<hash>/run-<id>: the user folders, the Postgres cluster, every log)
 * unless GHL_QUEUE_KEEP=1.
 */
import { rmSync } from 'node:fs';

import { stopAll } from '../../scripts/lib/queue.cjs';
import type { QueueGlobals } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
	const globals = (globalThis as { __GHL_QUEUE__?: QueueGlobals }).__GHL_QUEUE__;
	if (!globals) return;
	await stopAll(globals.pidsFile);
	if (process.env.GHL_QUEUE_KEEP === '1') {
		process.stderr.write(`[queue] kept ${globals.runDir} (main.log, worker-1.log, worker-2.log, webhook.log, postgres.log, redis.log)\n`);
	} else {
		rmSync(globals.runDir, { recursive: true, force: true });
	}
}
