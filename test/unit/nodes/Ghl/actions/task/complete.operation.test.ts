import { locator } from '../../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'task', location: locator('list', ''), contactId: locator('id', 'c1'), taskId: 't1', options: {} };

describe('task → complete', () => {
	it('marks a task completed with PUT …/completed', async () => {
		ghl().put('/contacts/c1/tasks/t1/completed', { completed: true }).reply(200, { task: { id: 't1', completed: true } });
		const { output } = await runNode({ parameters: { ...base, operation: 'complete', completed: true } });
		expect(output).toEqual([{ json: { id: 't1', completed: true }, pairedItem: { item: 0 } }]);
	});

	it('re-opens a task with completed false', async () => {
		ghl().put('/contacts/c1/tasks/t1/completed', { completed: false }).reply(200, { task: { id: 't1', completed: false } });
		const { output } = await runNode({ parameters: { ...base, operation: 'complete', completed: false } });
		expect(output[0].json).toEqual({ id: 't1', completed: false });
	});

	it('retries after a 429 that says the window is full, once a slot of it can have freed', async () => {
		ghl().put('/contacts/c1/tasks/t1/completed').reply(429, { message: 'Too many requests' }, { 'X-RateLimit-Interval-Milliseconds': '10000', 'X-RateLimit-Remaining': '0' });
		ghl().put('/contacts/c1/tasks/t1/completed', { completed: true }).reply(200, { task: { id: 't1', completed: true } });
		await runNode({ parameters: { ...base, operation: 'complete', completed: true } });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		// 99 of GHL's 100 are another process's: the first frees after 10 s / 99
		expect(waited).toBeGreaterThanOrEqual(100);
		expect(waited).toBeLessThan(1_000);
	});

	it('maps 404 to an error naming the task ID', async () => {
		ghl().put('/contacts/c1/tasks/nope/completed').reply(404, { statusCode: 404, message: 'Not Found' });
		await expect(runNode({ parameters: { ...base, taskId: 'nope', operation: 'complete', completed: true } })).rejects.toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('"nope" is not a valid Task ID'),
		});
	});
});
