import { randomUUID } from 'node:crypto';

import { GhlTrigger } from '../../../../nodes/Ghl/GhlTrigger.node';
import { forgetSeenIds } from '../../../../nodes/shared/replay';
import { MAX_BODY_BYTES } from '../../../../nodes/shared/webhook';
import { ed25519Pair, expectIgnored, rsaPair, runWebhook, signEd25519, signRsa, type WebhookCall } from '../../../helpers/webhookContext';

const trigger = new GhlTrigger();
const ghlKeys = ed25519Pair();
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
const SECRET = 'workflow-secret-0123456789';

/** A GHL event as documented in webhook-events/*.md, plus the signed envelope fields. */
function ghlEvent(type: string, extra: Record<string, unknown> = {}) {
	return {
		type,
		locationId: 've9EPM428h8vShlRW1KT',
		id: 'nmFmQEsNgz6AVpgLVUJ0',
		email: 'JohnDeo@gmail.comm',
		firstName: 'John',
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...extra,
	};
}

/** Serialised the way a sender might: the signature is over these exact bytes. */
const serialise = (payload: object) => JSON.stringify(payload, null, 1);

function signed(payload: object | string, parameters: Record<string, unknown> = {}, key = ghlKeys): WebhookCall {
	const body = typeof payload === 'string' ? payload : serialise(payload);
	return {
		body,
		headers: { 'x-ghl-signature': signEd25519(key.privateKey, body) },
		parameters: {
			source: 'marketplaceApp',
			events: ['*'],
			options: { customPublicKeys: ghlKeys.spkiBase64 },
			...parameters,
		},
	};
}

function expectRejected(run: Awaited<ReturnType<typeof runWebhook>>, status: number, text: string) {
	expect(run.result.workflowData).toBeUndefined();
	expect(run.result.noWebhookResponse).toBe(true);
	expect(run.response.statusCode).toBe(status);
	expect(run.response.body).toBe(text);
}

beforeEach(() => forgetSeenIds());

