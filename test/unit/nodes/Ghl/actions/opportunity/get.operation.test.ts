import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

describe('opportunity → get', () => {
	it('outputs GHL\'s opportunity', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', status: 'open' } });
		const { output } = await runNode({ parameters: { resource: 'opportunity', operation: 'get', location: locator('list', ''), opportunityId: 'o1' } });
		expect(output).toEqual([{ json: { id: 'o1', status: 'open' }, pairedItem: { item: 0 } }]);
	});
});
