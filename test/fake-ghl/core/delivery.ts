/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Sending the fake's webhooks (README.md, "Webhooks"): the events a request queued leave once its
 * answer was sent (flushWebhooks), each `delayMs` later, at most `concurrency` at a time, with a
 * `timeoutMs` limit; every attempt goes to the delivery log; nothing is retried.
 */
import type { Hooks, Job } from './webhooks.ts';
import type { Core } from './types.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

const DELIVERY_LOG_LIMIT = 2000;

/** After a request's answer was sent: each event of its outbox becomes due `delayMs` later. */
export function flushWebhooks(core: Core): void {
	const h = core.hooks;
	if (!h.outbox.length) return;
	for (const job of h.outbox.splice(0)) {
		h.stats.queued++;
		const timer = setTimeout(() => {
			h.timers.delete(timer);
			h.queue.push(job);
			pump(core, h);
		}, h.delayMs);
		h.timers.add(timer);
	}
}

function pump(core: Core, h: Hooks): void {
	while (h.active < h.concurrency && h.queue.length) void deliver(core, h, h.queue.shift()!);
}

async function deliver(core: Core, h: Hooks, job: Job): Promise<void> {
	h.active++;
	const time = new Date().toISOString();
	const started = performance.now();
	const ctl = new AbortController();
	h.controllers.add(ctl);
	const timer = setTimeout(() => ctl.abort(), h.timeoutMs);
	let status = 0;
	let error: string | undefined;
	try {
		const res = await fetch(job.url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ghl-signature': job.signature }, body: job.body, signal: ctl.signal });
		status = res.status;
		await res.arrayBuffer().catch(() => undefined);
	} catch (e) {
		error = ctl.signal.aborted ? `no answer within ${h.timeoutMs} ms` : String((e as any)?.cause?.code ?? (e as Error).message ?? e);
	} finally {
		clearTimeout(timer);
		h.controllers.delete(ctl);
	}
	const ok = status >= 200 && status < 300;
	if (ok) h.stats.delivered++;
	else h.stats.failed++;
	const { body, signature, ...rest } = job;
	void body;
	void signature;
	h.deliveries.push({ seq: ++h.seq, ...rest, status, ok, ...(error ? { error } : {}), time, durationMs: Math.round((performance.now() - started) * 10) / 10 });
	if (h.deliveries.length > DELIVERY_LOG_LIMIT) h.deliveries.splice(0, h.deliveries.length - DELIVERY_LOG_LIMIT);
	if (core.config.logToStdout) process.stdout.write(`[fake-ghl] webhook ${job.type} ${job.id} → ${job.url} ${status || error}\n`);
	h.active--;
	pump(core, h);
}
