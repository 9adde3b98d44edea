/**
 * The triggers in queue mode: GHL and ScoreApp call the production URL, which is the webhook
 * process's (`n8n webhook`, its own port; the main process serves no production webhooks,
 * N8N_DISABLE_PRODUCTION_MAIN_PROCESS). The trigger's checks run there; the execution it starts
 * goes through Redis to a worker, whose log names it.
 */
import { randomBytes } from 'node:crypto';

import { IDS } from '../../e2e/harness/fixtures';
import { expectSuccess, firstOf, unique } from '../../e2e/harness/helpers';
import { ghlEvent, scoreAppEvent, scoreAppLead } from '../../e2e/harness/signing';
import { setupQueue, workersOf } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setupQueue();

/** Sends, then reads the executions that started (after a settle period). */
async function executionsStartedBy(workflowId: string, send: () => Promise<void>, expected: number) {
	const before = await n8n.lastExecutionId(workflowId);
	await send();
	const started = await n8n.waitForExecutions(workflowId, before, expected, { timeoutMs: expected ? 60_000 : 0, settleMs: 2_000 });
	return await Promise.all(started.map(async (summary) => await n8n.execution(summary.id)));
}

/** A POST straight to the main process's production webhook URL. */
async function postToMain(path: string, body: string, headers: Record<string, string>) {
	const res = await fetch(`${ctx.n8nUrl}/webhook/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
	return { status: res.status, text: await res.text() };
}

describe('GHL Trigger (signed) → GHL node', () => {
	const workflow = ctx.queue.workflows.ghlTriggerChain;
	const contactId = `queueHook${randomBytes(5).toString('hex')}`;
	const email = `${unique('queue-hook')}@e2e.test`;

	beforeAll(async () => {
		await fake.seed({ contacts: [{ id: contactId, locationId: IDS.locationA, email, firstName: 'Hook', lastName: 'Queue', city: 'Lisbon' }] });
	});

	test('the main process does not take the production URL; nothing starts', async () => {
		const signed = ghlEvent(ctx.ed25519.privateKeyPem, { type: 'ContactCreate', locationId: IDS.locationA, id: contactId, email });
		let answer = { status: 0, text: '' };
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				answer = await postToMain(workflow.path, signed.body, signed.headers);
			},
			0,
		);
		expect(answer.status).toBe(404);
		expect(started).toEqual([]);
	});

	test('a signed event on the webhook process starts one execution, run by a worker: full record fetched, the next node read GHL', async () => {
		const signed = ghlEvent(ctx.ed25519.privateKeyPem, { type: 'ContactCreate', locationId: IDS.locationA, id: contactId, email });
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
		const [execution] = started;
		expectSuccess(execution);
		expect(execution.mode).toBe('webhook');
		expect(firstOf(execution, 'GHL Trigger')).toMatchObject({
			event: 'ContactCreate',
			locationId: IDS.locationA,
			webhookId: signed.webhookId,
			record: expect.objectContaining({ id: contactId, email, lastName: 'Queue', city: 'Lisbon' }),
		});
		expect(firstOf(execution, 'Contact: get')).toMatchObject({ id: contactId, email, city: 'Lisbon' });
		const ranOn = await workersOf(ctx, [execution]);
		expect(ranOn[execution.id]).toEqual([expect.stringMatching(/^worker-\d$/)]);
	});

	test('a forged event and a replay are refused on the webhook process and start nothing', async () => {
		const genuine = ghlEvent(ctx.ed25519.privateKeyPem, { type: 'ContactCreate', locationId: IDS.locationA, id: contactId, email });
		const answers: Record<string, number> = {};
		let first: any[] = [];
		first = await executionsStartedBy(
			workflow.id,
			async () => {
				answers.genuine = (await n8n.postWebhook(workflow.path, genuine.body, genuine.headers)).status;
			},
			1,
		);
		const tampered = genuine.body.replace(email, `attacker-${email}`);
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				answers.tampered = (await n8n.postWebhook(workflow.path, tampered, genuine.headers)).status;
				answers.replayed = (await n8n.postWebhook(workflow.path, genuine.body, genuine.headers)).status;
			},
			0,
		);
		expect(answers).toEqual({ genuine: 200, tampered: 401, replayed: 200 });
		expect(first).toHaveLength(1);
		expect(started).toEqual([]);
	});
});

describe('ScoreApp Trigger', () => {
	const workflow = ctx.workflows.scoreAppTrigger;

	test('the main process does not take the production URL', async () => {
		const signed = scoreAppEvent(ctx.secrets.scoreApp, scoreAppLead('LEAD_SIGNED_UP', { email: `${unique('queue-main')}@e2e.test` }));
		expect((await postToMain(workflow.path, signed.body, signed.headers)).status).toBe(404);
	});

	test('signed leads on the webhook process each start one execution, run by the workers', async () => {
		const leads = [0, 1, 2, 3].map((index) => {
			const email = `${unique(`queue-lead-${index}`)}@e2e.test`;
			return { email, signed: scoreAppEvent(ctx.secrets.scoreApp, scoreAppLead('LEAD_SIGNED_UP', { email, firstName: 'Grace', percent: 60 + index })) };
		});
		let statuses: number[] = [];
		const started = await executionsStartedBy(
			workflow.id,
			async () => {
				statuses = await Promise.all(leads.map(async ({ signed }) => (await n8n.postWebhook(workflow.path, signed.body, signed.headers)).status));
			},
			leads.length,
		);
		expect(statuses).toEqual(leads.map(() => 200));
		expect(started).toHaveLength(leads.length);
		started.forEach(expectSuccess);
		const received = started.map((execution) => firstOf(execution, 'ScoreApp Trigger'));
		expect(received.map((item) => item.email).sort()).toEqual(leads.map((lead) => lead.email).sort());
		for (const item of received) expect(item).toMatchObject({ event: 'LEAD_SIGNED_UP', firstName: 'Grace', score: expect.any(Number) });
		const ranOn = await workersOf(ctx, started);
		for (const execution of started) expect(ranOn[execution.id]).toEqual([expect.stringMatching(/^worker-\d$/)]);
	});
});
