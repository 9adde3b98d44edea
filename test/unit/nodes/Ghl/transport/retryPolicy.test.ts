import type { Attempts, Decision } from '../../../../../nodes/Ghl/transport/retryPolicy';
import {
	decideAfterFailure,
	isSafeToRepeat,
	MAX_RATE_LIMIT_RETRIES,
	MAX_TRANSIENT_RETRIES,
	NO_ATTEMPTS,
} from '../../../../../nodes/Ghl/transport/retryPolicy';

const noJitter = () => 0;
const at = (attempts: Partial<Attempts>): Attempts => ({ ...NO_ATTEMPTS, ...attempts });
const safe = { safeToRepeat: true, intervalMs: 10_000, random: noJitter };
const unsafe = { ...safe, safeToRepeat: false };

/** [what happened, failure, rate-limit headers, attempts so far, context, decision] */
const TABLE: Array<[string, Parameters<typeof decideAfterFailure>[0], Parameters<typeof decideAfterFailure>[1], Attempts, typeof safe, Decision]> = [
	['429, window full: wait for a slot as the pacing sees it (no fixed hold)', { statusCode: 429 }, { remaining: 0 }, NO_ATTEMPTS, safe, { kind: 'awaitSlot', attempts: at({ rateLimited: 1 }) }],
	['429, window full, with Retry-After: hold the location that long', { statusCode: 429, headers: { 'retry-after': '2' } }, { remaining: 0, intervalMs: 10_000 }, NO_ATTEMPTS, safe, { kind: 'holdLocation', ms: 2_000, attempts: at({ rateLimited: 1 }) }],
	['429 with Retry-After: 3 s', { statusCode: 429, headers: { 'retry-after': '3' } }, {}, NO_ATTEMPTS, safe, { kind: 'holdLocation', ms: 3_000, attempts: at({ rateLimited: 1 }) }],
	['429 without any headers (n8n 1.x): hold the location one interval', { statusCode: 429 }, {}, NO_ATTEMPTS, safe, { kind: 'holdLocation', ms: 10_000, attempts: at({ rateLimited: 1 }) }],
	['429 while the window has room: this request backs off 1 s', { statusCode: 429 }, { remaining: 40 }, NO_ATTEMPTS, safe, { kind: 'retry', afterMs: 1_000, attempts: at({ rateLimited: 1, momentary429s: 1 }) }],
	['third momentary 429: 4 s', { statusCode: 429 }, { remaining: 40 }, at({ rateLimited: 2, momentary429s: 2 }), safe, { kind: 'retry', afterMs: 4_000, attempts: at({ rateLimited: 3, momentary429s: 3 }) }],
	['momentary backoff never exceeds one interval', { statusCode: 429 }, { remaining: 1 }, at({ rateLimited: 5, momentary429s: 5 }), safe, { kind: 'retry', afterMs: 10_000, attempts: at({ rateLimited: 6, momentary429s: 6 }) }],
	['429s are retried also for a plain create (GHL did not process it)', { statusCode: 429 }, { remaining: 0 }, NO_ATTEMPTS, unsafe, { kind: 'awaitSlot', attempts: at({ rateLimited: 1 }) }],
	['429 budget spent', { statusCode: 429 }, { remaining: 0 }, at({ rateLimited: MAX_RATE_LIMIT_RETRIES }), safe, { kind: 'giveUp', reason: 'httpError' }],
	['daily quota exhausted: no retry', { statusCode: 429 }, { remaining: 50, dailyRemaining: 0 }, NO_ATTEMPTS, safe, { kind: 'giveUp', reason: 'dailyQuota' }],
	['500 on a safe request: 0.5 s', { statusCode: 500 }, {}, NO_ATTEMPTS, safe, { kind: 'retry', afterMs: 500, attempts: at({ transient: 1 }) }],
	['503, third time: 2 s', { statusCode: 503 }, {}, at({ transient: 2 }), safe, { kind: 'retry', afterMs: 2_000, attempts: at({ transient: 3 }) }],
	['500 on a plain create: never repeated', { statusCode: 500 }, {}, NO_ATTEMPTS, unsafe, { kind: 'giveUp', reason: 'httpError' }],
	['5xx budget spent', { statusCode: 502 }, {}, at({ transient: MAX_TRANSIENT_RETRIES }), safe, { kind: 'giveUp', reason: 'httpError' }],
	['network error on a safe request', { code: 'ECONNRESET' }, {}, NO_ATTEMPTS, safe, { kind: 'retry', afterMs: 500, attempts: at({ transient: 1 }) }],
	['network error on a plain create', { code: 'ECONNRESET' }, {}, NO_ATTEMPTS, unsafe, { kind: 'giveUp', reason: 'unreachable' }],
	['network error, budget spent', { code: 'ETIMEDOUT' }, {}, at({ transient: MAX_TRANSIENT_RETRIES }), safe, { kind: 'giveUp', reason: 'unreachable' }],
	['not an HTTP failure at all', {}, {}, NO_ATTEMPTS, safe, { kind: 'giveUp', reason: 'notHttp' }],
	['400 / 401 / 404 / 422: GHL meant it', { statusCode: 422 }, {}, NO_ATTEMPTS, safe, { kind: 'giveUp', reason: 'httpError' }],
];

describe('decideAfterFailure', () => {
	it.each(TABLE)('%s', (_, failure, limits, attempts, context, decision) => {
		expect(decideAfterFailure(failure, limits, attempts, context)).toEqual(decision);
	});

	it('adds up to 20 % jitter to every wait', () => {
		expect(decideAfterFailure({ statusCode: 500 }, {}, NO_ATTEMPTS, { ...safe, random: () => 0.999 })).toMatchObject({ afterMs: 600 });
		expect(decideAfterFailure({ statusCode: 429 }, {}, NO_ATTEMPTS, { ...safe, random: () => 0.5 })).toMatchObject({ ms: 11_000 });
	});
});

describe('isSafeToRepeat (the one rule)', () => {
	it.each([
		['GET', undefined, true],
		['HEAD', undefined, true],
		['PUT', undefined, true],
		['DELETE', undefined, true],
		['POST', undefined, false],
		['POST', true, true],
		['PATCH', undefined, false],
	] as const)('%s marked %p → %p', (method, marked, expected) => {
		expect(isSafeToRepeat(method, marked)).toBe(expected);
	});
});
