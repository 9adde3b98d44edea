import {
	getCampaigns,
	getCustomFields,
	getLostReasons,
	getOpportunityCustomFields,
	getPipelines,
	getPipelineStages,
	getTags,
	getUsers,
	getWorkflows,
} from '../../../../../nodes/Ghl/methods/loadOptions';
import { createLoadOptionsContext, LOCATION_ID } from '../../../../helpers/context';
import { PIPELINES } from '../../../../helpers/opportunities';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('load options (option pickers)', () => {
	it('loads users, tags (by name) and custom fields (with their keys) of the location', async () => {
		ghl().get('/users/').query({ locationId: LOCATION_ID }).reply(200, { users: [{ id: 'u2', name: 'Zed', email: 'z@x.io' }, { id: 'u1', name: 'Amy' }] });
		ghl().get(`/locations/${LOCATION_ID}/tags`).reply(200, { tags: [{ id: 't1', name: 'vip' }, { id: 't2', name: 'hot' }] });
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'contact' })
			.reply(200, { customFields: [{ id: 'cf1', name: 'Lead Score', fieldKey: 'contact.lead_score', dataType: 'NUMERICAL' }] });
		const context = createLoadOptionsContext({});
		expect(await getUsers.call(context)).toEqual([
			{ name: 'Amy', value: 'u1' },
			{ name: 'Zed (z@x.io)', value: 'u2' },
		]);
		expect(await getTags.call(context)).toEqual([
			{ name: 'hot', value: 'hot' },
			{ name: 'vip', value: 'vip' },
		]);
		expect(await getCustomFields.call(context)).toEqual([{ name: 'Lead Score (lead_score)', value: 'cf1', description: 'NUMERICAL' }]);
	});

	it('a bad token in a picker is an error, not an empty list', async () => {
		ghl().get(`/locations/${LOCATION_ID}/tags`).reply(401, { message: 'Invalid JWT' });
		await expect(getTags.call(createLoadOptionsContext({}))).rejects.toMatchObject({ httpCode: '401' });
	});

	it('lists pipelines, the chosen pipeline\'s stages in pipeline order, and nothing before a pipeline is chosen', async () => {
		ghl().get('/opportunities/pipelines').query({ locationId: LOCATION_ID }).times(2).reply(200, { pipelines: PIPELINES });
		expect(await getPipelines.call(createLoadOptionsContext({}))).toEqual([
			{ name: 'Partners', value: 'p2' },
			{ name: 'Sales', value: 'p1' },
		]);
		expect(await getPipelineStages.call(createLoadOptionsContext({ parameters: { pipelineId: 'p1' } }))).toEqual([
			{ name: 'New Lead', value: 's1' },
			{ name: 'Qualified', value: 's2' },
		]);
		expect(await getPipelineStages.call(createLoadOptionsContext({ parameters: { pipelineId: '' } }))).toEqual([]);
	});

	it('lists lost reasons, workflows (drafts marked), campaigns and opportunity custom fields', async () => {
		ghl().get('/opportunities/lost-reason').query({ locationId: LOCATION_ID }).reply(200, { lostReasons: [{ id: 'lr2', name: 'Too expensive' }, { id: 'lr1', name: 'No budget' }] });
		ghl().get('/workflows/').query({ locationId: LOCATION_ID }).reply(200, { workflows: [{ id: 'w1', name: 'Nurture', status: 'published' }, { id: 'w2', name: 'Alert', status: 'draft' }] });
		ghl().get('/campaigns/').query({ locationId: LOCATION_ID }).reply(200, { campaigns: [{ id: 'cm1', name: 'Welcome' }] });
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'opportunity' })
			.reply(200, { customFields: [{ id: 'of1', name: 'Deal Size', fieldKey: 'opportunity.deal_size', dataType: 'NUMERICAL' }] });
		const context = createLoadOptionsContext({});
		expect(await getLostReasons.call(context)).toEqual([
			{ name: 'No budget', value: 'lr1' },
			{ name: 'Too expensive', value: 'lr2' },
		]);
		expect(await getWorkflows.call(context)).toEqual([
			{ name: 'Alert (draft)', value: 'w2' },
			{ name: 'Nurture', value: 'w1' },
		]);
		expect(await getCampaigns.call(context)).toEqual([{ name: 'Welcome', value: 'cm1' }]);
		expect(await getOpportunityCustomFields.call(context)).toEqual([{ name: 'Deal Size (deal_size)', value: 'of1', description: 'NUMERICAL' }]);
	});
});
