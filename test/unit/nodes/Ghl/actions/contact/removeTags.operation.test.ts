import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', location: locator('list', ''), contactId: locator('id', 'c1') };

describe('contact → removeTags', () => {
	it('removes tags with DELETE /contacts/:id/tags and a body', async () => {
		ghl().delete('/contacts/c1/tags', { tags: ['a'] }).reply(200, { tags: ['b'] });
		const { output } = await runNode({ parameters: { ...base, operation: 'removeTags', tags: 'a' } });
		expect(output[0].json).toEqual({ id: 'c1', tags: ['b'] });
	});
});
