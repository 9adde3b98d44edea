import { sleep as n8nSleep } from 'n8n-workflow';

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
 */

export interface RateLimitHeaders {
	max?: number;
	intervalMs?: number;
	remaining?: number;
	dailyRemaining?: number;
}

interface Bucket {
	max: number;
	intervalMs: number;
	/** When the finished requests of the last interval finished, oldest first. */
	done: number[];
	/** Requests sent whose answer is not back yet. */
	inFlight: number;
	/** Nothing is sent before this time (set by a 429 or by remaining = 0). */
	blockedUntil: number;
	/** Waiters in arrival order, so pacing is fair across concurrent items. */
	queue: Array<(release: () => void) => void>;
	draining: boolean;
	/** Wakes the drain loop when it waits for an in-flight request to finish. */
	wake?: () => void;
}

/** Call when the request's answer (or failure) is back; calling again does nothing. */
export type ReleaseSlot = () => void;

const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;

/**
 * Per n8n process (queue-mode workers each keep their own). Bounded: past the cap the oldest idle
 * bucket is dropped; it only held what the headers will teach again.
 */
const buckets = new Map<string, Bucket>();
const MAX_BUCKETS = 10_000;

/** GHL limits each app in each location: one bucket per API host × app × location. */
export function bucketKey(baseUrl: string, appId: string, locationId: string): string {
	return `${baseUrl}|${appId}|${locationId}`;
}

export type Sleep = (ms: number) => Promise<void>;

let sleepImpl: Sleep = async (ms) => await n8nSleep(ms);
let now: () => number = () => Date.now();

/** Test seam: replace the clock and sleep. */
export function setRateLimiterClock(clock: { now: () => number; sleep: Sleep } | undefined): void {
	sleepImpl = clock?.sleep ?? (async (ms) => await n8nSleep(ms));
	now = clock?.now ?? (() => Date.now());
}

export function resetRateLimiter(): void {
	buckets.clear();
}

export async function sleep(ms: number): Promise<void> {
	await sleepImpl(ms);
}

function bucketFor(key: string): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = {
			max: DEFAULT_MAX,
			intervalMs: DEFAULT_INTERVAL_MS,
			done: [],
			inFlight: 0,
			blockedUntil: 0,
			queue: [],
			draining: false,
		};
		buckets.set(key, bucket);
		if (buckets.size > MAX_BUCKETS) evictIdleBucket();
	}
	return bucket;
}

function evictIdleBucket(): void {
	for (const [key, bucket] of buckets) {
		if (!bucket.inFlight && !bucket.queue.length && !bucket.draining) {
			buckets.delete(key);
			return;
		}
	}
}

/** How long the next request in this bucket must wait: 0 = now, Infinity = until an answer is back. */
function waitTime(bucket: Bucket): number {
	const t = now();
	while (bucket.done.length && bucket.done[0] <= t - bucket.intervalMs) bucket.done.shift();
	const blocked = Math.max(0, bucket.blockedUntil - t);
	// How many slots must free up before one is ours, minus one.
	const over = bucket.done.length + bucket.inFlight - bucket.max;
	if (over < 0) return blocked;
	if (over < bucket.done.length) return Math.max(blocked, bucket.done[over] + bucket.intervalMs - t);
	return Number.POSITIVE_INFINITY;
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
			let released = false;
			bucket.queue.shift()!(() => {
				if (released) return;
				released = true;
				bucket.inFlight--;
				bucket.done.push(now());
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
 * release is called (when its answer or failure is back) and for one interval after that.
 */
export async function acquireSlot(key: string): Promise<ReleaseSlot> {
	const bucket = bucketFor(key);
	const granted = new Promise<ReleaseSlot>((resolve) => bucket.queue.push(resolve));
	void drain(bucket);
	return await granted;
}

export function parseRateLimitHeaders(headers: Record<string, unknown> | undefined): RateLimitHeaders {
	const read = (name: string): number | undefined => {
		const raw = headers?.[name] ?? headers?.[name.toLowerCase()];
		const value = Number(Array.isArray(raw) ? raw[0] : raw);
		return raw === undefined || raw === null || raw === '' || Number.isNaN(value) ? undefined : value;
	};
	return {
		max: read('x-ratelimit-max'),
		intervalMs: read('x-ratelimit-interval-milliseconds'),
		remaining: read('x-ratelimit-remaining'),
		dailyRemaining: read('x-ratelimit-daily-remaining'),
	};
}

/** Learns the bucket's limits from a response's headers. */
export function recordRateLimit(key: string, limits: RateLimitHeaders): void {
	const bucket = bucketFor(key);
	if (limits.max && limits.max > 0) bucket.max = limits.max;
	if (limits.intervalMs && limits.intervalMs > 0) bucket.intervalMs = limits.intervalMs;
	if (limits.remaining === 0) {
		// The server's window is full: nothing more goes out until one interval after our oldest request.
		const oldest = bucket.done[0] ?? now();
		bucket.blockedUntil = Math.max(bucket.blockedUntil, oldest + bucket.intervalMs);
	}
}

/** After a 429: hold the whole bucket back for `ms`. */
export function blockBucket(key: string, ms: number): void {
	const bucket = bucketFor(key);
	bucket.blockedUntil = Math.max(bucket.blockedUntil, now() + ms);
}

export function intervalFor(key: string): number {
	return bucketFor(key).intervalMs;
}
