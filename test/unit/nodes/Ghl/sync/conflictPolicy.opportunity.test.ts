import { locator, LOCATION_ID } from '../../../../helpers/context';
import { pipelinesOnce } from '../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

// Opportunity → Update and Create or Update under each On Conflict policy: exact requests.
const location = locator('list', '');
const update = { resource: 'opportunity', operation: 'update', location, opportunityId: 'o1', pipelineId: '', pipelineStageId: '' };
const upsert = {
	resource: 'opportunity',
	operation: 'upsert',
	location,
	pipelineId: 'p1',
	pipelineStageId: 's1',
	name: 'Jane — Scorecard',
	contactId: locator('id', 'c1'),
	additionalFields: { monetaryValue: 300 },
};
const search = { location_id: LOCATION_ID, pipeline_id: 'p1', contact_id: 'c1', limit: 1 };
const fill = { onConflict: 'fillEmpty' };
const skipSince = (sourceUpdatedAt: string) => ({ onConflict: 'skipIfChanged', sourceUpdatedAt });
const newer = '2026-03-01T12:00:00.000Z';

describe('Opportunity → Update', () => {
	it('Overwrite sends no extra request', async () => {
		ghl().put('/opportunities/o1', { name: 'New' }).reply(200, { opportunity: { id: 'o1', name: 'New' } });
		const { output } = await runNode({ parameters: { ...update, onConflict: 'overwrite', updateFields: { name: 'New' } } });
		expect(output[0].json).toEqual({ id: 'o1', name: 'New' });
	});

	it('Fill Empty: GET the deal, PUT what is empty (custom fields per id), add only new followers', async () => {
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'opportunity' })
			.reply(200, { customFields: [{ id: 'ocf1', fieldKey: 'opportunity.size', dataType: 'TEXT' }, { id: 'ocf2', fieldKey: 'opportunity.source', dataType: 'TEXT' }] });
		ghl().get('/opportunities/o1').reply(200, {
			opportunity: { id: 'o1', name: 'Deal', status: 'open', monetaryValue: null, assignedTo: '', customFields: [{ id: 'ocf1', fieldValue: 'big' }, { id: 'ocf2', fieldValue: [] }], followers: ['u1'] },
		});
		ghl()
			.put('/opportunities/o1', { monetaryValue: 500, assignedTo: 'u2', customFields: [{ id: 'ocf2', field_value: 'ads' }] })
			.reply(200, { opportunity: { id: 'o1', monetaryValue: 500 } });
		ghl().post('/opportunities/o1/followers', { followers: ['u3'] }).reply(201, { followers: ['u1', 'u3'] });
		const updateFields = {
			name: 'Other',
			status: 'won',
			monetaryValue: 500,
			assignedTo: 'u2',
			followers: 'u1, u3',
			customFields: { field: [{ field: 'ocf1', value: 'small' }, { field: 'ocf2', value: 'ads' }] },
		};
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields } });
		expect(output[0].json).toEqual({
			id: 'o1',
			monetaryValue: 500,
			filled: ['monetaryValue', 'assignedTo', 'customFields.ocf2', 'followers'],
			kept: ['name', 'status', 'customFields.ocf1'],
		});
	});

	it('Fill Empty with nothing left: no write, GHL\'s deal with filled: []', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', name: 'Deal', monetaryValue: 0, followers: ['u1'] } });
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields: { name: 'X', monetaryValue: 9, followers: 'u1' } } });
		expect(output[0].json).toEqual({ id: 'o1', name: 'Deal', monetaryValue: 0, followers: ['u1'], filled: [], kept: ['name', 'monetaryValue', 'followers'] });
	});

	it('Skip: updatedAt after the source → nothing written', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', updatedAt: newer, createdAt: '2020-01-01T00:00:00Z' } });
		const { output } = await runNode({ parameters: { ...update, ...skipSince('1772362800000'), updateFields: { name: 'X' } } });
		expect(output[0].json).toEqual({
			skipped: true,
			reason: 'Changed in GHL after the source',
			ghlUpdatedAt: newer,
			sourceUpdatedAt: '2026-03-01T11:00:00.000Z',
			id: 'o1',
		});
	});

	it('Skip: no updatedAt, createdAt older than the source → written', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', createdAt: '2026-01-01T00:00:00Z' } });
		ghl().put('/opportunities/o1', { name: 'X' }).reply(200, { opportunity: { id: 'o1', name: 'X' } });
		const { output } = await runNode({ parameters: { ...update, ...skipSince(newer), updateFields: { name: 'X' } } });
		expect(output[0].json).toEqual({ id: 'o1', name: 'X' });
	});

	it('the read is retried on 429 and 5xx, and an unknown ID is named', async () => {
		ghl().get('/opportunities/o1').reply(429, { message: 'slow down' });
		ghl().get('/opportunities/o1').reply(503, { message: 'busy' });
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', name: '' } });
		ghl().put('/opportunities/o1', { name: 'X' }).reply(200, { opportunity: { id: 'o1' } });
		await runNode({ parameters: { ...update, ...fill, updateFields: { name: 'X' } } });
		ghl().get('/opportunities/o1').reply(404, { message: 'Not found' });
		await expect(runNode({ parameters: { ...update, ...fill, updateFields: { name: 'X' } } })).rejects.toMatchObject({
			description: expect.stringContaining('"o1" is not a valid Opportunity ID'),
		});
	});
});

