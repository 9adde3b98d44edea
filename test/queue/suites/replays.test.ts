/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Replays across webhook processes: the same signed event posted to `webhook` and `webhook-2`
 * (two `n8n webhook` processes on one database). The triggers' replay memory is per process plus
 * the node's workflow static data (nodes/shared/replay.ts), which n8n 2.41's LiveWebhooks reads
 * from the database on every call and saves once the webhook function has returned. Our triggers
 * write their 200 themselves (acknowledge), so the answer goes out just before that save: a copy
 * on the other process a second later is refused (asserted), one sent the moment the answer
 * arrives, or at the same instant, can start a second execution (measured, not asserted: a race).
 */
import { randomBytes } from 'node:crypto';

import { IDS } from '../../e2e/harness/fixtures';
import { firstOf, unique } from '../../e2e/harness/helpers';
import { type Execution, N8nClient, sleep } from '../../e2e/harness/n8n';
import { ghlEvent, scoreAppEvent, scoreAppLead, type SignedRequest } from '../../e2e/harness/signing';
import { setupQueue } from '../helpers';

const { ctx, n8n, fake } = setupQueue();
const ROUNDS = 10;

const [hook1, hook2] = ctx.queue.webhooks.map((process) => new N8nClient({ ...ctx, n8nUrl: process.url }));

/** How long after the first answer the copy goes to webhook-2 in the asserted sequential test. */
const GAP_MS = 1_000;

/** Per trigger and test: executions started per event (1 = duplicate refused, 2 = both started). */
const measured: Record<string, Record<string, { perEvent: number[]; started2: number; statuses: string[] }>> = {};

interface Case {
	name: string;
	workflow: { id: string; path: string };
	/** A fresh signed event and the value that identifies it in the trigger's output item. */
	event: () => { signed: SignedRequest; key: string };
	/** That value, read from an execution. */
	keyOf: (execution: Execution) => string;
	/** What a refused replay answers (both triggers acknowledge a duplicate, start nothing). */
	replayStatus: number;
}

const contactId = `queueReplay${randomBytes(5).toString('hex')}`;
const email = `${unique('queue-replay')}@e2e.test`;

const CASES: Case[] = [
	{
		name: 'GHL Trigger',
		workflow: ctx.queue.workflows.ghlTriggerChain,
		event: () => {
			const signed = ghlEvent(ctx.ed25519.privateKeyPem, { type: 'ContactCreate', locationId: IDS.locationA, id: contactId, email });
			return { signed, key: signed.webhookId };
		},
		keyOf: (execution) => String(firstOf(execution, 'GHL Trigger').webhookId),
		replayStatus: 200,
	},
	{
		name: 'ScoreApp Trigger',
		workflow: ctx.workflows.scoreAppTrigger,
		event: () => {
			const leadEmail = `${unique('queue-replay-lead')}@e2e.test`;
			return { signed: scoreAppEvent(ctx.secrets.scoreApp, scoreAppLead('LEAD_SIGNED_UP', { email: leadEmail })), key: leadEmail };
		},
		keyOf: (execution) => String(firstOf(execution, 'ScoreApp Trigger').email),
		replayStatus: 200,
	},
];

beforeAll(async () => {
	expect(ctx.queue.webhooks.map((process) => process.name)).toEqual(['webhook', 'webhook-2']);
	await fake.seed({ contacts: [{ id: contactId, locationId: IDS.locationA, email, firstName: 'Replay', lastName: 'Queue' }] });
});

afterAll(() => {
	if (Object.keys(measured).length) process.stderr.write(`[queue] replays: ${JSON.stringify(measured)}\n`);
});

describe.each(CASES)('$name on two webhook processes', ({ name, workflow, event, keyOf, replayStatus }) => {
	/** Runs `rounds` fresh events through `send`, then counts the executions each one started. */
	async function perEvent(rounds: number, send: (signed: SignedRequest) => Promise<string>) {
		const before = await n8n.lastExecutionId(workflow.id);
		const keys: string[] = [];
		const statuses: string[] = [];
		for (let round = 0; round < rounds; round++) {
			const { signed, key } = event();
			keys.push(key);
			statuses.push(await send(signed));
		}
		const started = await n8n.waitForExecutions(workflow.id, before, rounds, { timeoutMs: 90_000, settleMs: 3_000 });
		const executions = await Promise.all(started.map(async (summary) => await n8n.execution(summary.id)));
		const counts = new Map(keys.map((key) => [key, 0]));
		for (const execution of executions) {
			const key = keyOf(execution);
			expect(counts.has(key)).toBe(true);
			counts.set(key, counts.get(key)! + 1);
		}
		return { perEvent: keys.map((key) => counts.get(key)!), statuses };
	}

	const record = (test: string, result: { perEvent: number[]; statuses: string[] }) => {
		(measured[name] ??= {})[test] = { ...result, started2: result.perEvent.filter((count) => count === 2).length };
	};

	test(`sequential: answered on webhook, the same bytes on webhook-2 ${GAP_MS} ms later are refused and start nothing`, async () => {
		const result = await perEvent(3, async (signed) => {
			const first = await hook1.postWebhook(workflow.path, signed.body, signed.headers);
			await sleep(GAP_MS);
			const second = await hook2.postWebhook(workflow.path, signed.body, signed.headers);
			return `${first.status}/${second.status}`;
		});
		record(`sequential +${GAP_MS} ms`, result);
		expect(result.statuses).toEqual(result.statuses.map(() => `200/${replayStatus}`));
		expect(result.perEvent).toEqual([1, 1, 1]);
	});

	test(`sequential, the copy sent the moment the answer arrives: ${ROUNDS} events start 1 or 2 executions each (measured)`, async () => {
		const result = await perEvent(ROUNDS, async (signed) => {
			const first = await hook1.postWebhook(workflow.path, signed.body, signed.headers);
			const second = await hook2.postWebhook(workflow.path, signed.body, signed.headers);
			return `${first.status}/${second.status}`;
		});
		record('sequential +0 ms', result);
		expect(result.statuses.every((status) => status === '200/200')).toBe(true);
		for (const count of result.perEvent) expect([1, 2]).toContain(count);
	});

	test(`simultaneous: ${ROUNDS} fresh events, each on both processes at once, start 1 or 2 executions each (measured)`, async () => {
		const result = await perEvent(ROUNDS, async (signed) => {
			const answers = await Promise.all([hook1, hook2].map(async (hooks) => await hooks.postWebhook(workflow.path, signed.body, signed.headers)));
			return answers.map((answer) => answer.status).join('/');
		});
		record('simultaneous', result);
		expect(result.statuses.every((status) => status === '200/200')).toBe(true);
		for (const count of result.perEvent) expect([1, 2]).toContain(count);
	});
});
