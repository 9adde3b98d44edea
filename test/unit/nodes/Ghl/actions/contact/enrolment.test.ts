import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const base = { resource: 'contact', location: locator('list', ''), contactId: locator('id', 'c1'), options: {} };

describe('contact → workflows and campaigns', () => {
	it('adds to a workflow, with the event start time in the chosen zone', async () => {
		ghl().post('/contacts/c1/workflow/wf1', { eventStartTime: '2026-06-23T03:30:00+01:00' }).reply(200, { succeded: true });
		const { output, context } = await runNode({
			parameters: { ...base, operation: 'addToWorkflow', workflowId: 'wf1', options: { eventStartTime: '2026-06-23 03:30', timezone: 'Europe/London' } },
		});
		expect(output[0].json).toEqual({ contactId: 'c1', workflowId: 'wf1', added: true });
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('adds to a workflow with an empty body when no start time is given', async () => {
		ghl().post('/contacts/c1/workflow/wf1', {}).reply(200, { succeded: true });
		await runNode({ parameters: { ...base, operation: 'addToWorkflow', workflowId: 'wf1' } });
	});

	it('removes from a workflow', async () => {
		ghl().delete('/contacts/c1/workflow/wf1').reply(200, { succeded: true });
		const { output, context } = await runNode({ parameters: { ...base, operation: 'removeFromWorkflow', workflowId: 'wf1' } });
		expect(output[0].json).toEqual({ contactId: 'c1', workflowId: 'wf1', removed: true });
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('adds to and removes from a campaign', async () => {
		ghl().post('/contacts/c1/campaigns/cmp1', {}).reply(200, { succeded: true });
		ghl().delete('/contacts/c1/campaigns/cmp1').reply(200, { succeded: true });
		const added = await runNode({ parameters: { ...base, operation: 'addToCampaign', campaignId: 'cmp1' } });
		const removed = await runNode({ parameters: { ...base, operation: 'removeFromCampaign', campaignId: 'cmp1', allCampaigns: false } });
		expect([added.output[0].json, removed.output[0].json]).toEqual([
			{ contactId: 'c1', campaignId: 'cmp1', added: true },
			{ contactId: 'c1', campaignId: 'cmp1', removed: true },
		]);
		expect([...added.context.requests, ...removed.context.requests].flatMap(specProblems)).toEqual([]);
	});

	it('removes from every campaign', async () => {
		ghl().delete('/contacts/c1/campaigns/removeAll').reply(200, { succeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'removeFromCampaign', allCampaigns: true } });
		expect(output[0].json).toEqual({ contactId: 'c1', allCampaigns: true, removed: true });
	});

	it('finds the contact by email first', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'a@example.com' }).reply(200, { contact: { id: 'c5' } });
		ghl().post('/contacts/c5/workflow/wf1').reply(200, { succeded: true });
		await runNode({ parameters: { ...base, contactId: locator('email', 'a@example.com'), operation: 'addToWorkflow', workflowId: 'wf1' } });
	});

	it.each([
		[{ operation: 'addToWorkflow', workflowId: '' }, 'Workflow: is empty (item 0)'],
		[{ operation: 'addToWorkflow', workflowId: '..' }, 'Workflow: ".." is not a valid GHL ID (item 0)'],
		[{ operation: 'addToCampaign', campaignId: 'a/b' }, 'Campaign: "a/b" is not a valid GHL ID (item 0)'],
		[{ operation: 'addToWorkflow', workflowId: 'wf1', options: { eventStartTime: 'soon' } }, 'Options → Event Start Time: "soon" is not a date (item 0)'],
	])('refuses %p before any request', async (change, message) => {
		await expect(runNode({ parameters: { ...base, ...change } })).rejects.toMatchObject({ message });
	});

	it('a 500 on adding to a workflow is not retried (it could enrol the contact twice)', async () => {
		ghl().post('/contacts/c1/workflow/wf1').reply(500, { message: 'oops' });
		await expect(runNode({ parameters: { ...base, operation: 'addToWorkflow', workflowId: 'wf1' } })).rejects.toMatchObject({ httpCode: '500' });
	});
});
