import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'task',
	operation: 'getAll',
	location: locator('list', ''),
	contactId: locator('id', 'c1'),
	returnAll: true,
	filters: {},
	options: {},
};

const tasks = [
	{ id: 't1', title: 'a', completed: false, dueDate: '2026-05-01T09:00:00.000Z' },
	{ id: 't2', title: 'b', completed: true, dueDate: '2026-05-02T09:00:00.000Z' },
	{ id: 't3', title: 'c', completed: false, dueDate: '2026-05-03T09:00:00.000Z' },
	{ id: 't4', title: 'd', completed: false },
];

const ids = (output: Array<{ json: { id?: unknown } }>) => output.map((entry) => entry.json.id);

describe('task → getAll', () => {
	it('lists the contact\'s tasks, one item each, paired to the input item', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks });
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual(tasks.map((task) => ({ json: task, pairedItem: { item: 0 } })));
	});

	it('applies the limit on our side (GHL has no paging here)', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks });
		const { output } = await runNode({ parameters: { ...base, returnAll: false, limit: 2 } });
		expect(ids(output)).toEqual(['t1', 't2']);
	});

	it('filters completed / not completed', async () => {
		ghl().get('/contacts/c1/tasks').twice().reply(200, { tasks });
		const open = await runNode({ parameters: { ...base, filters: { status: 'open' } } });
		expect(ids(open.output)).toEqual(['t1', 't3', 't4']);
		const done = await runNode({ parameters: { ...base, filters: { status: 'completed' } } });
		expect(ids(done.output)).toEqual(['t2']);
	});

	it('filters by due date; a bare "before" date includes that whole day', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks });
		const { output } = await runNode({ parameters: { ...base, filters: { dueAfter: '2026-05-01T12:00:00Z', dueBefore: '2026-05-03' } } });
		expect(ids(output)).toEqual(['t2', 't3']);
	});

	it('reads due filters without offset in the Timezone option', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks });
		// 2026-05-01 06:00 in New York = 10:00 UTC: t1 (09:00 UTC) is before it.
		const { output } = await runNode({
			parameters: { ...base, filters: { dueAfter: '2026-05-01 06:00', status: 'open' }, options: { timezone: 'America/New_York' } },
		});
		expect(ids(output)).toEqual(['t3']);
	});

	it('applies the limit after the filters', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks });
		const { output } = await runNode({ parameters: { ...base, returnAll: false, limit: 1, filters: { status: 'completed' } } });
		expect(ids(output)).toEqual(['t2']);
	});

	it('returns no items for a contact without tasks', async () => {
		ghl().get('/contacts/c1/tasks').reply(200, { tasks: [] });
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual([]);
	});

	it('resolves the contact by phone', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, number: '+14155550123' }).reply(200, { contact: { id: 'c9' } });
		ghl().get('/contacts/c9/tasks').reply(200, { tasks: [tasks[0]] });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('phone', '+14155550123') } });
		expect(ids(output)).toEqual(['t1']);
	});

	it('rejects an unparseable filter date before any request', async () => {
		await expect(runNode({ parameters: { ...base, filters: { dueBefore: '31/12/2026' } } })).rejects.toMatchObject({
			message: 'Filters → Due Before: "31/12/2026" is not a date (item 0)',
		});
	});

	it('maps an unknown contact (400) with GHL\'s message', async () => {
		ghl().get('/contacts/nope/tasks').reply(400, { statusCode: 400, message: 'Contact not found' });
		await expect(runNode({ parameters: { ...base, contactId: locator('id', 'nope') } })).rejects.toMatchObject({
			httpCode: '400',
			message: 'Contact not found',
		});
	});
});
