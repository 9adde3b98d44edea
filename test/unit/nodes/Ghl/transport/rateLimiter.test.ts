/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { acquireSlot, recordRateLimit, setRateLimiterClock, suggestedInFlight } from '../../../../../nodes/Ghl/transport/rateLimiter';
import { clock, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

/** One request in `key`, answered `ms` later with GHL's remaining count at 100 / 10 s. */
async function answerAfter(key: string, ms: number, remaining: number): Promise<void> {
	const release = await acquireSlot(key);
	clock.time += ms;
	release({ limits: { max: 100, intervalMs: 10_000, remaining } });
}

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

	it("a lone sender also goes by GHL's count: a slot GHL says is free is used before our own record frees it", async () => {
		recordRateLimit('late', { max: 2, intervalMs: 1_000 });
		const t0 = clock.time;
		const first = await acquireSlot('late');
		// Its answer handled late (this process was busy): our record holds its slot until t0 + 1,500.
		clock.time += 500;
		first({ limits: { max: 2, intervalMs: 1_000, remaining: 1 } });
		const second = await acquireSlot('late');
		clock.time += 600;
		// GHL counted the second request after the first had aged out of its window: one slot free.
		second({ limits: { max: 2, intervalMs: 1_000, remaining: 1 } });
		await acquireSlot('late');
		expect(clock.time - t0).toBe(1_100);
		// No answer since says more: the next one waits for our record again (the third request
		// holds the slot the first frees at t0 + 1,500; the second's frees at t0 + 2,100).
		await acquireSlot('late');
		expect(clock.time - t0).toBe(2_100);
	});

	it("a lone sender does not go by GHL's count past requests still in flight (they may reach GHL after it, in any order)", async () => {
		recordRateLimit('reordered', { max: 3, intervalMs: 1_000 });
		const t0 = clock.time;
		const first = await acquireSlot('reordered');
		const second = await acquireSlot('reordered');
		clock.time += 500;
		first({ limits: { max: 3, intervalMs: 1_000, remaining: 2 } });
		const third = await acquireSlot('reordered');
		clock.time += 100;
		// Counted before the second arrived: GHL says 1 free, but the second is still on its way.
		third({ limits: { max: 3, intervalMs: 1_000, remaining: 1 } });
		await acquireSlot('reordered');
		expect(clock.time - t0).toBe(1_500);
		second();
	});

	it("in its first window a process sends no more than GHL's newest count leaves (others may be starting too)", async () => {
		recordRateLimit('starting', { max: 10, intervalMs: 1_000 });
		const releases = await Promise.all(Array.from({ length: 5 }, async () => await acquireSlot('starting')));
		// GHL had counted 5 when the first arrived (ours or not, it cannot tell): 5 left, 4 of ours on the way.
		releases[0]({ limits: { max: 10, intervalMs: 1_000, remaining: 5 } });
		await acquireSlot('starting');
		let seventh = false;
		const next = acquireSlot('starting').then(() => (seventh = true));
		await new Promise((resolve) => setImmediate(resolve));
		// Our own record would allow 4 more; GHL's count allows none until an answer says so.
		expect(seventh).toBe(false);
		releases[1]({ limits: { max: 10, intervalMs: 1_000, remaining: 5 } });
		await next;
		expect(seventh).toBe(true);
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

	it("shares GHL's window with other processes: requests GHL counted that are not ours hold slots until an answer says otherwise", async () => {
		recordRateLimit('shared', { max: 10, intervalMs: 1_000 });
		const t0 = clock.time;
		// Our one request; GHL's answer says 8 of 10 are used: 7 are another process's.
		(await acquireSlot('shared'))({ limits: { max: 10, intervalMs: 1_000, remaining: 2 } });
		const sent: number[] = [];
		for (let i = 0; i < 2; i++) {
			(await acquireSlot('shared'))();
			sent.push(clock.time - t0);
		}
		// Our part of the rate is 10 − 7 = 3 per second, sent evenly (one each 333 ms), and one slot
		// stays free for what we cannot know yet: 10 − ours (2) − theirs (7) − 1 = 0 then, so the
		// next waits for our first slot to age out.
		expect(sent[0]).toBeCloseTo(333.3, 0);
		expect(sent[1]).toBe(1_000);
	});

	it("when the others' part of the window shrinks (a worker's executions ended), their slots are taken up as they free", async () => {
		recordRateLimit('fading', { max: 10, intervalMs: 1_000 });
		const t0 = clock.time;
		// GHL: 8 of 10 used, 7 of them another process's.
		(await acquireSlot('fading'))({ limits: { max: 10, intervalMs: 1_000, remaining: 2 } });
		const second = await acquireSlot('fading');
		expect(clock.time - t0).toBeCloseTo(333.3, 0);
		// A third of a second later only 4 are theirs: they free 3 slots in 333 ms and do not reuse them.
		second({ limits: { max: 10, intervalMs: 1_000, remaining: 4 } });
		(await acquireSlot('fading'))();
		// Our part (10 − 4 = 6 per second) plus theirs as it frees (9 per second): one each 66.7 ms,
		// not each 166.7 ms.
		expect(clock.time - t0).toBeCloseTo(400, 0);
	});

	it("on a shared window the part kept free grows with the answer time (what the others send meanwhile is not in view)", async () => {
		recordRateLimit('slowShared', { max: 10, intervalMs: 1_000 });
		const t0 = clock.time;
		const first = await acquireSlot('slowShared');
		clock.time += 500;
		// 6 of 10 used, 5 of them another process's; our answer took 500 ms: keep 2 × 5/s × 0.5 s = 5 free.
		first({ limits: { max: 10, intervalMs: 1_000, remaining: 4 } });
		await acquireSlot('slowShared');
		// Ours 1 + theirs 5 + 5 kept free is over 10: nothing until their count is an interval old
		// and our first has aged out (with a flat one-slot margin it went at once, at t0 + 500).
		expect(clock.time - t0).toBe(1_500);
	});

	it('alone on the location (GHL counts only ours), nothing is held back', async () => {
		recordRateLimit('alone', { max: 10, intervalMs: 1_000 });
		const t0 = clock.time;
		for (let i = 1; i <= 10; i++) (await acquireSlot('alone'))({ limits: { max: 10, intervalMs: 1_000, remaining: 10 - i } });
		expect(clock.time - t0).toBe(0);
	});

	it('a 429 saying the window is full lets one probe out at a time; an answer with room ends that', async () => {
		recordRateLimit('probe', { max: 10, intervalMs: 1_000 });
		(await acquireSlot('probe'))({ limits: { max: 10, intervalMs: 1_000, remaining: 0 }, rateLimited: true });
		const probe = await acquireSlot('probe');
		let second = false;
		const next = acquireSlot('probe').then((release) => {
			second = true;
			return release;
		});
		await new Promise((resolve) => setImmediate(resolve));
		expect(second).toBe(false);
		probe({ limits: { max: 10, intervalMs: 1_000, remaining: 7 } });
		(await next)();
		expect(second).toBe(true);
	});

	it('refused probes wait twice as long each time, but not past the moment our oldest request in the window ages out', async () => {
		const limits = { max: 10, intervalMs: 1_000, remaining: 0 };
		recordRateLimit('fullProbe', { max: 10, intervalMs: 1_000 });
		const t0 = clock.time;
		const probes: number[] = [];
		for (let n = 0; n < 6; n++) {
			const release = await acquireSlot('fullProbe');
			probes.push(clock.time - t0);
			// Refused: the window is full of others' requests (GHL counts the refused one too).
			release({ limits, rateLimited: true });
		}
		// interval ÷ others (9, 8, 7: each probe is one more of ours) × 2 per refusal: 111, +250, +571;
		// the next would be +1,333, but our first request (t0) leaves the window at t0 + 1,000.
		expect(probes.slice(0, 4).map(Math.round)).toEqual([0, 111, 361, 933]);
		expect(probes[4]).toBe(1_000);
		// Refused there too: the waits start over from the shortest (interval ÷ others), not from 1,333.
		expect(probes[5] - probes[4]).toBeLessThan(300);
	});

	it('in flight per location follows the answer times: rate × latency × 2, from 8 to 32', async () => {
		expect(suggestedInFlight('unknown')).toBe(8);
		recordRateLimit('slowAnswers', { max: 100, intervalMs: 10_000 });
		const release = await acquireSlot('slowAnswers');
		clock.time += 1_000; // 10 requests/s × 1 s × 2 = 20
		release();
		expect(suggestedInFlight('slowAnswers')).toBe(20);
		const again = await acquireSlot('slowAnswers');
		clock.time += 20_000;
		again();
		expect(suggestedInFlight('slowAnswers')).toBe(32);
		recordRateLimit('fastAnswers', { max: 100, intervalMs: 10_000 });
		const fast = await acquireSlot('fastAnswers');
		clock.time += 250; // 5: the floor
		fast();
		expect(suggestedInFlight('fastAnswers')).toBe(8);
	});

	it('alone on the window (a quarter window of answers shows no one else), in flight sends a window within a twentieth of it', async () => {
		for (let n = 1; n <= 24; n++) await answerAfter('lone', 250, 100 - n);
		// 24 of 25: still the shared rule (10/s × 0.25 s × 2 = 5, floor 8).
		expect(suggestedInFlight('lone')).toBe(8);
		await answerAfter('lone', 250, 75);
		// 100 in 0.5 s at 0.25 s per answer: 50, capped at 32.
		expect(suggestedInFlight('lone')).toBe(32);
		// Another sender's 5 requests in GHL's count: back to the shared rule at once.
		await answerAfter('lone', 250, 100 - 26 - 5);
		expect(suggestedInFlight('lone')).toBe(8);
	});

	it('answers whose count our own requests in flight could hide the others in are no lone evidence', async () => {
		// Queue workers starting together: 40 of ours sent 5 ms apart, and 3 of another worker's
		// counted before the first of them. The first 30 answers' counts (ours so far + 3) stay under
		// the 40 of ours sent, so the foreign estimate is 0, but each is more than ours sent up to
		// that request.
		const releases: Array<(answer: object) => void> = [];
		for (let n = 0; n < 40; n++) {
			releases.push(await acquireSlot('together'));
			clock.time += 5;
		}
		clock.time += 250;
		releases.slice(0, 30).forEach((release, n) => release({ limits: { max: 100, intervalMs: 10_000, remaining: 100 - (n + 1) - 3 } }));
		expect(suggestedInFlight('together')).toBe(8);
		releases.slice(30).forEach((release) => release({}));
	});

	it('a 429 ends the lone evidence', async () => {
		for (let n = 1; n <= 25; n++) await answerAfter('loneRefused', 250, 100 - n);
		expect(suggestedInFlight('loneRefused')).toBe(32);
		const refused = await acquireSlot('loneRefused');
		clock.time += 250;
		refused({ rateLimited: true, limits: { max: 100, intervalMs: 10_000 } });
		expect(suggestedInFlight('loneRefused')).toBe(8);
	});

	it('a new active spell after a quiet interval starts without the lone evidence of the last one', async () => {
		for (let n = 1; n <= 25; n++) await answerAfter('spells', 250, 100 - n);
		expect(suggestedInFlight('spells')).toBe(32);
		clock.time += 20_000;
		const next = await acquireSlot('spells');
		expect(suggestedInFlight('spells')).toBe(8);
		next();
	});

});
