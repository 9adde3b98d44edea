/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * GHL's rate limit shared by processes: several executions of N contact upserts to one location,
 * started together and run by both workers, against the fake at GHL's limit (100 / 10 s). Every
 * item must land once, and 429s stay under 2 % of the requests: each worker sees the other's
 * requests only in GHL's X-RateLimit-Remaining. The time is measured, not asserted (the benchmark's
 * row (g) runs this with GHL_QUEUE_PACING_ITEMS=500 and reads GHL_QUEUE_RESULTS).
 *
 *   GHL_QUEUE_PACING_ITEMS      items per execution (default 500, as the measurement: the
 *                               first window's overshoot, ~15–20 × 429 before every sender has seen
 *                               the others, is over 2 % of a shorter run)
 *   GHL_QUEUE_PACING_RUNS       executions (default 4)
 *   GHL_QUEUE_PACING_WINDOW     the fake's window: sliding (default) or fixed
 *   GHL_QUEUE_PACING_FAULTS     1: also 30 % injected 429s saying the window is full + 5 % 500s
 */
import { writeFileSync } from 'node:fs';

import { matching } from '../../e2e/harness/helpers';
import { setupQueue, workersOf } from '../helpers';

const { ctx, n8n, fake } = setupQueue();

const ITEMS = Number(process.env.GHL_QUEUE_PACING_ITEMS ?? 500);
const RUNS = Number(process.env.GHL_QUEUE_PACING_RUNS ?? 4);
const WINDOW = process.env.GHL_QUEUE_PACING_WINDOW === 'fixed' ? 'fixed' : 'sliding';
const FAULTS = process.env.GHL_QUEUE_PACING_FAULTS === '1';
/** First window free, then 100 per 10 s. */
const floorSeconds = (requests: number) => (Math.max(0, requests - 100) / 100) * 10;

describe(`${RUNS} executions × ${ITEMS} upserts to one location on two workers (${WINDOW} window${FAULTS ? ', injected faults' : ''})`, () => {
	const prefix = `pacing-${Date.now().toString(36)}`;
	let wallSeconds = 0;
	let result: Awaited<ReturnType<typeof n8n.runConcurrently>>;
	let upserts: Awaited<ReturnType<typeof fake.requests>>;
	let emails: string[] = [];

	beforeAll(async () => {
		await fake.configure({
			rateLimit: { window: WINDOW },
			requestLogLimit: 50_000,
			...(FAULTS ? { faults: { rate429: 0.3, rate500: 0.05, seed: 11, full429: true } } : {}),
		});
		// A fresh window: nothing of the set-up or other suites in it.
		await new Promise((resolve) => setTimeout(resolve, 10_500));
		const since = await fake.lastSeq();
		const t0 = Date.now();
		result = await n8n.runConcurrently(
			ctx.queue.workflows.upserts.id,
			ctx.queue.workflows.upserts.path,
			Array.from({ length: RUNS }, (_, run) => ({ n: ITEMS, prefix: `${prefix}-${run}` })),
			{ timeoutMs: 1_800_000 },
		);
		wallSeconds = (Date.now() - t0) / 1000;
		upserts = matching(await fake.requests(since), 'POST', /^\/contacts\/upsert$/);
		if (process.env.GHL_QUEUE_PACING_DUMP) {
			const lines = upserts.map((request) => [request.time, request.status, request.fault ?? '', request.durationMs].join('\t'));
			writeFileSync(process.env.GHL_QUEUE_PACING_DUMP, `${lines.join('\n')}\n`);
		}
		await fake.configure({ rateLimit: { window: 'fixed' }, faults: { rate429: 0, rate500: 0, full429: false } });
		emails = (await fake.records('contacts')).map((contact) => String(contact.email)).filter((email) => email.startsWith(`${prefix}-`));
	}, 1_900_000);

	test('every execution succeeds and outputs one contact per item', () => {
		expect(result.executions.map((execution) => execution.status)).toEqual(Array(RUNS).fill('success'));
		for (const response of result.responses) expect(response.body).toMatchObject({ count: ITEMS });
	});

	test('every item landed in GHL exactly once', () => {
		expect(new Set(emails).size).toBe(emails.length);
		expect(emails.length).toBe(RUNS * ITEMS);
	});

	test('the executions ran on both workers', async () => {
		const ran = await workersOf(ctx, result.executions);
		expect(new Set(Object.values(ran).flat()).size).toBe(2);
	});

	test('429s from the shared window stay under 2 % of requests', async () => {
		const refused = upserts.filter((request) => request.status === 429 && !request.fault?.startsWith('injected')).length;
		const measured = {
			runs: RUNS,
			items: ITEMS,
			window: WINDOW,
			faults: FAULTS,
			wallSeconds,
			requests: upserts.length,
			rateLimited: upserts.filter((request) => request.status === 429).length,
			rateLimitedByWindow: refused,
			injected: upserts.filter((request) => request.fault?.startsWith('injected')).length,
			floorSeconds: floorSeconds(RUNS * ITEMS),
			failed: RUNS * ITEMS - new Set(emails).size,
			duplicates: emails.length - new Set(emails).size,
			workers: Object.values(await workersOf(ctx, result.executions)).flat(),
		};
		process.stderr.write(`[queue] pacing: ${JSON.stringify(measured)}\n`);
		if (process.env.GHL_QUEUE_RESULTS) writeFileSync(process.env.GHL_QUEUE_RESULTS, JSON.stringify(measured, null, 2));
		expect(refused / upserts.length).toBeLessThan(0.02);
	});
});
