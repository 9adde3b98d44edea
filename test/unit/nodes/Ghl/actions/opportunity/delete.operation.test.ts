import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

describe('opportunity → delete', () => {
	it('deletes and says so', async () => {
		ghl().delete('/opportunities/o1').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { resource: 'opportunity', operation: 'delete', location: locator('list', ''), opportunityId: 'o1' } });
		expect(output[0].json).toEqual({ id: 'o1', deleted: true });
	});
});
