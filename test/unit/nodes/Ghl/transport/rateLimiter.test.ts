/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { acquireSlot, recordRateLimit, setRateLimiterClock } from '../../../../../nodes/Ghl/transport/rateLimiter';
import { clock, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('transport', () => {
	it('paces a burst to the learned window: never more than the allowance per interval', async () => {
		// Real time here: pacing is about when requests leave, which a virtual clock can't observe.
		setRateLimiterClock(undefined);
		recordRateLimit('bucket', { max: 10, intervalMs: 300 });
		const sentAt: number[] = [];
		await Promise.all(
			Array.from({ length: 25 }, async () => {
				const release = await acquireSlot('bucket');
				sentAt.push(Date.now());
				release();
			}),
		);
		sentAt.sort((a, b) => a - b);
		// Sliding window: any 300 ms span holds at most the allowance, 10 (5 ms timer slack).
		for (const t of sentAt) expect(sentAt.filter((s) => s >= t && s < t + 295).length).toBeLessThanOrEqual(10);
		// 25 sends need two full waits, and no more.
		expect(sentAt[24] - sentAt[0]).toBeGreaterThanOrEqual(590);
		expect(sentAt[24] - sentAt[0]).toBeLessThan(1_200);
	});

	it('counts a request until one interval after its answer: a slow request cannot put GHL over the limit', async () => {
		// GHL counts a request when it arrives, somewhere between our send and its answer. A burst's first
		// request that took 400 ms must still hold its slot 400 ms past "send + interval".
		recordRateLimit('slow', { max: 2, intervalMs: 1_000 });
		const t0 = clock.time;
		const first = await acquireSlot('slow');
		const second = await acquireSlot('slow');
		clock.time += 400;
		first();
		second();
		await acquireSlot('slow');
		expect(clock.time - t0).toBe(1_400);
	});

	it('while every slot is held by a request in flight, the next one waits for an answer', async () => {
		recordRateLimit('busy', { max: 1, intervalMs: 1_000 });
		const release = await acquireSlot('busy');
		let granted = false;
		const next = acquireSlot('busy').then(() => (granted = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(granted).toBe(false);
		clock.time += 3_000;
		release();
		const t = clock.time;
		await next;
		expect(clock.time - t).toBe(1_000);
	});
});
