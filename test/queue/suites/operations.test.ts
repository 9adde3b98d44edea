/**
 * Every operation kind in queue mode: the e2e "every operation" workflow (contact create, upsert,
 * get, getAll, update, add / remove tags; task; note; appointment) four times at once and the
 * lead-to-deal workflow (opportunities) twice, posted to the webhook process. Each execution must
 * have been run by a worker — the worker's own log names the execution — and together they must
 * have used both workers. Asserted on the nodes' output and on what the fake GHL stored.
 */
import { IDS } from '../../e2e/harness/fixtures';
import { expectSuccess, firstOf, outputOf, unique, uniquePhone } from '../../e2e/harness/helpers';
import type { Execution } from '../../e2e/harness/n8n';
import { logOf, setupQueue, weekdays, workersOf } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setupQueue();

const OPERATION_NODES = [
	...['create', 'upsert', 'get', 'getAll', 'update', 'addTags', 'removeTags'].map((op) => `Contact: ${op}`),
	...['create', 'get', 'getAll', 'update', 'complete'].map((op) => `Task: ${op}`),
	...['create', 'get', 'getAll', 'update'].map((op) => `Note: ${op}`),
	...['getFreeSlots', 'create', 'get', 'getAll', 'update'].map((op) => `Appointment: ${op}`),
];
const DEAL_NODES = ['create', 'get', 'getAll', 'update', 'upsert', 'updateStatus', 'delete'].map((op) => `Opportunity: ${op}`);

// One weekday per run: two runs booking the first free slot of the same day would collide.
const inputs = weekdays(4).map((day) => ({ email: `${unique('queue-ada')}@e2e.test`, phone: uniquePhone(), day, dueDate: `${day}T15:00:00.000Z` }));
const dealInputs = [0, 1].map(() => ({ email: `${unique('queue-dee')}@e2e.test`, phone: uniquePhone() }));

let allOps: Execution[];
let deals: Execution[];
let ranOn: Record<string, string[]>;

beforeAll(async () => {
	const [ops, deal] = await Promise.all([
		n8n.runConcurrently(ctx.workflows.allOps.id, ctx.workflows.allOps.path, inputs),
		n8n.runConcurrently(ctx.workflows.deals.id, ctx.workflows.deals.path, dealInputs),
	]);
	expect(ops.responses.map((response) => response.status)).toEqual(inputs.map(() => 200));
	expect(deal.responses.map((response) => response.status)).toEqual(dealInputs.map(() => 200));
	allOps = ops.executions;
	deals = deal.executions;
	ranOn = await workersOf(ctx, [...allOps, ...deals]);
});

test('every execution succeeded and ran each operation node once', () => {
	expect(allOps).toHaveLength(4);
	expect(deals).toHaveLength(2);
	for (const execution of allOps) {
		expectSuccess(execution);
		expect(execution.mode).toBe('webhook');
		for (const node of OPERATION_NODES) expect(execution.runs[node]?.map((run) => run.error)).toEqual([undefined]);
	}
	for (const execution of deals) {
		expectSuccess(execution);
		for (const node of DEAL_NODES) expect(execution.runs[node]?.map((run) => run.error)).toEqual([undefined]);
	}
});

test('each execution was run by exactly one worker, and both workers ran some', () => {
	const workerNames = ctx.queue.workers.map((worker) => worker.name);
	for (const [id, workers] of Object.entries(ranOn)) {
		expect({ id, workers }).toEqual({ id, workers: [expect.stringMatching(/^worker-\d$/)] });
	}
	expect(new Set(Object.values(ranOn).flat())).toEqual(new Set(workerNames));
	// The main process and the webhook process took no job.
	for (const process of [ctx.queue.main, ctx.queue.webhook]) expect(logOf(process.logFile)).not.toMatch(/Worker started execution/);
});

test('contacts, tasks, notes and appointments landed in the fake as each run left them', async () => {
	const [contacts, tasks, notes, appointments] = await Promise.all(
		(['contacts', 'tasks', 'notes', 'appointments'] as const).map(async (collection) => await fake.records(collection)),
	);
	for (const execution of allOps) {
		const contactId = firstOf(execution, 'Contact: create').id;
		const input = inputs.find((candidate) => candidate.email === firstOf(execution, 'Contact: create').email)!;
		expect(firstOf(execution, 'Contact: upsert')).toMatchObject({ id: contactId, isNew: false });
		expect(firstOf(execution, 'Contact: get')).toMatchObject({ id: contactId, email: input.email, lastName: 'Lovelace' });
		expect(outputOf(execution, 'Contact: getAll').map((contact) => contact.id)).toEqual([contactId]);

		const contact = contacts.find((record) => record.id === contactId);
		expect(contact).toMatchObject({ locationId: IDS.locationA, email: input.email, phone: input.phone, firstName: 'Ada', lastName: 'Lovelace', city: 'Berlin' });
		expect([...contact.tags].sort()).toEqual(['e2e', 'updated', 'vip']);

		const taskId = firstOf(execution, 'Task: create').id;
		expect(tasks.find((task) => task.id === taskId)).toMatchObject({ contactId, title: 'Call Ada again', body: 'Second call', completed: true });
		const noteId = firstOf(execution, 'Note: create').id;
		expect(notes.find((note) => note.id === noteId)).toMatchObject({ contactId, body: 'Met at the e2e conference (updated)', pinned: false });

		const slots: string[] = firstOf(execution, 'Appointment: getFreeSlots').slots;
		expect(firstOf(execution, 'Appointment: getFreeSlots').date).toBe(input.day);
		const appointmentId = firstOf(execution, 'Appointment: create').id;
		const appointment = appointments.find((event) => event.id === appointmentId);
		expect(appointment).toMatchObject({ calendarId: IDS.calendarA, contactId, title: 'Intro call (moved)' });
		expect(Date.parse(appointment.startTime)).toBe(Date.parse(slots[2]));
	}
	expect(new Set(allOps.map((execution) => firstOf(execution, 'Contact: create').id)).size).toBe(4);
});

test('opportunities: created, moved, upserted onto the same deal, marked lost, then deleted in GHL', async () => {
	const stored = await fake.records('opportunities' as any);
	for (const execution of deals) {
		const contactId = firstOf(execution, 'Contact: create').id;
		const created = firstOf(execution, 'Opportunity: create');
		expect(created).toMatchObject({ contactId, status: 'open', monetaryValue: 1200 });
		expect(firstOf(execution, 'Opportunity: update')).toMatchObject({ id: created.id, monetaryValue: 2500 });
		expect(firstOf(execution, 'Opportunity: upsert')).toMatchObject({ id: created.id, isNew: false });
		expect(firstOf(execution, 'Opportunity: updateStatus')).toMatchObject({ id: created.id });
		expect(firstOf(execution, 'Opportunity: delete')).toEqual({ id: created.id, deleted: true });
		expect(stored.find((deal: any) => deal.id === created.id && !deal.deleted)).toBeUndefined();
	}
});
