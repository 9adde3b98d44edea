import type { IHttpRequestMethods } from 'n8n-workflow';

import type { HttpFailure } from './http';
import type { RateLimitHeaders } from './rateLimitHeaders';

/**
 * What to do after a failed request, as a pure function of the failure, GHL's rate-limit headers
 * and the attempts so far. The transport's loop only carries the decision out.
 */

/**
 * Retry budgets per request. Sized so that a 1,000-item run survives GHL answering 30 % of calls with
 * 429 and 5 % with 500 (a 429 then comes 13 times in a row with p ≈ 3e-7, a 500 six times among the
 * answers that aren't 429s with p ≈ 1e-7), and still bounded: a few minutes at worst.
 */
export const MAX_RATE_LIMIT_RETRIES = 12;
export const MAX_TRANSIENT_RETRIES = 5;
/** Backoff for a 429 that arrives while GHL's window still has room: 1 s, 2 s, 4 s … up to one interval. */
const MOMENTARY_429_BACKOFF_MS = 1_000;
/** Backoff for a 5xx or a network error: 0.5 s, 1 s, 2 s … */
const TRANSIENT_BACKOFF_MS = 500;

/** The one rule for what may be sent twice: reads and PUT/DELETE, or a request marked safe (upserts). */
export function isSafeToRepeat(method: IHttpRequestMethods, markedSafe?: boolean): boolean {
	return markedSafe === true || ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method);
}

export interface Attempts {
	/** 429s retried so far (either kind). */
	rateLimited: number;
	/** 429s that came while GHL's window still had room (their backoff doubles). */
	momentary429s: number;
	/** 5xx and network errors retried so far. */
	transient: number;
}

export const NO_ATTEMPTS: Attempts = { rateLimited: 0, momentary429s: 0, transient: 0 };

export type GiveUpReason =
	/** GHL's daily quota for the app and location is used up: no retry can help today. */
	| 'dailyQuota'
	/** Not an HTTP failure at all (e.g. n8n's "reconnect the credential"). */
	| 'notHttp'
	/** No answer (network error) and not retried, or out of retries. */
	| 'unreachable'
	/** GHL answered with an error that retrying won't fix, or the budget is spent. */
	| 'httpError';

export type Decision =
	/** Send this request again after `afterMs`; others in the location go on. */
	| { kind: 'retry'; afterMs: number; attempts: Attempts }
	/** Hold the whole location for `ms` (GHL's Retry-After, or no headers to go by), then send this request again. */
	| { kind: 'holdLocation'; ms: number; attempts: Attempts }
	/**
	 * GHL's window is full: send this request again when the location's pacing allows — its record of
	 * our requests and of GHL's count (a sliding window frees a slot as its oldest request ages out),
	 * one probe at a time until an answer shows room.
	 */
	| { kind: 'awaitSlot'; attempts: Attempts }
	| { kind: 'giveUp'; reason: GiveUpReason };

export interface DecisionContext {
	safeToRepeat: boolean;
	/** The location's rate-limit interval as last learned. */
	intervalMs: number;
	/** 0 ≤ x < 1; jitter spreads concurrent retries (tests pass a constant). */
	random?: () => number;
}

function hasRetryAfter(headers: Record<string, unknown> | undefined): boolean {
	const retryAfter = Number(headers?.['retry-after']);
	return Number.isFinite(retryAfter) && retryAfter > 0;
}

/** The wait GHL asks for (Retry-After, in seconds), else the fallback; with up to 20 % jitter. */
export function retryAfterMs(headers: Record<string, unknown> | undefined, fallbackMs: number, random = Math.random): number {
	const retryAfter = Number(headers?.['retry-after']);
	const base = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : fallbackMs;
	return Math.round(base * (1 + random() * 0.2));
}

export function decideAfterFailure(
	failure: HttpFailure,
	limits: RateLimitHeaders,
	attempts: Attempts,
	context: DecisionContext,
): Decision {
	const random = context.random ?? Math.random;
	if (failure.statusCode === 429) {
		if (limits.dailyRemaining === 0) return { kind: 'giveUp', reason: 'dailyQuota' };
		if (attempts.rateLimited >= MAX_RATE_LIMIT_RETRIES) return { kind: 'giveUp', reason: 'httpError' };
		const next = { ...attempts, rateLimited: attempts.rateLimited + 1 };
		if (limits.remaining !== undefined && limits.remaining > 0) {
			// GHL's window still has room, so this 429 is momentary: back off this request alone.
			// Holding the whole location back for an interval would stall every item.
			const backoff = Math.min(context.intervalMs, MOMENTARY_429_BACKOFF_MS * 2 ** attempts.momentary429s);
			return {
				kind: 'retry',
				afterMs: retryAfterMs(failure.headers, backoff, random),
				attempts: { ...next, momentary429s: attempts.momentary429s + 1 },
			};
		}
		if (limits.remaining !== undefined && !hasRetryAfter(failure.headers)) return { kind: 'awaitSlot', attempts: next };
		// GHL said how long, or the answer had no headers (n8n 1.x drops them): hold the location.
		return {
			kind: 'holdLocation',
			ms: retryAfterMs(failure.headers, limits.intervalMs ?? context.intervalMs, random),
			attempts: next,
		};
	}
	const transient =
		(failure.statusCode !== undefined && failure.statusCode >= 500) ||
		(failure.statusCode === undefined && failure.code !== undefined);
	if (transient && context.safeToRepeat && attempts.transient < MAX_TRANSIENT_RETRIES) {
		return {
			kind: 'retry',
			afterMs: retryAfterMs(undefined, TRANSIENT_BACKOFF_MS * 2 ** attempts.transient, random),
			attempts: { ...attempts, transient: attempts.transient + 1 },
		};
	}
	if (failure.statusCode === undefined) return { kind: 'giveUp', reason: failure.code === undefined ? 'notHttp' : 'unreachable' };
	return { kind: 'giveUp', reason: 'httpError' };
}
