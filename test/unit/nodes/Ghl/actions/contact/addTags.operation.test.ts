import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', location: locator('list', ''), contactId: locator('id', 'c1') };

describe('contact → addTags', () => {
	it('adds tags with POST /contacts/:id/tags', async () => {
		ghl().post('/contacts/c1/tags', { tags: ['a', 'b'] }).reply(201, { tags: ['a', 'b', 'c'] });
		const { output } = await runNode({ parameters: { ...base, operation: 'addTags', tags: ['a', 'b'] } });
		expect(output[0].json).toEqual({ id: 'c1', tags: ['a', 'b', 'c'] });
	});

	it('requires at least one tag', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'addTags', tags: [] } })).rejects.toMatchObject({
			message: expect.stringContaining('Tags: no tag given (item 0)'),
		});
	});

	it('names the missing scope on a 403 about scopes', async () => {
		ghl().post('/contacts/c1/tags').reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
		await expect(runNode({ parameters: { ...base, operation: 'addTags', tags: ['x'] } })).rejects.toMatchObject({
			description: expect.stringContaining('"contacts.write"'),
		});
	});
});
