import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'task', location: locator('list', ''), contactId: locator('id', 'c1'), taskId: 't1' };

describe('task → get', () => {
	it('gets one task', async () => {
		ghl().get('/contacts/c1/tasks/t1').reply(200, { task: { id: 't1', title: 'a', contactId: 'c1' } });
		const { output } = await runNode({ parameters: { ...base, operation: 'get' } });
		expect(output).toEqual([{ json: { id: 't1', title: 'a', contactId: 'c1' }, pairedItem: { item: 0 } }]);
	});

	it('resolves the contact by email first', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'j@x.io' }).reply(200, { contact: { id: 'c2' } });
		ghl().get('/contacts/c2/tasks/t1').reply(200, { task: { id: 't1' } });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io'), operation: 'get' } });
		expect(output[0].json).toEqual({ id: 't1' });
	});

	it('maps 404 to an error naming the task ID', async () => {
		ghl().get('/contacts/c1/tasks/missing').reply(404, { statusCode: 404, message: 'Task not found' });
		await expect(runNode({ parameters: { ...base, taskId: 'missing', operation: 'get' } })).rejects.toMatchObject({
			httpCode: '404',
			message: 'Task not found',
			description: expect.stringContaining('"missing" is not a valid Task ID'),
		});
	});

	it('rejects an empty task ID before any request', async () => {
		await expect(runNode({ parameters: { ...base, taskId: '', operation: 'get' } })).rejects.toMatchObject({
			message: 'Task ID: is empty (item 0)',
		});
	});
});
