import nock from 'nock';

import { clearLocationTokens } from '../../nodes/Ghl/transport/locationToken';
import { resetRateLimiter, setRateLimiterClock } from '../../nodes/Ghl/transport/rateLimiter';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { getGhlClient } from '../../nodes/Ghl/transport';
import type { ContextOptions } from './context';
import { BASE_URL, createContext } from './context';

/** A virtual clock: sleeps return at once and advance time, and every wait is recorded. */
export const clock = {
	time: 1_700_000_000_000,
	sleeps: [] as number[],
	now: () => clock.time,
	sleep: async (ms: number) => {
		clock.sleeps.push(ms);
		clock.time += ms;
	},
};

/**
 * nock with no real network, fresh transport state per test and no unused interceptor left.
 * The virtual clock makes sleeps instant; n8n-core workflow tests keep the real one.
 */
export function useGhlTestEnvironment({ virtualClock = true } = {}): void {
	beforeAll(() => nock.disableNetConnect());
	beforeEach(() => {
		resetRateLimiter();
		clearLocationTokens();
		clock.sleeps = [];
		if (virtualClock) setRateLimiterClock(clock);
	});
	afterEach(() => {
		const pending = nock.pendingMocks();
		nock.cleanAll();
		setRateLimiterClock(undefined);
		expect(pending).toEqual([]);
	});
	afterAll(() => nock.enableNetConnect());
}

/** The GHL API as nock sees it, with the headers every request must carry. */
export function ghl(version = '2021-07-28', token = 'pit-secret-token') {
	return nock(BASE_URL, {
		reqheaders: {
			version,
			authorization: `Bearer ${token}`,
			accept: 'application/json',
			'user-agent': /^n8n-nodes-ghl\//,
		},
	});
}

/** Runs the node the way n8n does: router, pool, paired items, continueOnFail. */
export async function runNode(options: ContextOptions) {
	const context = createContext(options);
	const output = await new Ghl().execute.call(context);
	return { output: output[0], context };
}

/** The GHL client an operation gets for item 0 (the transport on its own, without the router). */
export const clientFor = async (parameters: Record<string, unknown> = {}, credentials = undefined as never) =>
	await getGhlClient.call(createContext({ parameters, credentials }), 0);
