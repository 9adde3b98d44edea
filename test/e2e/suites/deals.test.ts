/**
 * From lead to deal (#12) in a real n8n from the installed package against the fake GHL API: every
 * opportunity operation, workflow and campaign enrolment, an SMS and an email and the conversation
 * they land in, and an API request, in one execution. Asserted on node output, on what reached
 * the fake (method, path, Version header, body) and on what it stored.
 */
import type { LoggedRequest } from '../harness/fake';
import { DEAL_IDS } from '../harness/fixtures';
import { expectSuccess, firstOf, matching, outputOf, setup, unique, uniquePhone } from '../harness/helpers';
import type { Execution } from '../harness/n8n';

/* eslint-disable @typescript-eslint/no-explicit-any */

const { ctx, n8n, fake } = setup();
const workflow = ctx.workflows.deals;
const email = `${unique('dee')}@e2e.test`;
const phone = uniquePhone();

let execution: Execution;
let requests: LoggedRequest[];
let contactId: string;
let opportunityId: string;

beforeAll(async () => {
	const since = await fake.lastSeq();
	({ execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { email, phone }));
	requests = await fake.requests(since);
	expectSuccess(execution);
	contactId = firstOf(execution, 'Contact: create').id;
	opportunityId = firstOf(execution, 'Opportunity: create').id;
});

describe('opportunities', () => {
	test('create puts the deal in the chosen stage with value and custom field; get and getAll read it back', () => {
		const created = firstOf(execution, 'Opportunity: create');
		expect(created).toMatchObject({ pipelineId: DEAL_IDS.pipeline, pipelineStageId: DEAL_IDS.stageNew, contactId, monetaryValue: 1200, status: 'open' });
		const [create] = matching(requests, 'POST', /^\/opportunities\/$/);
		expect(create.headers.version).toBe('2021-07-28');
		expect(create.body).toMatchObject({ contactId, locationId: expect.any(String), customFields: [{ id: DEAL_IDS.oppField, field_value: 'ScoreApp' }] });
		expect(firstOf(execution, 'Opportunity: get').id).toBe(opportunityId);
		expect(outputOf(execution, 'Opportunity: getAll').map((deal) => deal.id)).toEqual([opportunityId]);
		const [search] = matching(requests, 'GET', /^\/opportunities\/search$/);
		expect(search.query).toMatchObject({ location_id: expect.any(String), pipeline_id: DEAL_IDS.pipeline, contact_id: contactId });
	});

	test('the pipelines are read once for the whole run (stage checks), not once per node item', () => {
		// One read per node that checks a stage: create, getAll, update, upsert.
		expect(matching(requests, 'GET', /^\/opportunities\/pipelines$/)).toHaveLength(4);
	});

	test('update moves the stage; upsert finds the same deal (same contact and pipeline) and moves it on', () => {
		expect(firstOf(execution, 'Opportunity: update')).toMatchObject({ pipelineStageId: DEAL_IDS.stageQualified, monetaryValue: 2500 });
		expect(firstOf(execution, 'Opportunity: upsert')).toMatchObject({ id: opportunityId, isNew: false, pipelineStageId: DEAL_IDS.stageProposal });
		expect(matching(requests, 'POST', /^\/opportunities\/$/)).toHaveLength(1);
	});

	test('updateStatus marks it lost with the reason; delete removes it from the fake', async () => {
		const [status] = matching(requests, 'PUT', /^\/opportunities\/[^/]+\/status$/);
		expect(status.body).toEqual({ status: 'lost', lostReasonId: DEAL_IDS.lostReason });
		expect(firstOf(execution, 'Opportunity: delete')).toEqual({ id: opportunityId, deleted: true });
		expect((await fake.records('opportunities' as any)).find((deal: any) => deal.id === opportunityId)).toBeUndefined();
	});
});

describe('workflows and campaigns', () => {
	test('the contact was added to the nurture workflow and removed again; added to a campaign, then removed from all', async () => {
		expect(matching(requests, 'POST', new RegExp(`^/contacts/${contactId}/workflow/${DEAL_IDS.workflow}$`))).toHaveLength(1);
		expect(matching(requests, 'DELETE', new RegExp(`^/contacts/${contactId}/workflow/${DEAL_IDS.workflow}$`))).toHaveLength(1);
		expect(matching(requests, 'POST', new RegExp(`^/contacts/${contactId}/campaigns/${DEAL_IDS.campaign}$`))).toHaveLength(1);
		expect(matching(requests, 'DELETE', new RegExp(`^/contacts/${contactId}/campaigns/removeAll$`))).toHaveLength(1);
		const workflows = (await fake.records('workflowEnrolments' as any)).filter((row: any) => row.contactId === contactId);
		expect(workflows).toEqual([expect.objectContaining({ workflowId: DEAL_IDS.workflow, status: 'removed' })]);
		const campaigns = (await fake.records('campaignEnrolments' as any)).filter((row: any) => row.contactId === contactId);
		expect(campaigns).toEqual([expect.objectContaining({ campaignId: DEAL_IDS.campaign, status: 'removed' })]);
	});
});

describe('conversations', () => {
	test('an SMS and an email go out with the conversations Version; Get Messages reads both back', () => {
		const sent = matching(requests, 'POST', /^\/conversations\/messages$/);
		expect(sent.map((request) => [request.body.type, request.headers.version])).toEqual([
			['SMS', '2021-04-15'],
			['Email', '2021-04-15'],
		]);
		expect(sent[1].body).toMatchObject({ subject: 'Your scorecard', html: '<p>Your result is ready.</p>', emailCc: ['boss@e2e.test'] });
		const messages = outputOf(execution, 'Conversation: getMessages');
		expect(messages.map((message) => message.messageType ?? message.type).length).toBe(2);
	});
});

describe('API Request', () => {
	test('reads any endpoint through the same transport and credential', () => {
		expect(firstOf(execution, 'API Request: send')).toMatchObject({ opportunity: expect.objectContaining({ id: opportunityId }) });
		const reads = matching(requests, 'GET', new RegExp(`^/opportunities/${opportunityId}$`));
		expect(reads).toHaveLength(2);
		expect(reads[1].headers.version).toBe('2021-07-28');
	});
});
