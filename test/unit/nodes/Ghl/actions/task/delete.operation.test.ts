import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'task', location: locator('list', ''), contactId: locator('id', 'c1'), taskId: 't1' };

describe('task → delete', () => {
	it('deletes with DELETE /contacts/:contactId/tasks/:taskId', async () => {
		ghl().delete('/contacts/c1/tasks/t1').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output).toEqual([{ json: { id: 't1', contactId: 'c1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('maps a 400 "not found" to an error naming the task ID', async () => {
		ghl().delete('/contacts/c1/tasks/t9').reply(400, { statusCode: 400, message: 'Task with id t9 not found' });
		await expect(runNode({ parameters: { ...base, taskId: 't9', operation: 'delete' } })).rejects.toMatchObject({
			httpCode: '400',
			description: expect.stringContaining('"t9" is not a valid Task ID'),
		});
	});

	it('keeps other 400s as GHL said them', async () => {
		ghl().delete('/contacts/c1/tasks/t1').reply(400, { statusCode: 400, message: 'Bad Request' });
		await expect(runNode({ parameters: { ...base, operation: 'delete' } })).rejects.toMatchObject({
			httpCode: '400',
			description: 'HTTP 400 from GHL DELETE /contacts/c1/tasks/t1.',
		});
	});
});
