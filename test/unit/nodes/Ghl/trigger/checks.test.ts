import { randomUUID } from 'node:crypto';

import { GhlTrigger } from '../../../../../nodes/Ghl/GhlTrigger.node';
import { forgetSeenIds } from '../../../../../nodes/shared/replay';
import { oauthCompanyCredentials, privateIntegrationCredentials } from '../../../../helpers/context';
import { useGhlTestEnvironment } from '../../../../helpers/setup';
import { ed25519Pair, rsaPair, runWebhook, signEd25519, signRsa, type WebhookCall } from '../../../../helpers/webhookContext';

/** Settings that would weaken a check fail closed (401) and are logged once, not per request. */

const trigger = new GhlTrigger();
const keys = ed25519Pair();

const event = (extra: Record<string, unknown> = {}) => ({
	type: 'ContactCreate',
	locationId: 'loc_a',
	id: 'c1',
	timestamp: new Date().toISOString(),
	webhookId: randomUUID(),
	...extra,
});

function signed(payload: object, options: Record<string, unknown> = {}, parameters: Record<string, unknown> = {}): WebhookCall {
	const body = JSON.stringify(payload);
	return {
		body,
		headers: { 'x-ghl-signature': signEd25519(keys.privateKey, body) },
		parameters: { source: 'marketplaceApp', events: ['*'], options: { customPublicKeys: keys.spkiBase64, ...options }, ...parameters },
	};
}

/** Runs each call and returns the statuses, how many started and every warning logged. */
async function runAll(calls: WebhookCall[]) {
	const runs = [];
	for (const call of calls) runs.push(await runWebhook(trigger, call));
	return {
		statuses: runs.map((run) => run.response.statusCode),
		started: runs.filter((run) => run.items).length,
		warnings: runs.flatMap((run) => run.warnings),
		requests: runs.flatMap((run) => run.requests),
	};
}

useGhlTestEnvironment();
beforeEach(() => forgetSeenIds());

describe('GHL Trigger: Max Event Age', () => {
	it.each([['5 min'], [-5], [Number.NaN], ['-1'], [{}]])('rejects every event when it is %p, and logs why once', async (toleranceSeconds) => {
		const result = await runAll([1, 2, 3].map(() => signed(event(), { toleranceSeconds })));
		expect(result.statuses).toEqual([401, 401, 401]);
		expect(result.started).toBe(0);
		expect(result.warnings).toEqual([expect.stringContaining('Max Event Age must be a number of seconds')]);
	});

	it('takes numeric text from an expression as seconds, and only an explicit 0 turns the check off', async () => {
		const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
		const asText = await runAll([signed(event({ timestamp: tenMinutesAgo }), { toleranceSeconds: '900' })]);
		expect(asText.started).toBe(1);
		const old = await runAll([signed(event({ timestamp: '2020-01-01T00:00:00Z' }), { toleranceSeconds: 0 })]);
		expect(old.started).toBe(1);
		const unset = await runAll([signed(event({ timestamp: tenMinutesAgo }))]);
		expect(unset.statuses).toEqual([401]);
	});
});

describe('GHL Trigger: workflow webhook secret minimum', () => {
	const call = (secret: string): WebhookCall => ({
		body: JSON.stringify({ contact_id: 'c1' }),
		headers: { 'x-webhook-secret': secret },
		parameters: { source: 'workflowWebhook' },
		credentials: { ghlWebhookSecretApi: { secret } },
	});

	it('refuses a secret under 16 characters even when the request sends it, logging once', async () => {
		const result = await runAll([call('fifteen-chars!!'), call('fifteen-chars!!')]);
		expect(result.statuses).toEqual([401, 401]);
		expect(result.warnings).toEqual([expect.stringContaining('shorter than 16 characters')]);
	});

	it('accepts a secret of exactly 16 characters', async () => {
		expect((await runAll([call('sixteen-chars!!!')])).started).toBe(1);
	});
});

describe('GHL Trigger: Fetch Full Record without signature verification', () => {
	const unsigned = (fetchFullRecord: string, credentials: WebhookCall['credentials']): WebhookCall => ({
		// The caller names the location and the record.
		body: JSON.stringify(event({ locationId: 'loc_victim', id: 'c_victim' })),
		parameters: { source: 'marketplaceApp', events: ['*'], signatureVerification: 'none', fetchFullRecord },
		credentials,
	});

	it('refuses every event with an agency OAuth2 install: no token is minted for a caller-chosen location', async () => {
		const call = unsigned('ghlOAuth2Api', { ghlOAuth2Api: oauthCompanyCredentials });
		const result = await runAll([call, { ...call, body: JSON.stringify(event({ locationId: 'loc_other' })) }]);
		expect(result.statuses).toEqual([401, 401]);
		expect(result.started).toBe(0);
		expect(result.requests).toEqual([]);
		expect(result.warnings).toEqual([expect.stringContaining('Fetch Full Record needs Signature Verification')]);
	});

	it('refuses every event with a Private Integration token too', async () => {
		const result = await runAll([unsigned('ghlPrivateIntegrationApi', { ghlPrivateIntegrationApi: privateIntegrationCredentials })]);
		expect(result.statuses).toEqual([401]);
		expect(result.requests).toEqual([]);
	});
});

describe('GHL Trigger: unusable custom keys', () => {
	it('warns once per key set, not once per request', async () => {
		const options = { customPublicKeys: `garbage\n${keys.pem}` };
		const junk: WebhookCall[] = Array.from({ length: 20 }, () => ({ ...signed(event(), options), headers: {} }));
		const result = await runAll([...junk, signed(event(), options)]);
		expect(result.statuses.slice(0, 20)).toEqual(Array(20).fill(401));
		expect(result.started).toBe(1);
		expect(result.warnings).toEqual([expect.stringContaining('base64 key #1 is not a valid SPKI public key')]);
		const other = await runAll([signed(event(), { customPublicKeys: `junk\n${keys.pem}` })]);
		expect(other.warnings).toHaveLength(1);
	});
});

describe('GHL Trigger: the N/A signature placeholder', () => {
	it('is rejected like a missing signature, and does not stand in the way of a valid legacy one', async () => {
		const call = signed(event());
		call.headers = { 'x-ghl-signature': 'N/A' };
		expect((await runAll([call])).statuses).toEqual([401]);
		const legacy = rsaPair();
		const body = JSON.stringify(event());
		const withLegacy: WebhookCall = {
			body,
			headers: { 'x-ghl-signature': 'N/A', 'x-wh-signature': signRsa(legacy.privateKey, body) },
			parameters: { source: 'marketplaceApp', events: ['*'], options: { customPublicKeys: legacy.pem, allowLegacyRsa: true } },
		};
		expect((await runAll([withLegacy])).started).toBe(1);
	});
});
