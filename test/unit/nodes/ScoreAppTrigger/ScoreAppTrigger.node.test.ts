import { ScoreAppTrigger } from '../../../../nodes/ScoreAppTrigger/ScoreAppTrigger.node';
import { forgetSeenIds } from '../../../../nodes/shared/replay';
import { MAX_BODY_BYTES } from '../../../../nodes/shared/webhook';
import { leadSignedUp, SECRET } from '../../../helpers/scoreApp';
import { expectIgnored, hmacHex, runWebhook, type WebhookCall } from '../../../helpers/webhookContext';

const trigger = new ScoreAppTrigger();

function signedCall(payload: object | string, parameters: Record<string, unknown> = {}, secret = SECRET): WebhookCall {
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
	return {
		body,
		headers: { 'Scoreapp-Signature': hmacHex(secret, body) },
		parameters: { events: ['*'], ...parameters },
		credentials: { scoreAppWebhookApi: { secret: SECRET } },
	};
}

function expectRejected(run: Awaited<ReturnType<typeof runWebhook>>, status: number, text: string) {
	expect(run.result.workflowData).toBeUndefined();
	expect(run.result.noWebhookResponse).toBe(true);
	expect(run.response).toMatchObject({ statusCode: status, body: text });
}

beforeEach(() => forgetSeenIds());

