import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const base = { resource: 'note', location: locator('list', ''), contactId: locator('id', 'c1'), noteId: 'n1' };
const extra = { title: 'T', color: '#FFAA00', pinned: true, userId: 'user_1' };

/** Every request of every note operation, with every field set, checked against contacts.json. */
describe('note requests conform to contacts.json', () => {
	it.each([
		['create', 'POST', { ...base, operation: 'create', body: 'B', additionalFields: extra }],
		['create (minimal)', 'POST', { ...base, operation: 'create', body: 'B', additionalFields: {} }],
		['get', 'GET', { ...base, operation: 'get' }],
		['getAll', 'GET', { ...base, operation: 'getAll', returnAll: true }],
		['update', 'PUT', { ...base, operation: 'update', updateFields: { body: 'B', ...extra } }],
		['delete', 'DELETE', { ...base, operation: 'delete' }],
	])('%s', async (_name, method, parameters) => {
		ghl().intercept(/\/contacts\/c1\/notes.*/, method).reply(200, { note: { id: 'n1' }, notes: [] });
		const { context } = await runNode({ parameters });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});
});
