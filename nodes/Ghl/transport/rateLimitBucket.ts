import type { RateLimitHeaders } from './rateLimitHeaders';

/** What the rate limiter keeps per bucket (host × app × location), and the buckets of this process. */

export interface Bucket {
	max: number;
	intervalMs: number;
	/** When the finished requests of the last interval finished, oldest first. */
	done: number[];
	/** When our requests of the last interval were sent, oldest first. */
	sent: number[];
	/** Requests sent whose answer is not back yet. */
	inFlight: number;
	/** Nothing is sent before this time (set by a 429's Retry-After). */
	blockedUntil: number;
	/** Requests in GHL's window that were not ours, as of `foreignAt`. */
	foreign: number;
	foreignAt: number;
	/** How fast the others' part of the window shrinks (requests per ms, ≥ 0), measured since `fadeFrom`. */
	fading: number;
	fadeFrom: { foreign: number; at: number };
	/** After a 429 that said the window is full: one request in flight until an answer shows room. */
	probing: boolean;
	/** The latest a probe waits for (when our oldest request then in the window ages out). */
	probeBy: number;
	/** The number of the last slot granted before probing began: only a later request's answer ends it. */
	probingAfter: number;
	/** Such 429s in a row: each doubles the wait before the next probe (up to one interval). */
	fullStreak: number;
	/** Slots granted so far; each request knows its number. */
	granted: number;
	/** When this process began sending after a quiet interval: its first window on GHL's. */
	activeSince: number;
	/** GHL's X-RateLimit-Remaining in the newest answer, the number of its request, and when. */
	room: number;
	roomOf: number;
	roomAt: number;
	/** Smoothed time from a slot's grant to its answer, ms (0 = none measured yet). */
	latencyMs: number;
	/** Answers showing GHL counted only ours, since this process became active or an answer showed others. */
	loneAnswers: number;
	/** Waiters in arrival order, so pacing is fair across concurrent items. */
	queue: Array<(release: () => void) => void>;
	draining: boolean;
	/** Wakes the drain loop when it waits for an in-flight request to finish. */
	wake?: () => void;
}

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

export function bucketFor(key: string): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = {
			max: DEFAULT_MAX,
			intervalMs: DEFAULT_INTERVAL_MS,
			done: [],
			sent: [],
			inFlight: 0,
			blockedUntil: 0,
			foreign: 0,
			foreignAt: 0,
			fading: 0,
			fadeFrom: { foreign: 0, at: 0 },
			probing: false,
			probeBy: Number.POSITIVE_INFINITY,
			probingAfter: 0,
			fullStreak: 0,
			granted: 0,
			activeSince: 0,
			room: 0,
			roomOf: 0,
			roomAt: Number.NEGATIVE_INFINITY,
			latencyMs: 0,
			loneAnswers: 0,
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

export function clearBuckets(): void {
	buckets.clear();
}

/** Learns the bucket's limits (max, interval) from headers that came outside a slot. */
export function recordRateLimit(key: string, limits: RateLimitHeaders): void {
	const bucket = bucketFor(key);
	if (limits.max && limits.max > 0) bucket.max = limits.max;
	if (limits.intervalMs && limits.intervalMs > 0) bucket.intervalMs = limits.intervalMs;
}

export function intervalFor(key: string): number {
	return bucketFor(key).intervalMs;
}

/**
 * Requests worth having in flight for this bucket: its rate × the answers' latency, doubled. Alone on
 * the window (a quarter window's answers showed GHL counting only ours, and none since showed
 * another sender or a 429), enough to send a window's allowance in a twentieth of the interval:
 * each slot is reused one interval after its answer, so the first window's spread repeats in every
 * later one (at 250 ms and 8 in flight, 3.2 s of each window). Not before that evidence: queue
 * workers starting together, each handling its answers late, would fill the first window twice over.
 */
const MIN_IN_FLIGHT = 8;
const MAX_IN_FLIGHT = 32;
export function suggestedInFlight(key: string): number {
	const bucket = buckets.get(key);
	if (!bucket?.latencyMs) return MIN_IN_FLIGHT;
	const lone = bucket.loneAnswers >= Math.ceil(bucket.max / 4);
	const windowsPerInterval = lone ? 20 : 2;
	const needed = Math.ceil((windowsPerInterval * bucket.max * bucket.latencyMs) / bucket.intervalMs);
	return Math.min(MAX_IN_FLIGHT, Math.max(MIN_IN_FLIGHT, needed));
}
