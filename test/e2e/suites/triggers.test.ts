/**
 * The triggers in ACTIVE workflows of a running `n8n start`, called on their production URLs the
 * way GHL and ScoreApp call them. A correct request starts exactly one execution with the
 * normalized output; forged, tampered, replayed, stale or unsigned ones start none. Executions are
 * read back through n8n's REST API (what the editor's Executions list shows).
 */
import { randomBytes } from 'node:crypto';

import { IDS } from '../harness/fixtures';
import { expectSuccess, setup, unique } from '../harness/helpers';
import { newEd25519KeyPair, ghlEvent, scoreAppEvent, scoreAppLead } from '../harness/signing';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setup();

/** Sends the requests, then returns the executions they started (after a settle period). */
async function executionsStartedBy(workflowId: string, send: () => Promise<void>, expected: number) {
	const before = await n8n.lastExecutionId(workflowId);
	await send();
	const started = await n8n.waitForExecutions(workflowId, before, expected, { timeoutMs: expected ? 60_000 : 0, settleMs: 2_000 });
	return await Promise.all(started.map(async (summary) => await n8n.execution(summary.id)));
}

describe('GHL Trigger: signed marketplace webhooks (Ed25519, custom public key)', () => {
	const workflow = ctx.workflows.ghlTrigger;
	const { privateKeyPem } = ctx.ed25519;
	const contactId = `e2eWebhook${randomBytes(5).toString('hex')}`;
	const email = `${unique('webhook')}@e2e.test`;
	const event = { type: 'ContactCreate', locationId: IDS.locationA, id: contactId, email, firstName: 'Hook' };
	const signed = ghlEvent(privateKeyPem, event);

	beforeAll(async () => {
		// The contact the event is about, for "Fetch Full Record".
		await fake.seed({ contacts: [{ id: contactId, locationId: IDS.locationA, email, firstName: 'Hook', lastName: 'Full', city: 'Austin' }] });
	});

	test('a correctly signed, fresh event starts exactly one execution with the normalized event and the full record', async () => {
		let status = 0;
		const [execution, ...more] = await executionsStartedBy(
			workflow.id,
			async () => {
				status = (await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status;
			},
			1,
		);
		expect(status).toBe(200);
		expect(more).toEqual([]);
		expectSuccess(execution);
		expect(execution.mode).toBe('webhook');
		const [item] = execution.runs['GHL Trigger'][0].items;
		expect(item).toEqual({
			event: 'ContactCreate',
			locationId: IDS.locationA,
			webhookId: signed.webhookId,
			timestamp: JSON.parse(signed.body).timestamp,
			payload: JSON.parse(signed.body),
			// Read with the Private Integration credential through n8n's overwritten base URL.
			record: expect.objectContaining({ id: contactId, email, lastName: 'Full', city: 'Austin' }),
		});
		expect(execution.runs.Received[0].items).toHaveLength(1);
	});

	test('forged, tampered, replayed, stale and unsigned events are refused and start nothing', async () => {
		const other = newEd25519KeyPair();
		const forged = ghlEvent(other.privateKeyPem, { ...event });
		const genuine = ghlEvent(privateKeyPem, { ...event });
		const tamperedBody = genuine.body.replace(email, `attacker-${email}`);
		const stale = ghlEvent(privateKeyPem, { ...event, timestamp: new Date(Date.now() - 10 * 60_000).toISOString() });
		const future = ghlEvent(privateKeyPem, { ...event, timestamp: new Date(Date.now() + 10 * 60_000).toISOString() });
		const otherEvent = ghlEvent(privateKeyPem, { type: 'TaskCreate', locationId: IDS.locationA, id: 'x', contactId });

		const answers: Record<string, number> = {};
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				answers.forged = (await n8n.postWebhook(workflow.path, forged.body, forged.headers)).status;
				answers.tampered = (await n8n.postWebhook(workflow.path, tamperedBody, genuine.headers)).status;
				answers.replayed = (await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status;
				answers.stale = (await n8n.postWebhook(workflow.path, stale.body, stale.headers)).status;
				answers.future = (await n8n.postWebhook(workflow.path, future.body, future.headers)).status;
				answers.unsigned = (await n8n.postWebhook(workflow.path, genuine.body)).status;
				answers.otherEvent = (await n8n.postWebhook(workflow.path, otherEvent.body, otherEvent.headers)).status;
			},
			0,
		);
		expect(answers).toEqual({
			forged: 401,
			tampered: 401,
			// Already delivered: acknowledged so GHL stops retrying, but not run again.
			replayed: 200,
			stale: 401,
			future: 401,
			unsigned: 401,
			// Not one of the trigger's events: acknowledged, ignored.
			otherEvent: 200,
		});
		expect(started.map((execution) => execution.id)).toEqual([]);
	});
});

