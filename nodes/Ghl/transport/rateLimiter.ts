import { sleep as n8nSleep } from 'n8n-workflow';

import { bucketFor, clearBuckets, type Bucket } from './rateLimitBucket';
import type { RateLimitHeaders } from './rateLimitHeaders';

export { bucketKey, intervalFor, recordRateLimit, suggestedInFlight } from './rateLimitBucket';

/**
 * Paces requests per rate-limit bucket (app × location) so bulk runs use GHL's burst limit (default
 * 100 requests / 10 s, learned from the X-RateLimit-* headers) without bouncing off 429s.
 *
 * GHL counts a request when it arrives, which is somewhere between the moment we send it and the
 * moment its answer is back. So a request holds its slot from when it is sent until one interval
 * after its answer (or failure) came back. Then no interval on GHL's clock can hold more than `max`
 * of our requests, however long each one spent in n8n, on the network or in GHL, and the whole
 * allowance can be used. (Counting from the send alone let a slow first request of a burst land in
 * GHL's next window while we already counted it in the previous one: 429s, each costing a full
 * interval.)
 *
 * Other n8n processes (queue-mode workers) and other workflows on the same app and location draw on
 * the same window, and the only view all of them share is GHL's `X-RateLimit-Remaining` on every
 * answer. From it each answer tells how many requests in GHL's window were not ours ("foreign":
 * GHL's count minus ours sent in the interval before it). Those slots stay taken until the next
 * answer says again (their senders reuse them as they free: counting them down here too would take
 * the same slot twice), at most one interval. GHL's newest remaining count, less what we sent after
 * that request, also caps what goes out while shared or new to the window, and lets a lone sender
 * use a slot our own record still holds. A 429 that says the window is full sets the same estimate
 * and puts the bucket in probe mode: one request at a time, the first once a foreign slot can have
 * freed, each further one after twice the wait, until an answer to a probe shows room again.
 * Without rate-limit headers (n8n 1.x drops them) none of this applies and a 429 holds the location
 * for an interval (retryPolicy).
 */

/** What an answer (or failure) said about the window: its rate-limit headers; whether it was a 429. */
export interface Answer {
	limits?: RateLimitHeaders;
	rateLimited?: boolean;
}

/** Call when the request's answer (or failure) is back; calling again does nothing. */
export type ReleaseSlot = (answer?: Answer) => void;

export type Sleep = (ms: number) => Promise<void>;

let sleepImpl: Sleep = async (ms) => await n8nSleep(ms);
let now: () => number = () => Date.now();

/** Test seam: replace the clock and sleep. */
export function setRateLimiterClock(clock: { now: () => number; sleep: Sleep } | undefined): void {
	sleepImpl = clock?.sleep ?? (async (ms) => await n8nSleep(ms));
	now = clock?.now ?? (() => Date.now());
}

export function resetRateLimiter(): void {
	clearBuckets();
}

export async function sleep(ms: number): Promise<void> {
	await sleepImpl(ms);
}

/** The foreign requests in GHL's window as of the last answer; gone one interval after it. */
function foreignAt(bucket: Bucket, t: number): number {
	return t - bucket.foreignAt < bucket.intervalMs ? bucket.foreign : 0;
}

