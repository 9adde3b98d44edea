import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', location: locator('list', ''), contactId: locator('id', 'c1') };

describe('contact → delete', () => {
	it('deletes', async () => {
		ghl().delete('/contacts/c1').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output).toEqual([{ json: { id: 'c1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('reports a 403 on the location with the location named', async () => {
		ghl().delete('/contacts/c1').reply(403, { statusCode: 403, message: 'The token does not have access to this location.' });
		await expect(runNode({ parameters: { ...base, operation: 'delete' } })).rejects.toMatchObject({
			httpCode: '403',
			description: expect.stringContaining('location "loc_A1"'),
		});
	});
});