describe('ScoreApp Trigger', () => {
	it('starts with a normalized lead next to the raw data', async () => {
		const run = await runWebhook(trigger, signedCall(leadSignedUp));
		expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
		expect(run.items).toHaveLength(1);
		expect(run.items?.[0]).toEqual({
			event: 'LEAD_SIGNED_UP',
			email: 'jane.doe@example.com',
			firstName: 'Jane',
			lastName: 'Doe',
			phone: '+44 7700 900123',
			score: 72,
			scoreOutOf10: 7.2,
			categoryScores: { Strategy: 80, Execution: 55, Team: 90 },
			categoryScoreList: [
				{ category: 'Strategy', percent: 80, outOf10: 8 },
				{ category: 'Execution', percent: 55, outOf10: 5.5 },
				{ category: 'Team', percent: 90, outOf10: null },
			],
			highestCategory: 'Team',
			lowestCategory: 'Execution',
			answers: { 'Do you review your budget monthly?': 'Yes', 'Which channels do you use?': 'Email, Ads' },
			leadFormAnswers: { Company: 'Acme Ltd', 'Phone number': '+44 7700 900123' },
			utmSource: 'linkedin',
			utmMedium: 'social',
			utmCampaign: 'spring',
			utmTerm: null,
			utmContent: null,
			resultId: '9b2f4c1e-3d7a-4e8b-a1c2-5f6e7d8c9b0a',
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
			resultKey: '65a1f3c2de4b5a6978123a',
			quizId: null,
			leadId: null,
			status: 'Finished',
			startedAt: '2024-03-14T10:02:11.000Z',
			finishedAt: null,
			optIn: true,
			optInDetail: 'Implied',
			ipAddress: '203.0.113.24',
			reportUrl: 'https://acme.scoreapp.com/report/65a1f3c2de4b5a6978123a',
			resumeUrl: 'https://acme.scoreapp.com/continue/65a1f3c2de4b5a6978123a',
			data: leadSignedUp.data,
		});
	});

	it('answers 401 "Unauthorized" for unsigned, wrongly signed or forged requests', async () => {
		const unsigned = { ...signedCall(leadSignedUp), headers: {} };
		expectRejected(await runWebhook(trigger, unsigned), 401, 'Unauthorized');
		expectRejected(await runWebhook(trigger, signedCall(leadSignedUp, {}, 'wrong-secret')), 401, 'Unauthorized');
		const forged = signedCall(leadSignedUp);
		forged.body = String(forged.body).replace('Jane', 'Mallory');
		expectRejected(await runWebhook(trigger, forged), 401, 'Unauthorized');
	});

	it('fails closed when the credential is missing or its secret is empty', async () => {
		expectRejected(await runWebhook(trigger, { ...signedCall(leadSignedUp), credentials: {} }), 401, 'Unauthorized');
		const empty = { ...signedCall(leadSignedUp, {}, ''), credentials: { scoreAppWebhookApi: { secret: '' } } };
		expectRejected(await runWebhook(trigger, empty), 401, 'Unauthorized');
	});

	it('accepts a body signed as re-serialised JSON when the bytes differ', async () => {
		const pretty = JSON.stringify(leadSignedUp, null, 2);
		const call: WebhookCall = {
			...signedCall(leadSignedUp),
			body: pretty,
			headers: { 'scoreapp-signature': hmacHex(SECRET, JSON.stringify(leadSignedUp)) },
		};
		expect((await runWebhook(trigger, call)).items).toHaveLength(1);
	});

	it('answers 400 for malformed JSON, even when correctly signed', async () => {
		expectRejected(await runWebhook(trigger, signedCall('{"event_name":"QUIZ_STARTED",')), 400, 'Bad Request');
		expectRejected(await runWebhook(trigger, signedCall('[]')), 400, 'Bad Request');
	});

	it('answers 413 for bodies over 1 MB', async () => {
		const big = { ...leadSignedUp, data: { ...leadSignedUp.data, padding: 'x'.repeat(MAX_BODY_BYTES) } };
		expectRejected(await runWebhook(trigger, signedCall(big)), 413, 'Payload Too Large');
	});

	it('acknowledges events that are not selected and starts nothing', async () => {
		expectIgnored(await runWebhook(trigger, signedCall(leadSignedUp, { events: ['QUIZ_FINISHED'] })));
		const started = { event_name: 'QUIZ_STARTED', data: { id: 'r2', status: 'Started' } };
		const run = await runWebhook(trigger, signedCall(started, { events: ['QUIZ_STARTED', 'LEAD_SIGNED_UP'] }));
		expect(run.items?.[0].event).toBe('QUIZ_STARTED');
	});

	it('starts once for a byte-identical repeat within the window', async () => {
		const call = signedCall(leadSignedUp);
		expect((await runWebhook(trigger, call)).items).toHaveLength(1);
		expectIgnored(await runWebhook(trigger, call));
		const changed = signedCall({ ...leadSignedUp, event_name: 'LEAD_DETAILS_UPDATED' });
		expect((await runWebhook(trigger, changed)).items).toHaveLength(1);
		const off = signedCall(leadSignedUp, { options: { duplicateWindowMinutes: 0 } });
		expect((await runWebhook(trigger, off)).items).toHaveLength(1);
	});

	it('starts once for every accepted spelling of one signed payload (a replay cannot re-space or re-escape it)', async () => {
		const compact = JSON.stringify(leadSignedUp);
		const headers = { 'scoreapp-signature': hmacHex(SECRET, compact) };
		const spellings = [
			compact,
			`${compact} `,
			`${compact}\n`,
			JSON.stringify(leadSignedUp, null, 2),
			compact.replace('"event_name"', '"\\u0065vent_name"'),
		];
		const runs = [];
		for (const body of spellings) runs.push(await runWebhook(trigger, { ...signedCall(leadSignedUp), body, headers }));
		// Every spelling passes the signature check (it matches JSON.stringify of the parsed body)...
		expect(runs.map((run) => run.response.statusCode)).toEqual(spellings.map(() => 200));
		// ...but only the first starts the workflow.
		expect(runs.map((run) => run.items?.length ?? 0)).toEqual([1, 0, 0, 0, 0]);
	});

	it('still starts for a genuine LEAD_DETAILS_UPDATED whose details changed', async () => {
		const updated = (firstName: string) => ({
			...leadSignedUp,
			event_name: 'LEAD_DETAILS_UPDATED',
			data: { ...leadSignedUp.data, first_name: firstName },
		});
		expect((await runWebhook(trigger, signedCall(leadSignedUp))).items).toHaveLength(1);
		expect((await runWebhook(trigger, signedCall(updated('Janet')))).items).toHaveLength(1);
		expect((await runWebhook(trigger, signedCall(updated('Janine')))).items).toHaveLength(1);
		expectIgnored(await runWebhook(trigger, signedCall(updated('Janine'))));
	});

	it('answers 401, not an exception, for a signed-looking body nested too deep to re-serialise', async () => {
		const deep = `{"event_name":"QUIZ_STARTED","data":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
		const call = { ...signedCall(leadSignedUp), body: deep, headers: { 'scoreapp-signature': 'ab'.repeat(32) } };
		expectRejected(await runWebhook(trigger, call), 401, 'Unauthorized');
	});

	it('accepts unsigned requests only with verification explicitly off', async () => {
		const call: WebhookCall = { body: JSON.stringify(leadSignedUp), parameters: { events: ['*'], signatureVerification: 'none' } };
		expect((await runWebhook(trigger, call)).items).toHaveLength(1);
	});

	it('has a credential test that requires a secret', async () => {
		const test = trigger.methods.credentialTest.scoreAppSecretTest;
		const check = async (secret: string) =>
			(await test.call({} as never, { id: '1', name: 'c', type: 'scoreAppWebhookApi', data: { secret } })).status;
		expect(await check('')).toBe('Error');
		expect(await check(SECRET)).toBe('OK');
	});
});