/** How long the next request in this bucket must wait: 0 = now, Infinity = until an answer is back. */
function waitTime(bucket: Bucket): number {
	const t = now();
	while (bucket.done.length && bucket.done[0] <= t - bucket.intervalMs) bucket.done.shift();
	let blocked = Math.max(0, bucket.blockedUntil - t);
	// Probing: one request in flight, held back by our own record only.
	if (bucket.probing && bucket.inFlight > 0) return Number.POSITIVE_INFINITY;
	const foreign = bucket.probing ? 0 : foreignAt(bucket, t);
	// GHL's newest count of the window (since we began sending), less what we sent after that
	// request. Shared, or in the first window after a quiet one (every process may be new to it),
	// with answers on the way, it is all there is: each process counting on its own view alone
	// lets all of them fill the first window at once.
	const known = bucket.roomAt >= bucket.activeSince && t - bucket.roomAt < bucket.intervalMs;
	const room = known ? bucket.room - (bucket.granted - bucket.roomOf) : 0;
	const firstWindow = t - bucket.activeSince < bucket.intervalMs;
	if ((foreign > 0 || firstWindow) && bucket.inFlight > 0 && known && room <= 0) return Number.POSITIVE_INFINITY;
	if (foreign > 0) {
		// Shared: send evenly at our part of the rate, not in bursts. A burst would free all at once
		// one interval later, when the others' estimates of us are out of date.
		const lastSent = bucket.sent[bucket.sent.length - 1] ?? 0;
		const rate = Math.max(1, bucket.max - foreign) / bucket.intervalMs + bucket.fading;
		blocked = Math.max(blocked, lastSent + 1 / rate - t);
	}
	// How many slots must free up before one is ours, minus one. Shared, what the others send while
	// our answers are on the way is not in our view yet: keep that much of the window free (twice
	// their part of the rate × our answer time, one slot at least).
	const margin = foreign > 0 ? Math.max(1, Math.ceil((2 * foreign * bucket.latencyMs) / bucket.intervalMs)) : 0;
	const over = bucket.done.length + bucket.inFlight + foreign + margin - bucket.max;
	if (over < 0) return blocked;
	// A lone sender may also go by GHL's count: our record frees a slot one interval after its
	// answer was handled, late by the answer time and by whatever else this process was doing.
	// Requests still in flight may reach GHL after that count in any order: none of them is in it.
	if (foreign === 0 && room - bucket.inFlight > 0) return blocked;
	// Our own oldest requests age out; the others' are theirs to reuse, not ours to count down.
	if (over < bucket.done.length) return Math.max(blocked, bucket.done[over] + bucket.intervalMs - t);
	if (bucket.inFlight > 0) return Number.POSITIVE_INFINITY;
	return Math.max(blocked, bucket.foreignAt + bucket.intervalMs - t, 10);
}

/**
 * The others' slots that age out without being used again (a worker's executions ended) are free
 * for us as they go: how fast their part shrinks, over a quarter interval at least.
 */
function noteFading(bucket: Bucket, t: number): void {
	const from = bucket.fadeFrom;
	const span = t - from.at;
	if (span < bucket.intervalMs / 4) return;
	bucket.fading = span < bucket.intervalMs ? Math.max(0, (from.foreign - bucket.foreign) / span) : 0;
	bucket.fadeFrom = { foreign: bucket.foreign, at: t };
}

