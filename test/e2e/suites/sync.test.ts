/**
 * Two-way sync without loops (#13), in the real n8n against the fake GHL, which sends signed
 * webhooks for its own state changes (normalised as GHL stores them). A workflow triggered by
 * ContactUpdate writes a grade back to the same contact: with the echo guard it runs exactly once
 * per change a person makes — also a change 1 s after our write — and never for its own write;
 * without it the loop is visible (and stopped by the test).
 */
import { randomBytes } from 'node:crypto';

import { IDS } from '../harness/fixtures';
import { SYNC_CUSTOM_FIELDS, SYNC_FIELDS } from '../harness/fixtures.sync';
import { expectSuccess, setup, unique } from '../harness/helpers';
import { sleep } from '../harness/n8n';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setup();

async function seedContact(): Promise<string> {
	const id = `e2eSync${randomBytes(5).toString('hex')}`;
	await fake.seed({ contacts: [{ id, locationId: IDS.locationA, email: `${unique('sync')}@e2e.test`, firstName: 'Sam' }] });
	return id;
}

async function sendEventsTo(path: string): Promise<void> {
	await fake.configureWebhooks({
		targets: [{ url: `${ctx.n8nUrl}/webhook/${path}`, events: ['ContactUpdate'], locationId: IDS.locationA }],
		privateKeyPem: ctx.ed25519.privateKeyPem,
		delayMs: 50,
	});
}

const gradeOf = async (contactId: string) =>
	((await fake.records('contacts')).find((contact) => contact.id === contactId)?.customFields ?? []).find((field: any) => field.id === SYNC_FIELDS.grade)?.value;

beforeAll(async () => {
	await fake.seed({ customFields: SYNC_CUSTOM_FIELDS.map((field) => ({ ...field, locationId: IDS.locationA })) });
});

afterAll(async () => {
	await fake.configureWebhooks({ targets: [] });
});

describe('echo guard on', () => {
	const workflow = ctx.workflows.syncGuarded;

	test('one execution per human change over a minute of watching, none for our own writes, also for a change 1 s after our write', async () => {
		const contactId = await seedContact();
		await sendEventsTo(workflow.path);
		const before = await n8n.lastExecutionId(workflow.id);
		const since = (await fake.deliveries()).reduce((max, delivery) => Math.max(max, delivery.seq), 0);

		// A person sets the city: the workflow grades the contact A and writes it back (marked).
		await fake.uiEditContact(contactId, { city: 'Austin' });
		const [first] = await n8n.waitForExecutions(workflow.id, before, 1, { timeoutMs: 60_000, settleMs: 0 });
		expectSuccess(await n8n.execution(first.id));
		for (let waited = 0; (await gradeOf(contactId)) !== 'A' && waited < 10_000; waited += 200) await sleep(200);
		expect(await gradeOf(contactId)).toBe('A');

		// 1 s after our write a person changes another field: that change must start the workflow.
		await sleep(1_000);
		await fake.uiEditContact(contactId, { lastName: 'Later' });

		// Watch for a minute in all: exactly two executions, one per human change.
		await sleep(60_000);
		const started = await n8n.waitForExecutions(workflow.id, before, 2, { timeoutMs: 0, settleMs: 0 });
		expect(started).toHaveLength(2);
		for (const execution of started) expectSuccess(await n8n.execution(execution.id));

		// GHL (the fake) sent four events: two human changes and two echoes of our writes.
		const events = (await fake.deliveries({ since, id: contactId })).filter((delivery) => delivery.type === 'ContactUpdate');
		expect(events).toHaveLength(4);
		expect(events.every((delivery) => delivery.status === 200)).toBe(true);
	}, 120_000);
});

describe('echo guard off', () => {
	const workflow = ctx.workflows.syncUnguarded;

	test('the workflow re-triggers itself (the loop the guard prevents), until the test stops the events', async () => {
		const contactId = await seedContact();
		await sendEventsTo(workflow.path);
		const before = await n8n.lastExecutionId(workflow.id);
		await fake.uiEditContact(contactId, { city: 'Boston' });
		// Each write comes back as a ContactUpdate and starts the workflow again.
		const looped = await n8n.waitForExecutions(workflow.id, before, 3, { timeoutMs: 60_000, settleMs: 0 });
		await fake.configureWebhooks({ targets: [] });
		expect(looped.length).toBeGreaterThanOrEqual(3);
	}, 120_000);
});

describe('conflict policies', () => {
	test('Fill Empty Fields Only fills only what GHL lacks; Skip If Changed skips an older source and writes a newer one', async () => {
		const contactId = `e2eConflict${randomBytes(5).toString('hex')}`;
		const email = `${unique('conflict')}@e2e.test`;
		await fake.seed({ contacts: [{ id: contactId, locationId: IDS.locationA, email, firstName: 'Kim' }] });
		const { execution } = await n8n.runViaWebhook(ctx.workflows.conflicts.id, ctx.workflows.conflicts.path, { contactId, email });
		expectSuccess(execution);
		const only = (node: string) => execution.runs[node][0].items[0];
		expect(only('Fill Empty')).toMatchObject({ id: contactId, filled: ['city'], kept: ['firstName'] });
		expect(only('Skip Older')).toMatchObject({ skipped: true, reason: 'Changed in GHL after the source', id: contactId, sourceUpdatedAt: '2020-01-01T00:00:00.000Z' });
		expect(only('Write Newer').skipped).toBeUndefined();
		const stored = (await fake.records('contacts')).find((contact) => contact.id === contactId);
		expect(stored).toMatchObject({ firstName: 'Kim', city: 'Denver', lastName: 'New' });
	});
});
