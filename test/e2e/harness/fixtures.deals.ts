/**
 * The lead-to-deal workflow (#12): every opportunity operation, workflow and campaign enrolment,
 * a message and its conversation, and an API request, chained as a builder would. Inputs come
 * from the webhook body: {email, phone}.
 */
import type { CredentialRef } from './context';
import { body, byId, chain, DEAL_IDS, type ExportedWorkflow, ghl, output, webhookNode, WORKFLOWS } from './fixtures';


export function dealOperations(cred: CredentialRef): ExportedWorkflow {
	const contact = byId(output('Contact: create'));
	const opportunity = output('Opportunity: create');
	return chain(WORKFLOWS.deals, [
		webhookNode(WORKFLOWS.deals.path),
		ghl('Contact: create', cred, 'contact', 'create', {
			email: body('email'),
			phone: body('phone'),
			additionalFields: { firstName: 'Dee', lastName: 'Deal' },
			options: {},
		}),
		ghl('Opportunity: create', cred, 'opportunity', 'create', {
			pipelineId: DEAL_IDS.pipeline,
			pipelineStageId: DEAL_IDS.stageNew,
			name: 'Dee — scorecard',
			contactId: contact,
			additionalFields: { monetaryValue: 1200, customFields: { field: [{ field: 'deal_source', value: 'ScoreApp' }] } },
		}),
		ghl('Opportunity: get', cred, 'opportunity', 'get', { opportunityId: opportunity }),
		ghl('Opportunity: getAll', cred, 'opportunity', 'getAll', {
			pipelineId: DEAL_IDS.pipeline,
			pipelineStageId: '',
			returnAll: true,
			filters: { contactId: output('Contact: create') },
			options: {},
		}),
		ghl('Opportunity: update', cred, 'opportunity', 'update', {
			opportunityId: opportunity,
			pipelineId: '',
			pipelineStageId: DEAL_IDS.stageQualified,
			updateFields: { monetaryValue: 2500 },
		}),
		// Same contact and pipeline: updates the deal above (isNew false), moving it on a stage.
		ghl('Opportunity: upsert', cred, 'opportunity', 'upsert', {
			pipelineId: DEAL_IDS.pipeline,
			pipelineStageId: DEAL_IDS.stageProposal,
			name: 'Dee — scorecard (proposal)',
			contactId: contact,
			additionalFields: {},
		}),
		ghl('Opportunity: updateStatus', cred, 'opportunity', 'updateStatus', {
			opportunityId: opportunity,
			status: 'lost',
			lostReasonId: DEAL_IDS.lostReason,
		}),
		ghl('Contact: addToWorkflow', cred, 'contact', 'addToWorkflow', { contactId: contact, workflowId: DEAL_IDS.workflow, options: {} }),
		ghl('Contact: removeFromWorkflow', cred, 'contact', 'removeFromWorkflow', { contactId: contact, workflowId: DEAL_IDS.workflow, options: {} }),
		ghl('Contact: addToCampaign', cred, 'contact', 'addToCampaign', { contactId: contact, campaignId: DEAL_IDS.campaign }),
		ghl('Contact: removeFromCampaign', cred, 'contact', 'removeFromCampaign', { contactId: contact, allCampaigns: true }),
		ghl('Conversation: sendMessage SMS', cred, 'conversation', 'sendMessage', {
			contactId: contact,
			type: 'SMS',
			message: 'Thanks for taking the scorecard!',
			additionalFields: {},
			options: {},
		}),
		ghl('Conversation: sendMessage Email', cred, 'conversation', 'sendMessage', {
			contactId: contact,
			type: 'Email',
			subject: 'Your scorecard',
			html: '<p>Your result is ready.</p>',
			message: '',
			additionalFields: { emailCc: 'boss@e2e.test' },
			options: {},
		}),
		ghl('Conversation: getMessages', cred, 'conversation', 'getMessages', { contactId: contact, returnAll: true, filters: {} }),
		// Any endpoint through the same transport: the deal read back by path.
		ghl('API Request: send', cred, 'apiRequest', 'send', {
			method: 'GET',
			path: `=/opportunities/{{ $('Opportunity: create').first().json.id }}`,
			queryParameters: {},
			sendBody: false,
			options: {},
		}),
		ghl('Opportunity: delete', cred, 'opportunity', 'delete', { opportunityId: opportunity }),
	]);
}