describe('Opportunity → Create or Update', () => {
	it('Fill Empty: the search answer is the deal; PUT only what it lacks, no extra read', async () => {
		pipelinesOnce();
		ghl()
			.get('/opportunities/search')
			.query(search)
			.reply(200, { opportunities: [{ id: 'o9', contactId: 'c1', name: 'Old', pipelineId: 'p1', pipelineStageId: 's2', status: 'open', monetaryValue: null }] });
		ghl().put('/opportunities/o9', { monetaryValue: 300 }).reply(200, { opportunity: { id: 'o9', monetaryValue: 300 } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill } });
		expect(output[0].json).toEqual({ id: 'o9', monetaryValue: 300, isNew: false, filled: ['monetaryValue'], kept: ['pipelineId', 'pipelineStageId', 'name'] });
	});

	it('Fill Empty with nothing left: no PUT', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o9', contactId: 'c1', name: 'Old', pipelineId: 'p1', pipelineStageId: 's2', monetaryValue: 10 }] });
		const { output } = await runNode({ parameters: { ...upsert, ...fill } });
		expect(output[0].json).toMatchObject({ id: 'o9', isNew: false, filled: [] });
	});

	it('Fill Empty, no deal: created with everything', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [] });
		ghl()
			.post('/opportunities/', { status: 'open', pipelineId: 'p1', pipelineStageId: 's1', name: 'Jane — Scorecard', monetaryValue: 300, contactId: 'c1', locationId: LOCATION_ID })
			.reply(201, { opportunity: { id: 'o10' } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill } });
		expect(output[0].json).toEqual({ id: 'o10', isNew: true, filled: ['pipelineId', 'pipelineStageId', 'name', 'monetaryValue'], kept: [] });
	});

	it('Skip: the deal changed after the source → skipped; before it → updated', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o9', contactId: 'c1', updatedAt: newer }] });
		const first = await runNode({ parameters: { ...upsert, ...skipSince('2026-03-01 11:00') } });
		expect(first.output[0].json).toMatchObject({ skipped: true, id: 'o9', ghlUpdatedAt: newer, sourceUpdatedAt: '2026-03-01T11:00:00.000Z' });
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o9', contactId: 'c1', updatedAt: newer }] });
		ghl().put('/opportunities/o9', { pipelineId: 'p1', pipelineStageId: 's1', name: 'Jane — Scorecard', monetaryValue: 300 }).reply(200, { opportunity: { id: 'o9' } });
		const second = await runNode({ parameters: { ...upsert, ...skipSince('2026-03-01 13:00') } });
		expect(second.output[0].json).toEqual({ id: 'o9', isNew: false });
	});

	it('Overwrite: unchanged, no report', async () => {
		pipelinesOnce();
		ghl().get('/opportunities/search').query(search).reply(200, { opportunities: [{ id: 'o9', contactId: 'c1', name: 'Old' }] });
		ghl().put('/opportunities/o9', { pipelineId: 'p1', pipelineStageId: 's1', name: 'Jane — Scorecard', monetaryValue: 300 }).reply(200, { opportunity: { id: 'o9' } });
		const { output } = await runNode({ parameters: { ...upsert, onConflict: 'overwrite' } });
		expect(output[0].json).toEqual({ id: 'o9', isNew: false });
	});
});