/** What one answer says about the window: GHL's count of it minus ours sent in the interval before. */
function learnFromAnswer(bucket: Bucket, sentAt: number, number: number, answer: Answer): void {
	const limits = answer.limits ?? {};
	if (limits.max && limits.max > 0) bucket.max = limits.max;
	if (limits.intervalMs && limits.intervalMs > 0) bucket.intervalMs = limits.intervalMs;
	const t = now();
	while (bucket.sent.length && bucket.sent[0] <= t - 2 * bucket.intervalMs) bucket.sent.shift();
	if (answer.rateLimited) bucket.loneAnswers = 0;
	if (limits.remaining === undefined) return;
	if (number > bucket.roomOf) {
		bucket.room = Math.max(0, limits.remaining);
		bucket.roomOf = number;
		bucket.roomAt = t;
	}
	const counted = bucket.max - Math.max(0, limits.remaining);
	// Ours that GHL may have counted: sent within the interval before this one, or after it but
	// before its answer (they can overtake it on the way). Counting too many of ours errs low on
	// the others, which the shared margin covers; counting too few would make a lone sender share.
	let ours = 0;
	let oursUpToThis = 0;
	for (const at of bucket.sent) {
		if (at <= sentAt - bucket.intervalMs || at > t) continue;
		ours++;
		if (at <= sentAt) oursUpToThis++;
	}
	bucket.foreign = Math.min(bucket.max, Math.max(0, counted - ours));
	bucket.foreignAt = t;
	// Evidence of being alone: GHL counted no more than ours sent up to this request. While ours are
	// in flight the count above can hide the others' (ours sent later may not have arrived yet); such
	// an answer proves nothing either way.
	if (bucket.foreign > 0 || answer.rateLimited) bucket.loneAnswers = 0;
	else if (counted <= oursUpToThis) bucket.loneAnswers++;
	noteFading(bucket, t);
	if (answer.rateLimited && limits.remaining <= 0) {
		// Probe when one foreign slot can have freed; later each time twice as long, as probes that
		// GHL refuses may count against the window themselves. Refusals of requests sent before
		// probing began (the rest of a burst) wait as long as the first, no longer.
		if (!bucket.probing) {
			bucket.probing = true;
			bucket.probingAfter = bucket.granted;
			bucket.fullStreak = 1;
			// By then our oldest request in the window has aged out: one probe then, whatever the wait.
			const oldestOwn = bucket.done.find((at) => at > t - bucket.intervalMs);
			bucket.probeBy = oldestOwn === undefined ? Number.POSITIVE_INFINITY : oldestOwn + bucket.intervalMs;
		} else if (number > bucket.probingAfter) {
			bucket.fullStreak++;
		}
		let probeAt = t + Math.min(bucket.intervalMs, (bucket.intervalMs / Math.max(1, bucket.foreign)) * 2 ** (bucket.fullStreak - 1));
		if (probeAt > bucket.probeBy && bucket.probeBy > t) {
			probeAt = bucket.probeBy;
			// Used once; if that probe is refused too, the waits start over from the shortest.
			bucket.probeBy = Number.POSITIVE_INFINITY;
			bucket.fullStreak = 0;
		}
		bucket.blockedUntil = Math.max(bucket.blockedUntil, probeAt);
	} else if (limits.remaining > 0 && (!bucket.probing || number > bucket.probingAfter)) {
		// Only an answer to a request sent since probing began says there is room now.
		bucket.probing = false;
		bucket.fullStreak = 0;
	}
}

async function drain(bucket: Bucket): Promise<void> {
	if (bucket.draining) return;
	bucket.draining = true;
	try {
		while (bucket.queue.length) {
			const wait = waitTime(bucket);
			if (wait === Number.POSITIVE_INFINITY) {
				await new Promise<void>((resolve) => (bucket.wake = resolve));
				continue;
			}
			if (wait > 0) {
				await sleepImpl(wait);
				continue;
			}
			bucket.inFlight++;
			const number = ++bucket.granted;
			const sentAt = now();
			const lastSent = bucket.sent[bucket.sent.length - 1];
			if (lastSent === undefined || sentAt - lastSent >= bucket.intervalMs) {
				// A new active spell: others may be starting on the window with us.
				bucket.activeSince = sentAt;
				bucket.loneAnswers = 0;
			}
			bucket.sent.push(sentAt);
			let released = false;
			bucket.queue.shift()!((answer = {}) => {
				if (released) return;
				released = true;
				bucket.inFlight--;
				const t = now();
				bucket.done.push(t);
				bucket.latencyMs = bucket.latencyMs ? 0.8 * bucket.latencyMs + 0.2 * (t - sentAt) : t - sentAt;
				learnFromAnswer(bucket, sentAt, number, answer);
				const wake = bucket.wake;
				bucket.wake = undefined;
				wake?.();
			});
		}
	} finally {
		bucket.draining = false;
	}
}

/**
 * Resolves when a request in this bucket may be sent. The request holds its slot until the returned
 * release is called (when its answer or failure is back, with what it said) and for one interval
 * after that.
 */
export async function acquireSlot(key: string): Promise<ReleaseSlot> {
	const bucket = bucketFor(key);
	const granted = new Promise<ReleaseSlot>((resolve) => bucket.queue.push(resolve));
	void drain(bucket);
	return await granted;
}

/** After a 429: hold the whole bucket back for `ms`. */
export function blockBucket(key: string, ms: number): void {
	const bucket = bucketFor(key);
	bucket.blockedUntil = Math.max(bucket.blockedUntil, now() + ms);
}