describe('GHL Trigger: marketplace events', () => {
	it('starts the workflow with one item per signed event', async () => {
		const payload = ghlEvent('ContactCreate');
		const run = await runWebhook(trigger, signed(payload));
		// A short fixed body, not n8n's default (the literal text "firstEntryJson").
		expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.items).toEqual([
			{
				event: 'ContactCreate',
				locationId: 've9EPM428h8vShlRW1KT',
				webhookId: payload.webhookId,
				timestamp: payload.timestamp,
				payload,
			},
		]);
	});

	it('answers 401 "Unauthorized" and starts nothing for an unsigned request', async () => {
		const call = signed(ghlEvent('ContactCreate'));
		call.headers = {};
		expectRejected(await runWebhook(trigger, call), 401, 'Unauthorized');
	});

	it('rejects a request signed with a key it does not trust', async () => {
		const attacker = ed25519Pair();
		expectRejected(await runWebhook(trigger, signed(ghlEvent('ContactCreate'), {}, attacker)), 401, 'Unauthorized');
	});

	it('rejects a forged body under a genuine signature', async () => {
		const call = signed(ghlEvent('ContactCreate'));
		call.body = String(call.body).replace('John', 'Evil');
		expectRejected(await runWebhook(trigger, call), 401, 'Unauthorized');
	});

	it('rejects when the custom key is not configured (only GHL\'s built-in key is trusted)', async () => {
		const call = signed(ghlEvent('ContactCreate'), { options: {} });
		expectRejected(await runWebhook(trigger, call), 401, 'Unauthorized');
	});

	it('trusts only the custom keys when built-in keys are turned off', async () => {
		const rotated = ed25519Pair();
		const options = { useBuiltInKeys: false, customPublicKeys: rotated.pem };
		expect((await runWebhook(trigger, signed(ghlEvent('ContactCreate'), { options }, rotated))).items).toHaveLength(1);
		expectRejected(await runWebhook(trigger, signed(ghlEvent('ContactCreate'), { options })), 401, 'Unauthorized');
	});

	it('rejects when n8n kept no raw body: a re-serialised body is never verified', async () => {
		const call = signed(ghlEvent('ContactCreate'));
		call.body = null;
		expectRejected(await runWebhook(trigger, call), 401, 'Unauthorized');
	});

	it('logs unusable custom keys but still verifies with the others', async () => {
		const run = await runWebhook(
			trigger,
			signed(ghlEvent('ContactCreate'), { options: { customPublicKeys: `garbage\n${ghlKeys.pem}` } }),
		);
		expect(run.items).toHaveLength(1);
		expect(run.warnings).toEqual([expect.stringContaining('base64 key #1 is not a valid SPKI public key')]);
		expect(run.warnings[0]).not.toContain('garbage');
	});

	describe('legacy x-wh-signature', () => {
		const legacy = rsaPair();
		const body = serialise(ghlEvent('ContactCreate'));
		const call = (allowLegacyRsa: boolean): WebhookCall => ({
			body,
			headers: { 'x-wh-signature': signRsa(legacy.privateKey, body) },
			parameters: {
				source: 'marketplaceApp',
				events: ['*'],
				options: { customPublicKeys: legacy.pem, allowLegacyRsa },
			},
		});

		it('is rejected unless the option allows it', async () => {
			expectRejected(await runWebhook(trigger, call(false)), 401, 'Unauthorized');
		});

		it('is accepted when the option allows it', async () => {
			expect((await runWebhook(trigger, call(true))).items).toHaveLength(1);
		});
	});

	describe('replay protection', () => {
		it('starts once for a repeated webhookId and acknowledges the repeat', async () => {
			const call = signed(ghlEvent('ContactCreate'));
			expect((await runWebhook(trigger, call)).items).toHaveLength(1);
			expectIgnored(await runWebhook(trigger, call));
		});

		it('rejects a re-signed body that reuses a webhookId', async () => {
			const payload = ghlEvent('ContactCreate');
			await runWebhook(trigger, signed(payload));
			expectIgnored(await runWebhook(trigger, signed({ ...payload, firstName: 'Other' })));
		});

		it('keeps a separate memory per node and workflow', async () => {
			const call = signed(ghlEvent('ContactCreate'));
			expect((await runWebhook(trigger, call)).items).toHaveLength(1);
			expect((await runWebhook(trigger, { ...call, nodeId: 'other-node' })).items).toHaveLength(1);
			expect((await runWebhook(trigger, { ...call, workflowId: 'wf-2' })).items).toHaveLength(1);
		});

		it('does not let a rejected forgery burn a genuine webhookId', async () => {
			const payload = ghlEvent('ContactCreate');
			const forged = signed(payload, {}, ed25519Pair());
			expectRejected(await runWebhook(trigger, forged), 401, 'Unauthorized');
			expect((await runWebhook(trigger, signed(payload))).items).toHaveLength(1);
		});

		it('rejects stale, future and missing timestamps with 401', async () => {
			const stale = new Date(Date.now() - 6 * 60_000).toISOString();
			const future = new Date(Date.now() + 6 * 60_000).toISOString();
			expectRejected(await runWebhook(trigger, signed(ghlEvent('ContactCreate', { timestamp: stale }))), 401, 'Unauthorized');
			expectRejected(await runWebhook(trigger, signed(ghlEvent('ContactCreate', { timestamp: future }))), 401, 'Unauthorized');
			expectRejected(
				await runWebhook(trigger, signed(ghlEvent('ContactCreate', { timestamp: undefined }))),
				401,
				'Unauthorized',
			);
		});

		it('honours a configured window', async () => {
			const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
			const options = { customPublicKeys: ghlKeys.spkiBase64, toleranceSeconds: 900 };
			expect((await runWebhook(trigger, signed(ghlEvent('ContactCreate', { timestamp: tenMinutesAgo }), { options }))).items).toHaveLength(1);
		});

		it('with the age check off, still rejects repeats (by webhookId, or identical bytes without one)', async () => {
			const options = { customPublicKeys: ghlKeys.spkiBase64, toleranceSeconds: 0 };
			const old = ghlEvent('ContactCreate', { timestamp: '2020-01-01T00:00:00Z' });
			const call = signed(old, { options });
			expect((await runWebhook(trigger, call)).items).toHaveLength(1);
			expectIgnored(await runWebhook(trigger, call));
			const noId = signed(ghlEvent('ContactCreate', { webhookId: undefined }), { options });
			expect((await runWebhook(trigger, noId)).items).toHaveLength(1);
			expectIgnored(await runWebhook(trigger, noId));
		});
	});

	describe('malformed and oversized requests', () => {
		it('answers 400 for signed bodies that are not a JSON object', async () => {
			for (const body of ['{"type":"ContactCreate",', '[{"type":"ContactCreate"}]', '']) {
				const call = signed(body);
				expectRejected(await runWebhook(trigger, call), 400, 'Bad Request');
			}
		});

		it('answers 401 (not 400) for unsigned malformed bodies: nothing is revealed before authentication', async () => {
			expectRejected(await runWebhook(trigger, { ...signed('{oops'), headers: {} }), 401, 'Unauthorized');
		});

		it('answers 413 for bodies over 1 MB, even when signed', async () => {
			const payload = ghlEvent('ContactCreate', { padding: 'x'.repeat(MAX_BODY_BYTES) });
			expectRejected(await runWebhook(trigger, signed(payload)), 413, 'Payload Too Large');
		});

		it('answers 413 when the declared length is over 1 MB', async () => {
			const call = signed(ghlEvent('ContactCreate'));
			call.headers = { ...call.headers, 'content-length': String(MAX_BODY_BYTES + 1) };
			expectRejected(await runWebhook(trigger, call), 413, 'Payload Too Large');
		});
	});

	describe('filters', () => {
		it('acknowledges events that are not selected and starts nothing', async () => {
			const run = await runWebhook(trigger, signed(ghlEvent('ContactDelete'), { events: ['ContactCreate', 'TaskCreate'] }));
			expectIgnored(run);
		});

		it('starts for selected events', async () => {
			const events = ['TaskCreate', 'INSTALL'];
			const task = await runWebhook(trigger, signed(ghlEvent('TaskCreate', { contactId: 'c1' }), { events }));
			expect(task.items?.[0].event).toBe('TaskCreate');
			const install = await runWebhook(trigger, signed(ghlEvent('INSTALL', { appId: 'app1' }), { events }));
			expect(install.items?.[0].event).toBe('INSTALL');
		});

		it('only starts for the listed locations', async () => {
			const locationIds = 'loc_a, loc_b';
			expect((await runWebhook(trigger, signed(ghlEvent('ContactCreate', { locationId: 'loc_b' }), { locationIds }))).items).toHaveLength(1);
			expectIgnored(await runWebhook(trigger, signed(ghlEvent('ContactCreate', { locationId: 'loc_c' }), { locationIds })));
		});

		it('never matches agency-level events (no locationId) against a location filter', async () => {
			const agencyInstall = ghlEvent('INSTALL', { locationId: undefined, companyId: 'comp_1' });
			expectIgnored(await runWebhook(trigger, signed(agencyInstall, { locationIds: 'loc_a' })));
			const run = await runWebhook(trigger, signed(ghlEvent('INSTALL', { locationId: undefined, companyId: 'comp_1' })));
			expect(run.items?.[0]).toMatchObject({ event: 'INSTALL', locationId: null });
		});
	});

	describe('no verification (explicit, warned option)', () => {
		it('accepts unsigned events but still drops repeated webhookIds', async () => {
			const body = serialise(ghlEvent('ContactCreate', { timestamp: undefined }));
			const call: WebhookCall = { body, parameters: { source: 'marketplaceApp', events: ['*'], signatureVerification: 'none' } };
			expect((await runWebhook(trigger, call)).items).toHaveLength(1);
			expectIgnored(await runWebhook(trigger, call));
		});
	});
});

