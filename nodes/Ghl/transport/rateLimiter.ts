import { sleep as n8nSleep } from 'n8n-workflow';

/**
 * Paces requests per rate-limit bucket (app × location) so bulk runs ride just under GHL's burst
 * limit (default 100 requests / 10 s) instead of bouncing off 429s. The window is learned from the
 * X-RateLimit-* headers; our own sends are logged, which is stricter than GHL's fixed window.
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
	/** Send times within the current interval, oldest first. */
	sent: number[];
	/** Nothing is sent before this time (set by a 429 or by remaining = 0). */
	blockedUntil: number;
	dailyRemaining?: number;
	/** Waiters in arrival order, so pacing is fair across concurrent items. */
	queue: Array<() => void>;
	draining: boolean;
}

const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;
/** Keep a little headroom for requests another process sends with the same app. */
const SAFETY_MARGIN = 0.97;

const buckets = new Map<string, Bucket>();

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
			sent: [],
			blockedUntil: 0,
			queue: [],
			draining: false,
		};
		buckets.set(key, bucket);
	}
	return bucket;
}

function allowance(bucket: Bucket): number {
	return Math.max(1, Math.floor(bucket.max * SAFETY_MARGIN));
}

/** How long the next request in this bucket must wait, 0 when it may go now. */
function waitTime(bucket: Bucket): number {
	const t = now();
	while (bucket.sent.length && bucket.sent[0] <= t - bucket.intervalMs) bucket.sent.shift();
	const blocked = Math.max(0, bucket.blockedUntil - t);
	if (bucket.sent.length < allowance(bucket)) return blocked;
	return Math.max(blocked, bucket.sent[0] + bucket.intervalMs - t);
}

async function drain(bucket: Bucket): Promise<void> {
	if (bucket.draining) return;
	bucket.draining = true;
	try {
		while (bucket.queue.length) {
			const wait = waitTime(bucket);
			if (wait > 0) {
				await sleepImpl(wait);
				continue;
			}
			bucket.sent.push(now());
			bucket.queue.shift()!();
		}
	} finally {
		bucket.draining = false;
	}
}

/** Resolves when a request in this bucket may be sent; the send is counted at that moment. */
export async function acquireSlot(key: string): Promise<void> {
	const bucket = bucketFor(key);
	const granted = new Promise<void>((resolve) => bucket.queue.push(resolve));
	void drain(bucket);
	await granted;
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
	if (limits.dailyRemaining !== undefined) bucket.dailyRemaining = limits.dailyRemaining;
	if (limits.remaining === 0) {
		// The server's window is full: nothing more goes out until one interval after our oldest send.
		const oldest = bucket.sent[0] ?? now();
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
