import { randomUUID } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { GhlTrigger } from '../../../../nodes/Ghl/GhlTrigger.node';
import { ScoreAppTrigger } from '../../../../nodes/ScoreAppTrigger/ScoreAppTrigger.node';
import {
	forgetSeenIds,
	MAX_REPLAY_KEYS,
	PEAK_EVENTS_PER_SECOND,
	REPLAY_FIELD,
	rememberOnce,
	replayCapacity,
	replayMemoryFor,
	ReplayMemory,
} from '../../../../nodes/shared/replay';
import { setWebhookClock } from '../../../../nodes/shared/webhook';
import { ed25519Pair, hmacHex, runWebhook, signEd25519, type WebhookCall } from '../../../helpers/webhookContext';

/** The replay memory: who gets a place in it, how much it holds, and that it survives a restart. */

const ghlTrigger = new GhlTrigger();
const keys = ed25519Pair();
let time = Date.parse('2026-10-01T12:00:00Z');

function signed(extra: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}, staticData?: IDataObject): WebhookCall {
	const payload = { type: 'ContactCreate', locationId: 'loc_a', id: 'c1', timestamp: new Date(time).toISOString(), webhookId: randomUUID(), ...extra };
	const body = JSON.stringify(payload);
	return {
		body,
		headers: { 'x-ghl-signature': signEd25519(keys.privateKey, body) },
		parameters: { source: 'marketplaceApp', events: ['*'], options: { customPublicKeys: keys.spkiBase64 }, ...parameters },
		staticData,
	};
}

const started = async (call: WebhookCall) => (await runWebhook(ghlTrigger, call)).items?.length ?? 0;

beforeEach(() => {
	forgetSeenIds();
	time = Date.parse('2026-10-01T12:00:00Z');
	setWebhookClock(() => time);
});
afterAll(() => setWebhookClock(undefined));

describe('only events that start the workflow are remembered', () => {
	it('10,001 other-tenant events dropped by the Location IDs filter do not evict a captured event', async () => {
		const parameters = { locationIds: 'loc_a' };
		const staticData = {};
		const captured = signed({}, parameters, staticData);
		expect(await started(captured)).toBe(1);
		let otherStarted = 0;
		for (let i = 0; i < 10_001; i++) otherStarted += await started(signed({ locationId: 'loc_b' }, parameters, staticData));
		expect(otherStarted).toBe(0);
		time += 60_000;
		expect(await started(captured)).toBe(0);
		expect(replayMemoryFor({ getWorkflow: () => ({ id: 'wf-1' }), getNode: () => ({ id: 'trigger-node' }) } as never).size).toBe(1);
	}, 60_000);

	it('an event the Events filter drops is answered 200, starts nothing and is not remembered', async () => {
		const staticData: IDataObject = {};
		const call = signed({ type: 'ContactDelete' }, { events: ['ContactCreate'] }, staticData);
		const run = await runWebhook(ghlTrigger, call);
		expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
		expect(run.items).toBeUndefined();
		expect(staticData).toEqual({});
		// Selected later, the same delivery still starts (it never took a place in the memory).
		expect(await started({ ...call, parameters: { ...call.parameters, events: ['*'] } })).toBe(1);
	});
});

