import { Ghl } from '../../../../../../nodes/Ghl/Ghl.node';
import { createContext, locator, LOCATION_ID } from '../../../../../helpers/context';
import { pipelinesOnce } from '../../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'opportunity',
	operation: 'create',
	location: locator('list', ''),
	pipelineId: 'p1',
	pipelineStageId: 's2',
	name: 'Jane — Scorecard',
	contactId: locator('id', 'c1'),
	additionalFields: {},
};

describe('opportunity → create', () => {
	it('posts CreateDto with the contact, location, stage and default status open', async () => {
		pipelinesOnce();
		ghl()
			.post('/opportunities/', { pipelineId: 'p1', pipelineStageId: 's2', name: 'Jane — Scorecard', status: 'open', contactId: 'c1', locationId: LOCATION_ID })
			.reply(201, { opportunity: { id: 'o1', name: 'Jane — Scorecard' } });
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual([{ json: { id: 'o1', name: 'Jane — Scorecard' }, pairedItem: { item: 0 } }]);
	});

	it('sends value, owner, status and custom fields (by key), then adds followers', async () => {
		pipelinesOnce();
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'opportunity' }).reply(200, {
			customFields: [{ id: 'cf_size', fieldKey: 'opportunity.deal_size', dataType: 'NUMERICAL' }],
		});
		ghl()
			.post('/opportunities/', {
				pipelineId: 'p1',
				pipelineStageId: 's2',
				name: 'Jane — Scorecard',
				status: 'won',
				monetaryValue: 1500.5,
				assignedTo: 'user_1',
				customFields: [{ id: 'cf_size', field_value: 12 }],
				contactId: 'c1',
				locationId: LOCATION_ID,
			})
			.reply(201, { opportunity: { id: 'o1' } });
		ghl().post('/opportunities/o1/followers', { followers: ['user_2', 'user_3'] }).reply(201, { followers: ['user_2', 'user_3'] });
		await runNode({
			parameters: {
				...base,
				additionalFields: {
					status: 'won',
					monetaryValue: '1,500.50',
					assignedTo: 'user_1',
					customFields: { field: [{ field: 'deal_size', value: '12' }] },
					followers: 'user_2, user_3',
				},
			},
		});
	});

	it('looks the contact up by email first', async () => {
		pipelinesOnce();
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'jane@example.com' }).reply(200, { contact: { id: 'c7' } });
		ghl().post('/opportunities/', (body) => body.contactId === 'c7').reply(201, { opportunity: { id: 'o1' } });
		await runNode({ parameters: { ...base, contactId: locator('email', 'jane@example.com') } });
	});

	it.each([
		[{ pipelineStageId: 's9' }, 'Stage: "s9" is not a stage of pipeline "Sales" (item 0)'],
		[{ pipelineId: 'p_gone' }, 'Pipeline: no pipeline "p_gone" in this location (item 0)'],
	])('refuses a stage that is not in the pipeline before any write (%p)', async (change, message) => {
		pipelinesOnce();
		const context = createContext({ parameters: { ...base, ...change } });
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ name: 'NodeOperationError', message });
		expect(context.requests.map((request) => request.method)).toEqual(['GET']);
	});

	it.each([
		[{ additionalFields: { monetaryValue: 'a lot' } }, 'Additional Fields → Monetary Value: "a lot" is not an amount (item 0)'],
		[{ additionalFields: { monetaryValue: -5 } }, 'Additional Fields → Monetary Value: "-5" is not an amount (item 0)'],
		[{ additionalFields: { status: 'maybe' } }, 'Additional Fields → Status: "maybe" is not a status (item 0)'],
		[{ pipelineId: '' }, 'Pipeline: is empty (item 0)'],
		[{ name: '  ' }, 'Opportunity Name: is empty (item 0)'],
		[{ pipelineId: '../users' }, 'Pipeline: "../users" is not a valid GHL ID (item 0)'],
	])('refuses bad input before any request (%p)', async (change, message) => {
		const context = createContext({ parameters: { ...base, ...change } });
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message });
		expect(context.requests).toEqual([]);
	});

	it('a bad amount in the last of three items stops the node before any deal is created', async () => {
		pipelinesOnce();
		const context = createContext({
			items: [{ json: {} }, { json: {} }, { json: {} }],
			parameters: (i) => ({ ...base, contactId: locator('id', `c${i}`), additionalFields: i === 2 ? { monetaryValue: 'x' } : {} }),
		});
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message: expect.stringContaining('(item 2)') });
		expect(context.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual(['GET /opportunities/pipelines']);
	});

	it('is never retried after a 500 (a second create could duplicate the deal)', async () => {
		pipelinesOnce();
		ghl().post('/opportunities/').reply(500, { message: 'oops' });
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ httpCode: '500' });
	});
});
