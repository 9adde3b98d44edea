/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'task',
	location: locator('list', ''),
	contactId: locator('id', 'c1'),
	taskId: 't1',
	options: {},
};

describe('task → update', () => {
	it('sends only the fields given (UpdateTaskBody)', async () => {
		ghl()
			.put('/contacts/c1/tasks/t1', { title: 'New title', dueDate: '2026-06-01T08:00:00.000Z', completed: false, assignedTo: 'user_2', body: '' })
			.reply(200, { task: { id: 't1', title: 'New title' } });
		const { output } = await runNode({
			parameters: {
				...base,
				operation: 'update',
				updateFields: { title: 'New title', dueDate: '2026-06-01T10:00:00+02:00', completed: false, assignedTo: 'user_2', body: '' },
			},
		});
		expect(output).toEqual([{ json: { id: 't1', title: 'New title' }, pairedItem: { item: 0 } }]);
	});

	it('can change one field alone', async () => {
		ghl().put('/contacts/c1/tasks/t1', { completed: true }).reply(200, { task: { id: 't1', completed: true } });
		const { output } = await runNode({ parameters: { ...base, operation: 'update', updateFields: { completed: true } } });
		expect(output[0].json).toEqual({ id: 't1', completed: true });
	});

	it('refuses an update with no fields', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: {} } })).rejects.toMatchObject({
			message: 'Update Fields: nothing to update (item 0)',
		});
	});

	it('rejects an unparseable due date before any request', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: { dueDate: 'tomorrow' } } })).rejects.toMatchObject({
			message: 'Update Fields → Due Date: "tomorrow" is not a date (item 0)',
		});
	});

	it('names the task ID GHL does not know (400 "not found")', async () => {
		ghl().put('/contacts/c1/tasks/t_gone').reply(400, { statusCode: 400, message: 'Task not found' });
		await expect(
			runNode({ parameters: { ...base, taskId: 't_gone', operation: 'update', updateFields: { title: 'x' } } }),
		).rejects.toMatchObject({
			httpCode: '400',
			message: 'Task not found',
			description: expect.stringContaining('"t_gone" is not a valid Task ID'),
		});
	});

	it('rejects a task ID with a slash before any request', async () => {
		await expect(runNode({ parameters: { ...base, taskId: 't1/../x', operation: 'update', updateFields: { title: 'x' } } })).rejects.toMatchObject({
			message: 'Task ID: "t1/../x" is not a valid GHL ID (item 0)',
		});
	});

	it('sends updates to one task one after another, never at once', async () => {
		const order: string[] = [];
		let inFlight = 0;
		let maxInFlight = 0;
		ghl()
			.put('/contacts/c1/tasks/t1')
			.times(2)
			.reply((_uri, body, callback) => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				order.push((body as { title: string }).title);
				setTimeout(() => {
					inFlight--;
					callback(null, [200, { task: { id: 't1', ...(body as object) } }]);
				}, 20);
			});
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) => ({ ...base, operation: 'update', updateFields: { title: `v${i}` } }),
		});
		expect(maxInFlight).toBe(1);
		expect(order).toEqual(['v0', 'v1']);
		expect(output.map((entry) => entry.json.title)).toEqual(['v0', 'v1']);
	});
});