describe('GHL Trigger: GHL workflow webhook action (shared secret)', () => {
	const workflow = ctx.workflows.ghlWorkflowWebhook;
	const payload = { contact_id: 'abc123', email: `${unique('wf')}@e2e.test`, location: { id: IDS.locationB } };

	test('the right secret starts one execution; a wrong or missing one is refused', async () => {
		const answers: Record<string, number> = {};
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
				answers.wrong = (await n8n.postWebhook(workflow.path, payload, { 'x-webhook-secret': 'not-the-secret-0000000000' })).status;
				answers.missing = (await n8n.postWebhook(workflow.path, payload)).status;
				answers.right = (await n8n.postWebhook(workflow.path, payload, { 'x-webhook-secret': ctx.secrets.ghlWorkflowWebhook })).status;
			},
			1,
		);
		expect(answers).toEqual({ wrong: 401, missing: 401, right: 200 });
		expect(started).toHaveLength(1);
		expectSuccess(started[0]);
		expect(started[0].runs['GHL Trigger'][0].items).toEqual([
			{ event: 'WorkflowWebhook', locationId: IDS.locationB, webhookId: null, timestamp: null, payload },
		]);
	});
});

describe('ScoreApp Trigger (Scoreapp-Signature HMAC)', () => {
	const workflow = ctx.workflows.scoreAppTrigger;
	const email = `${unique('scoreapp')}@e2e.test`;
	const lead = scoreAppLead('LEAD_SIGNED_UP', { email, firstName: 'Grace', lastName: 'Hopper', phone: '+14155550199', percent: 81 });
	const signed = scoreAppEvent(ctx.secrets.scoreApp, lead);

	test('a correctly signed event starts exactly one execution with the normalized lead', async () => {
		let status = 0;
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				status = (await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status;
			},
			1,
		);
		expect(status).toBe(200);
		expect(started).toHaveLength(1);
		expectSuccess(started[0]);
		const [item] = started[0].runs['ScoreApp Trigger'][0].items;
		const data = lead.data as any;
		expect(item).toMatchObject({
			event: 'LEAD_SIGNED_UP',
			email,
			firstName: 'Grace',
			lastName: 'Hopper',
			phone: '+14155550199',
			score: 81,
			scoreOutOf10: 8,
			categoryScores: { Strategy: 86, Operations: 61 },
			highestCategory: 'Strategy',
			lowestCategory: 'Operations',
			answers: { 'How big is your team?': '11-50', 'Do you track leads?': 'Yes' },
			utmSource: 'newsletter',
			utmCampaign: 'e2e',
			resultId: data.id,
			resultKey: data.key,
			optIn: true,
			reportUrl: data.report,
			data,
		});
	});

	test('a wrong secret, an unsigned request and a byte-identical replay start nothing', async () => {
		const forged = scoreAppEvent('not-the-secret', scoreAppLead('LEAD_SIGNED_UP', { email }));
		const answers: Record<string, number> = {};
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				answers.forged = (await n8n.postWebhook(workflow.path, forged.body, forged.headers)).status;
				answers.unsigned = (await n8n.postWebhook(workflow.path, signed.body)).status;
				answers.replayed = (await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status;
			},
			0,
		);
		expect(answers).toEqual({ forged: 401, unsigned: 401, replayed: 200 });
		expect(started.map((execution) => execution.id)).toEqual([]);
	});
});

describe('GHL Trigger: deal and message events (#12)', () => {
	const workflow = ctx.workflows.ghlTrigger;
	const { privateKeyPem } = ctx.ed25519;

	test('a signed OpportunityStageUpdate starts one execution with the full opportunity read from GHL', async () => {
		const contactId = `e2eDealContact${randomBytes(4).toString('hex')}`;
		await fake.seed({ contacts: [{ id: contactId, locationId: IDS.locationA, email: `${unique('deal')}@e2e.test`, firstName: 'Deal' }] });
		const seeded = await fake.seed({
			opportunities: [{ locationId: IDS.locationA, contactId, pipelineId: 'fakePipelineSales001', pipelineStageId: 'fakeStageQualified01', name: 'Seeded deal', status: 'open', monetaryValue: 900 }],
		});
		const opportunity = seeded.opportunities[0];
		const event = { type: 'OpportunityStageUpdate', locationId: IDS.locationA, id: opportunity.id, contactId, pipelineId: 'fakePipelineSales001', pipelineStageId: 'fakeStageQualified01', status: 'open' };
		const signed = ghlEvent(privateKeyPem, event);
		const [execution, ...more] = await executionsStartedBy(
			workflow.id,
			async () => {
				expect((await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status).toBe(200);
			},
			1,
		);
		expect(more).toEqual([]);
		expectSuccess(execution);
		const [item] = execution.runs['GHL Trigger'][0].items;
		expect(item).toMatchObject({ event: 'OpportunityStageUpdate', payload: event, record: expect.objectContaining({ id: opportunity.id, name: 'Seeded deal', monetaryValue: 900 }) });
	});

	test('a signed InboundMessage starts one execution with the message', async () => {
		const event = { type: 'InboundMessage', locationId: IDS.locationA, contactId: 'someContact', conversationId: 'conv1', messageId: `m${randomBytes(4).toString('hex')}`, body: 'YES', messageType: 'SMS', direction: 'inbound' };
		const signed = ghlEvent(privateKeyPem, event);
		const [execution] = await executionsStartedBy(
			workflow.id,
			async () => {
				expect((await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status).toBe(200);
			},
			1,
		);
		expectSuccess(execution);
		expect(execution.runs['GHL Trigger'][0].items[0]).toMatchObject({ event: 'InboundMessage', payload: event });
	});
});