describe('GHL Trigger: workflow webhook (shared secret)', () => {
	const payload = {
		contact_id: 'c1',
		first_name: 'Jane',
		email: 'jane@example.com',
		location: { id: 'loc_a', name: 'Acme' },
		workflow: { id: 'wf_9', name: 'New lead' },
	};
	const call = (headers: Record<string, string>, parameters: Record<string, unknown> = {}, query?: Record<string, string>): WebhookCall => ({
		body: JSON.stringify(payload),
		headers,
		query,
		parameters: { source: 'workflowWebhook', ...parameters },
		credentials: { ghlWebhookSecretApi: { secret: SECRET } },
	});

	it('starts with the right secret in the header', async () => {
		const run = await runWebhook(trigger, call({ 'X-Webhook-Secret': SECRET }));
		expect(run.items).toEqual([{ event: 'WorkflowWebhook', locationId: 'loc_a', webhookId: null, timestamp: null, payload }]);
	});

	it('answers 401 for a wrong, missing or differently-named secret', async () => {
		expectRejected(await runWebhook(trigger, call({ 'x-webhook-secret': `${SECRET}x` })), 401, 'Unauthorized');
		expectRejected(await runWebhook(trigger, call({})), 401, 'Unauthorized');
		expectRejected(await runWebhook(trigger, call({ 'x-other': SECRET })), 401, 'Unauthorized');
	});

	it('reads the secret from a custom header or a query parameter', async () => {
		expect((await runWebhook(trigger, call({ 'x-ghl-key': SECRET }, { headerName: 'X-GHL-Key' }))).items).toHaveLength(1);
		const query = call({}, { secretIn: 'query', queryParameterName: 'token' }, { token: SECRET });
		expect((await runWebhook(trigger, query)).items).toHaveLength(1);
		const wrongQuery = call({}, { secretIn: 'query', queryParameterName: 'token' }, { token: 'nope' });
		expectRejected(await runWebhook(trigger, wrongQuery), 401, 'Unauthorized');
	});

	it('fails closed without a credential or with an empty secret', async () => {
		expectRejected(await runWebhook(trigger, { ...call({ 'x-webhook-secret': SECRET }), credentials: {} }), 401, 'Unauthorized');
		const empty = { ...call({ 'x-webhook-secret': '' }), credentials: { ghlWebhookSecretApi: { secret: '' } } };
		expectRejected(await runWebhook(trigger, empty), 401, 'Unauthorized');
	});

	it('answers 400 for malformed JSON with the right secret, and applies the location filter', async () => {
		expectRejected(await runWebhook(trigger, { ...call({ 'x-webhook-secret': SECRET }), body: '{nope' }), 400, 'Bad Request');
		expectIgnored(await runWebhook(trigger, call({ 'x-webhook-secret': SECRET }, { locationIds: 'loc_z' })));
	});

	it('answers 413 for an oversized body before checking anything else', async () => {
		const big = { ...call({ 'x-webhook-secret': SECRET }), body: JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }) };
		expectRejected(await runWebhook(trigger, big), 413, 'Payload Too Large');
	});
});

describe('GHL Trigger: credential test for the workflow webhook secret', () => {
	const test = trigger.methods.credentialTest.ghlWebhookSecretTest;
	const run = async (secret: string) =>
		await test.call({} as never, { id: '1', name: 'c', type: 'ghlWebhookSecretApi', data: { secret } });

	it('asks for a secret of at least 16 characters', async () => {
		expect((await run('short')).status).toBe('Error');
		expect((await run(SECRET)).status).toBe('OK');
	});
});
