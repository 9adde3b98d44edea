/**
 * The node's "From List" pickers and option lists as the editor loads them: n8n's
 * /rest/dynamic-node-parameters endpoints run the node's listSearch / loadOptions methods with the
 * chosen credential (and the credential overwrites), against the fake.
 */
import type { CredentialRef } from '../harness/context';
import { IDS } from '../harness/fixtures';
import { setup } from '../harness/helpers';

const { ctx, n8n, fake } = setup();
const NODE = { name: 'n8n-nodes-ghl.ghl', version: 1 };

const nodeParameters = (credential: CredentialRef, extra: Record<string, unknown> = {}) => ({
	authentication: credential.type,
	location: { __rl: true, mode: 'list', value: '' },
	resource: 'contact',
	operation: 'create',
	...extra,
});

async function listSearch(credential: CredentialRef, methodName: string, path: string, extra: Record<string, unknown> = {}, filter?: string) {
	return await n8n.rest<{ results: Array<{ name: string; value: string }>; paginationToken?: string }>(
		'POST',
		'/dynamic-node-parameters/resource-locator-results',
		{
			path,
			nodeTypeAndVersion: NODE,
			methodName,
			currentNodeParameters: nodeParameters(credential, extra),
			credentials: { [credential.type]: { id: credential.id, name: credential.name } },
			...(filter ? { filter } : {}),
		},
	);
}

async function loadOptions(credential: CredentialRef, methodName: string, extra: Record<string, unknown> = {}) {
	return await n8n.rest<Array<{ name: string; value: string }>>('POST', '/dynamic-node-parameters/options', {
		path: 'parameters.additionalFields',
		nodeTypeAndVersion: NODE,
		methodName,
		currentNodeParameters: nodeParameters(credential, extra),
		credentials: { [credential.type]: { id: credential.id, name: credential.name } },
	});
}

describe('agency (Company) credential', () => {
	const agency = ctx.credentials.agency;

	test('Location "From List" lists the locations the app is installed on', async () => {
		const since = await fake.lastSeq();
		const { results } = await listSearch(agency, 'searchLocations', 'parameters.location');
		expect(results.map((result) => result.value).sort()).toEqual([IDS.locationA, IDS.locationB]);
		const [request] = await fake.requests(since);
		expect(request).toMatchObject({ method: 'GET', path: '/oauth/installedLocations', status: 200, authClass: 'Company' });
		expect(request.query).toMatchObject({ companyId: IDS.companyId, appId: IDS.clientId.split('-')[0] });
	});

	test('with a location chosen, the calendar picker shows that location\'s calendars', async () => {
		const { results } = await listSearch(agency, 'searchCalendars', 'parameters.calendarId', {
			location: { __rl: true, mode: 'list', value: IDS.locationB },
			resource: 'appointment',
			operation: 'create',
		});
		expect(results.map((result) => result.value)).toEqual(['fakeCalendarB0000001']);
	});
});

describe('sub-account OAuth2 credential', () => {
	const oauth = ctx.credentials.oauthA;

	test('Location "From List" shows the one installed location', async () => {
		const { results } = await listSearch(oauth, 'searchLocations', 'parameters.location');
		expect(results).toEqual([{ name: IDS.locationA, value: IDS.locationA }]);
	});

	test('contacts, users, tags and custom fields load from the location', async () => {
		const email = `picker-${Date.now()}@e2e.test`;
		await fake.seed({ contacts: [{ locationId: IDS.locationA, email, firstName: 'Pick', lastName: 'Me', tags: ['picker-tag'] }] });
		await fake.seed({ tags: [{ locationId: IDS.locationA, name: 'picker-tag' }] });

		const contacts = await listSearch(oauth, 'searchContacts', 'parameters.contactId', { operation: 'get' }, email);
		expect(contacts.results).toEqual([expect.objectContaining({ name: expect.stringContaining(email) })]);

		const users = await loadOptions(oauth, 'getUsers');
		expect(users.map((user) => user.value)).toContain(IDS.userA);

		const tags = await loadOptions(oauth, 'getTags');
		expect(tags.map((tag) => tag.value)).toContain('picker-tag');

		const fields = await loadOptions(oauth, 'getCustomFields');
		expect(fields).toEqual(expect.arrayContaining([{ name: 'Score (score)', value: IDS.customFieldA, description: 'NUMERICAL' }]));
	});
});

describe('Private Integration credential', () => {
	test('Location "From List" is the credential\'s location; calendars come from it', async () => {
		const pit = ctx.credentials.pitB;
		const locations = await listSearch(pit, 'searchLocations', 'parameters.location');
		expect(locations.results).toEqual([{ name: IDS.locationB, value: IDS.locationB }]);
		const calendars = await listSearch(pit, 'searchCalendars', 'parameters.calendarId', { resource: 'appointment', operation: 'create' });
		expect(calendars.results.map((result) => result.value)).toEqual(['fakeCalendarB0000001']);
	});
});

describe('deal pickers (#12), sub-account OAuth2 credential', () => {
	const oauth = ctx.credentials.oauthA;
	const deal = (extra: Record<string, unknown> = {}) => ({ resource: 'opportunity', operation: 'create', ...extra });

	test('pipelines, and the stages of the pipeline chosen in the editor (in pipeline order)', async () => {
		const pipelines = await loadOptions(oauth, 'getPipelines', deal());
		expect(pipelines.map((pipeline) => pipeline.name)).toEqual(expect.arrayContaining(['Sales Pipeline', 'Onboarding']));
		const sales = pipelines.find((pipeline) => pipeline.name === 'Sales Pipeline')!;
		const stages = await loadOptions(oauth, 'getPipelineStages', deal({ pipelineId: sales.value }));
		expect(stages.map((stage) => stage.name)).toEqual(['New Lead', 'Qualified', 'Proposal', 'Won']);
		expect(await loadOptions(oauth, 'getPipelineStages', deal({ pipelineId: '' }))).toEqual([]);
	});

	test('lost reasons, workflows, campaigns and opportunity custom fields', async () => {
		const reasons = await loadOptions(oauth, 'getLostReasons', deal({ operation: 'updateStatus' }));
		expect(reasons.map((reason) => reason.value)).toEqual(expect.arrayContaining(['fakeLostReasonA00001', 'fakeLostReasonA00002']));
		const workflows = await loadOptions(oauth, 'getWorkflows', { resource: 'contact', operation: 'addToWorkflow' });
		expect(workflows.map((workflow) => workflow.value)).toEqual(expect.arrayContaining(['fakeWorkflowNurture1', 'fakeWorkflowHotLead1']));
		const campaigns = await loadOptions(oauth, 'getCampaigns', { resource: 'contact', operation: 'addToCampaign' });
		expect(campaigns.map((campaign) => campaign.value)).toContain('fakeCampaignA0000001');
		const fields = await loadOptions(oauth, 'getOpportunityCustomFields', deal());
		expect(fields.map((field) => field.value)).toEqual(expect.arrayContaining(['fakeOppFieldA0000001', 'fakeOppFieldA0000002']));
	});
});
