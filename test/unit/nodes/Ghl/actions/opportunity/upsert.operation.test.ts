import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { pipelinesOnce } from '../../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'opportunity',
	operation: 'upsert',
	location: locator('list', ''),
	pipelineId: 'p1',
	pipelineStageId: 's1',
	name: 'Jane — Scorecard',
	contactId: locator('id', 'c1'),
	additionalFields: { monetaryValue: 300 },
};
const search = { location_id: LOCATION_ID, pipeline_id: 'p1', contact_id: 'c1', limit: 1 };

describe('opportunity → upsert (one deal per contact and pipeline)', () => {
	it('updates the contact\'s deal in the pipeline when there is one', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o9', contactId: 'c1' }], meta: { total: 1 } });
		ghl()
			.put('/opportunities/o9', { pipelineId: 'p1', pipelineStageId: 's1', name: 'Jane — Scorecard', monetaryValue: 300 })
			.reply(200, { opportunity: { id: 'o9', pipelineStageId: 's1' } });
		const { output } = await runNode({ parameters: base });
		expect(output[0].json).toEqual({ id: 'o9', pipelineStageId: 's1', isNew: false });
	});

	it('creates it (status open unless set) when the contact has none in the pipeline', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [], meta: { total: 0 } });
		ghl()
			.post('/opportunities/', { status: 'open', pipelineId: 'p1', pipelineStageId: 's1', name: 'Jane — Scorecard', monetaryValue: 300, contactId: 'c1', locationId: LOCATION_ID })
			.reply(201, { opportunity: { id: 'o10' } });
		const { output } = await runNode({ parameters: base });
		expect(output[0].json).toEqual({ id: 'o10', isNew: true });
	});

	it('two items for one contact run one after another, so the second updates what the first created', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [] });
		ghl().post('/opportunities/').reply(201, { opportunity: { id: 'o10' } });
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o10', contactId: 'c1' }] });
		ghl().put('/opportunities/o10').reply(200, { opportunity: { id: 'o10' } });
		const { output } = await runNode({ items: [{ json: {} }, { json: {} }], parameters: base });
		expect(output.map((item) => item.json.isNew)).toEqual([true, false]);
	});
});