describe('capacity at GHL\'s busiest realistic rate', () => {
	it('holds 100 ids per second of TTL (the default TTL is 660 s: a 300 s window either way plus a margin)', () => {
		expect(PEAK_EVENTS_PER_SECOND).toBe(100);
		expect(replayCapacity(660_000)).toBeGreaterThanOrEqual(66_000);
		expect(replayCapacity(24 * 3600_000)).toBe(MAX_REPLAY_KEYS);
	});

	it('12,000 genuine events at 100/s do not evict the first one, which is refused again 2 minutes later', async () => {
		const staticData = {};
		const first = signed({}, {}, staticData);
		expect(await started(first)).toBe(1);
		for (let i = 0; i < 12_000; i++) {
			time += 10;
			await runWebhook(ghlTrigger, signed({}, {}, staticData));
		}
		expect(await started(first)).toBe(0);
	}, 60_000);

	it('keeps 66,000 ids at 100/s until their TTL, in memory and in static data, then expires them', () => {
		const staticData: IDataObject = {};
		const ctx = {
			getWorkflow: () => ({ id: 'wf-cap' }),
			getNode: () => ({ id: 'n' }),
			getWorkflowStaticData: () => staticData,
		} as unknown as IWebhookFunctions;
		const start = time;
		for (let i = 0; i < 66_000; i++) {
			expect(rememberOnce(ctx, `id:${i}`, 660_000)).toBe(true);
			time += 10;
		}
		time = start + 659_000;
		expect(rememberOnce(ctx, 'id:0', 660_000)).toBe(false);
		forgetSeenIds();
		expect(rememberOnce(ctx, 'id:1', 660_000)).toBe(false);
		time = start + 661_000;
		expect(rememberOnce(ctx, 'id:2', 660_000)).toBe(true);
		// Expired records are pruned on write: ids 0..99 expired by now (~100 per second).
		expect((staticData[REPLAY_FIELD] as string).length / 29).toBeLessThan(66_000);
	});
});

describe('persistence across an n8n restart (workflow static data)', () => {
	it('GHL: the same signed bytes replayed 6 s after a restart start nothing', async () => {
		const staticData: IDataObject = {};
		const call = signed({}, {}, staticData);
		expect(await started(call)).toBe(1);
		forgetSeenIds(); // restart: the process memory is gone, the saved static data is not
		time += 6_000;
		expect(await started(call)).toBe(0);
		// Only compact hashes are kept, never the webhookId itself.
		expect(JSON.stringify(staticData)).not.toContain(JSON.parse(String(call.body)).webhookId);
		expect(String(staticData[REPLAY_FIELD])).toMatch(/^[A-Za-z0-9_-]{29}$/);
	});

	it('GHL: without a webhookId, identical signed bytes are remembered across the restart too', async () => {
		const staticData: IDataObject = {};
		const call = signed({ webhookId: undefined }, {}, staticData);
		expect(await started(call)).toBe(1);
		forgetSeenIds();
		expect(await started(call)).toBe(0);
	});

	it('ScoreApp: a replay after a restart starts nothing', async () => {
		const scoreApp = new ScoreAppTrigger();
		const body = JSON.stringify({ event_name: 'QUIZ_FINISHED', data: { id: 'r1', email: 'a@example.com' } });
		const call: WebhookCall = {
			body,
			headers: { 'scoreapp-signature': hmacHex('scoreapp-secret', body) },
			parameters: { events: ['*'] },
			credentials: { scoreAppWebhookApi: { secret: 'scoreapp-secret' } },
			staticData: {},
		};
		expect((await runWebhook(scoreApp, call)).items).toHaveLength(1);
		forgetSeenIds();
		time += 6_000;
		expect((await runWebhook(scoreApp, { ...call, body: `${body}\n` })).items).toBeUndefined();
	});

	it('ignores a damaged static data value instead of failing', async () => {
		const staticData: IDataObject = { [REPLAY_FIELD]: 'not records!' };
		expect(await started(signed({}, {}, staticData))).toBe(1);
		expect(String(staticData[REPLAY_FIELD])).toMatch(/^[A-Za-z0-9_-]{29}$/);
	});
});

describe('ReplayMemory', () => {
	it('remembers ids until they expire', () => {
		const seen = new ReplayMemory();
		expect(seen.remember('a', 1000, 0)).toBe(true);
		expect(seen.remember('a', 1000, 999)).toBe(false);
		expect(seen.remember('a', 1000, 1000)).toBe(true);
	});

	it('stays within its cap, forgetting the oldest ids first', () => {
		const seen = new ReplayMemory();
		for (const id of ['a', 'b', 'c', 'd']) seen.remember(id, 60_000, 0, 3);
		expect(seen.size).toBe(3);
		expect(seen.remember('d', 60_000, 1, 3)).toBe(false);
		expect(seen.remember('a', 60_000, 1, 3)).toBe(true);
	});

	it('drops expired ids as time passes', () => {
		const seen = new ReplayMemory();
		for (let i = 0; i < 50; i++) seen.remember(`id${i}`, 1000, 0);
		seen.remember('late', 1000, 5000);
		expect(seen.size).toBe(1);
	});
});
