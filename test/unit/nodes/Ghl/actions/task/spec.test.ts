import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const base = { resource: 'task', location: locator('list', ''), contactId: locator('id', 'c1'), taskId: 't1', options: {} };
const allFields = { title: 'T', body: 'B', dueDate: '2026-05-01T10:00:00Z', completed: true, assignedTo: 'user_1' };

/** Every request of every task operation, with every field set, checked against contacts.json. */
describe('task requests conform to contacts.json', () => {
	it.each([
		['create', 'POST', { ...base, operation: 'create', title: 'T', dueDate: '2026-05-01', additionalFields: { body: 'B', completed: true, assignedTo: 'user_1' } }],
		['create (minimal)', 'POST', { ...base, operation: 'create', title: 'T', dueDate: '2026-05-01', additionalFields: {} }],
		['get', 'GET', { ...base, operation: 'get' }],
		['getAll', 'GET', { ...base, operation: 'getAll', returnAll: true, filters: { status: 'open', dueAfter: '2026-01-01' } }],
		['update', 'PUT', { ...base, operation: 'update', updateFields: allFields }],
		['complete', 'PUT', { ...base, operation: 'complete', completed: false }],
		['delete', 'DELETE', { ...base, operation: 'delete' }],
	])('%s', async (_name, method, parameters) => {
		ghl().intercept(/\/contacts\/c1\/tasks.*/, method).reply(200, { task: { id: 't1' }, tasks: [] });
		const { context } = await runNode({ parameters });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('the checker itself catches a property the DTO lacks', () => {
		expect(
			specProblems({ method: 'POST', url: 'https://x/contacts/c1/tasks', headers: { Version: '2021-07-28' }, body: { title: 'T', dueDate: 'x', completed: false, status: 'open' } }),
		).toEqual(['POST /contacts/{contactId}/tasks: property status should not exist']);
	});
});
