import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { PIPELINES } from '../../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const base = { resource: 'opportunity', location: locator('list', ''), pipelineId: 'p1', pipelineStageId: 's2', name: 'Deal', contactId: locator('id', 'c1'), opportunityId: 'o1' };
const every = { status: 'open', monetaryValue: 10, assignedTo: 'user_1', customFields: { field: [{ field: 'cf_size', value: '3' }] }, followers: 'user_2' };

/** Every request of every opportunity operation, with every field set, checked against opportunities.json. */
describe('opportunity requests conform to opportunities.json', () => {
	it.each([
		['create', { ...base, operation: 'create', additionalFields: every }],
		['upsert', { ...base, operation: 'upsert', additionalFields: every }],
		['get', { ...base, operation: 'get' }],
		['getAll', { ...base, operation: 'getAll', returnAll: true, filters: { status: 'won', assignedTo: 'u1', contactId: 'c1', startDate: '2026-05-01', endDate: '2026-05-02', query: 'x' }, options: {} }],
		['update', { ...base, operation: 'update', updateFields: { ...every, name: 'N' } }],
		['updateStatus', { ...base, operation: 'updateStatus', status: 'lost', lostReasonId: 'lr1' }],
		['delete', { ...base, operation: 'delete' }],
	])('%s', async (_name, parameters) => {
		ghl().get('/opportunities/pipelines').query(true).optionally().reply(200, { pipelines: PIPELINES });
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query(true).optionally().reply(200, { customFields: [{ id: 'cf_size', fieldKey: 'opportunity.size' }] });
		for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
			ghl().intercept(/\/opportunities\/(?!pipelines).*/, method).times(3).optionally().reply(200, { opportunity: { id: 'o1' }, opportunities: [], meta: {} });
		}
		const { context } = await runNode({ parameters });
		const own = context.requests.filter((request) => !/pipelines|customFields/.test(request.url));
		expect(own.length).toBeGreaterThan(0);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});
});
