import { locator } from '../../../../../helpers/context';
import { pipelinesOnce } from '../../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'opportunity', operation: 'update', location: locator('list', ''), opportunityId: 'o1', pipelineId: '', pipelineStageId: '', updateFields: {} };

describe('opportunity → update', () => {
	it('sends only what is set (UpdateOpportunityDto)', async () => {
		ghl().put('/opportunities/o1', { name: 'Renamed', monetaryValue: 10 }).reply(200, { opportunity: { id: 'o1', name: 'Renamed' } });
		const { output } = await runNode({ parameters: { ...base, updateFields: { name: 'Renamed', monetaryValue: 10 } } });
		expect(output[0].json).toEqual({ id: 'o1', name: 'Renamed' });
	});

	it('moves a deal to a stage, checked against every pipeline when none is chosen', async () => {
		pipelinesOnce();
		ghl().put('/opportunities/o1', { pipelineStageId: 's9' }).reply(200, { opportunity: { id: 'o1' } });
		await runNode({ parameters: { ...base, pipelineStageId: 's9' } });
	});

	it('refuses an update with nothing to change', async () => {
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ message: 'Update Fields: nothing to update (item 0)' });
	});

	it('names the opportunity GHL does not know', async () => {
		ghl().put('/opportunities/o_gone').reply(404, { message: 'Opportunity not found' });
		await expect(runNode({ parameters: { ...base, opportunityId: 'o_gone', updateFields: { name: 'x' } } })).rejects.toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('"o_gone" is not a valid Opportunity ID'),
		});
	});
});
