/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
/**
 * The credentials and workflows the e2e run imports into n8n (with `n8n import:credentials` and
 * `n8n import:workflow`), as plain n8n export JSON. Credential data is in clear text: the import
 * command encrypts it with the instance key.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { GHL_DEFAULT_SCOPES } from '../../../credentials/GhlOAuth2Api.credentials';
import type { CredentialRef, E2eContext, TemplateRef, WorkflowRef } from './context';
import { dealOperations } from './fixtures.deals';
import { conflictsWorkflow, writeBackWorkflow } from './fixtures.sync';

/* eslint-disable @typescript-eslint/no-explicit-any */

export const IDS = {
	companyId: 'fakeCompanyId0000001',
	locationA: 'fakeLocationA0000001',
	locationB: 'fakeLocationB0000001',
	userA: 'fakeUser000000000001',
	calendarA: 'fakeCalendarA0000001',
	customFieldA: 'fakeCustomFieldA0001',
	clientId: 'fakeapp00000000000001-fakeclient',
	clientSecret: 'fake-client-secret',
	pitA: 'pit-fake-location-a',
	pitB: 'pit-fake-location-b',
} as const;

export interface ExportedCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface ExportedWorkflow {
	id: string;
	name: string;
	active: boolean;
	nodes: any[];
	connections: Record<string, any>;
	settings: Record<string, unknown>;
	pinData?: Record<string, unknown>;
}

type MintedToken = Record<string, unknown> & { access_token: string; refresh_token: string };

/** The tokens to mint at the fake (POST /__admin/tokens), in the order buildCredentials takes them. */
export function tokenRequests(): Record<string, unknown>[] {
	return [
		// sub-account install, valid for a day
		{ locationId: IDS.locationA },
		// sub-account install whose access token expired a minute ago (the refresh token is good)
		{ locationId: IDS.locationA, expiresInSec: -60 },
		// agency (Company) install
		{ userType: 'Company', companyId: IDS.companyId },
		// expired like the second, for two executions racing to refresh it
		{ locationId: IDS.locationA, expiresInSec: -60 },
	];
}

// ---------------------------------------------------------------- credentials

export function oauthCredential(ref: CredentialRef, token: MintedToken): ExportedCredential {
	return {
		...ref,
		data: {
			clientId: IDS.clientId,
			clientSecret: IDS.clientSecret,
			authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation',
			scope: GHL_DEFAULT_SCOPES,
			// What n8n stores after "Connect": the token endpoint's answer as it came.
			oauthTokenData: token,
			// apiBaseUrl and accessTokenUrl are left out: CREDENTIALS_OVERWRITE_DATA supplies them.
		},
	};
}

export function buildCredentials([oauthA, oauthExpired, agency, oauthRace]: MintedToken[]) {
	const secrets = { scoreApp: randomBytes(24).toString('hex'), ghlWorkflowWebhook: randomBytes(24).toString('hex') };

	const refs = {
		// Named like the templates' credential references.
		oauthA: { id: 'e2eCredOAuthA001', name: 'HighLevel (GHL) OAuth2', type: 'ghlOAuth2Api' },
		oauthExpired: { id: 'e2eCredOAuthExp1', name: 'E2E OAuth2 (expired access token)', type: 'ghlOAuth2Api' },
		oauthRace: { id: 'e2eCredOAuthRace', name: 'E2E OAuth2 (expired, concurrent executions)', type: 'ghlOAuth2Api' },
		agency: { id: 'e2eCredAgency001', name: 'E2E OAuth2 agency install', type: 'ghlOAuth2Api' },
		pitA: { id: 'e2eCredPitA00001', name: 'E2E Private Integration location A', type: 'ghlPrivateIntegrationApi' },
		pitB: { id: 'e2eCredPitB00001', name: 'E2E Private Integration location B', type: 'ghlPrivateIntegrationApi' },
		scoreApp: { id: 'e2eCredScoreApp1', name: 'ScoreApp webhook secret', type: 'scoreAppWebhookApi' },
		ghlWebhookSecret: { id: 'e2eCredGhlSecret', name: 'E2E GHL workflow webhook secret', type: 'ghlWebhookSecretApi' },
	} satisfies Record<string, CredentialRef>;

	const credentials: ExportedCredential[] = [
		oauthCredential(refs.oauthA, oauthA),
		oauthCredential(refs.oauthExpired, oauthExpired),
		oauthCredential(refs.oauthRace, oauthRace),
		oauthCredential(refs.agency, agency),
		{ ...refs.pitA, data: { accessToken: IDS.pitA, locationId: IDS.locationA } },
		{ ...refs.pitB, data: { accessToken: IDS.pitB, locationId: IDS.locationB } },
		{ ...refs.scoreApp, data: { secret: secrets.scoreApp } },
		{ ...refs.ghlWebhookSecret, data: { secret: secrets.ghlWorkflowWebhook } },
	];
	const withTokens = (ref: CredentialRef, token: MintedToken) => ({
		...ref,
		accessToken: token.access_token,
		refreshToken: token.refresh_token,
	});
	const context: E2eContext['credentials'] = {
		oauthA: withTokens(refs.oauthA, oauthA),
		oauthExpired: withTokens(refs.oauthExpired, oauthExpired),
		oauthRace: withTokens(refs.oauthRace, oauthRace),
		agency: withTokens(refs.agency, agency),
		pitA: refs.pitA,
		pitB: refs.pitB,
		scoreApp: refs.scoreApp,
		ghlWebhookSecret: refs.ghlWebhookSecret,
	};
	return { credentials, context, secrets };
}

// ---------------------------------------------------------------- workflow building blocks

let nodeCounter = 0;
const nodeId = () => {
	nodeCounter += 1;
	return `00000000-0000-4000-8000-${String(nodeCounter).padStart(12, '0')}`;
};

export const credentialsOf = (ref: CredentialRef) => ({ [ref.type]: { id: ref.id, name: ref.name } });
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function webhookNode(path: string) {
	return {
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
		id: nodeId(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `e2e-${path}`,
	};
}

/** One HighLevel (GHL) action node; `executeOnce` so a multi-item output before it does not fan out. */
export function ghl(
	name: string,
	credential: CredentialRef,
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	{ executeOnce = true } = {},
) {
	return {
		parameters: { authentication: credential.type, resource, operation, ...parameters },
		id: nodeId(),
		name,
		type: 'n8n-nodes-ghl.ghl',
		typeVersion: 1,
		position: [0, 0],
		credentials: credentialsOf(credential),
		...(executeOnce ? { executeOnce: true } : {}),
	};
}

function noOp(name: string) {
	return { parameters: {}, id: nodeId(), name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0] };
}

/** A workflow whose nodes run one after the other. */
export function chain(ref: WorkflowRef, nodes: any[]): ExportedWorkflow {
	const connections: Record<string, any> = {};
	nodes.forEach((node, index) => {
		node.position = [index * 220, 0];
		const next = nodes[index + 1];
		if (next) connections[node.name] = { main: [[{ node: next.name, type: 'main', index: 0 }]] };
	});
	return { id: ref.id, name: ref.name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

export const body = (field: string) => `={{ $('Webhook').first().json.body.${field} }}`;
export const output = (node: string, path = 'id') => `={{ $('${node}').first().json.${path} }}`;

// ---------------------------------------------------------------- the workflows

export const WORKFLOWS = {
	allOps: { id: 'e2eWfAllOps00001', name: 'E2E: every operation', path: 'e2e-all-operations' },
	cleanup: { id: 'e2eWfCleanup0001', name: 'E2E: delete operations', path: 'e2e-delete-operations' },
	oauthExpired: { id: 'e2eWfOAuthExp001', name: 'E2E: OAuth2 expired token', path: 'e2e-oauth-expired' },
	oauthRace: { id: 'e2eWfOAuthRace01', name: 'E2E: OAuth2 expired token, concurrent runs', path: 'e2e-oauth-race' },
	agency: { id: 'e2eWfAgency00001', name: 'E2E: agency token, two locations', path: 'e2e-agency' },
	pit: { id: 'e2eWfPit00000001', name: 'E2E: Private Integration token', path: 'e2e-private-integration' },
	ghlTrigger: { id: 'e2eWfGhlTrig0001', name: 'E2E: GHL Trigger (signed)', path: 'e2e-ghl-trigger-0001/webhook' },
	ghlWorkflowWebhook: { id: 'e2eWfGhlSecret01', name: 'E2E: GHL Trigger (workflow webhook)', path: 'e2e-ghl-secret-0001/webhook' },
	scoreAppTrigger: { id: 'e2eWfScoreApp001', name: 'E2E: ScoreApp Trigger', path: 'e2e-scoreapp-0001/webhook' },
	syncGuarded: { id: 'e2eWfSyncOn00001', name: 'E2E: write back, echo guard on', path: 'e2e-sync-guarded/webhook' },
	syncUnguarded: { id: 'e2eWfSyncOff0001', name: 'E2E: write back, no echo guard', path: 'e2e-sync-unguarded/webhook' },
	conflicts: { id: 'e2eWfConflict001', name: 'E2E: conflict policies', path: 'e2e-conflicts' },
	duplicates: { id: 'e2eWfDuplicate01', name: 'E2E: duplicate contacts (GHL\'s error body)', path: 'e2e-duplicates' },
	deals: { id: 'e2eWfDeals000001', name: 'E2E: lead to deal (opportunities, workflows, campaigns, messages, API request)', path: 'e2e-deals' },
} satisfies E2eContext['workflows'];

/**
 * Every operation of every resource, in the order a user would chain them. Inputs come from the
 * webhook body: {email, phone, dueDate, day (YYYY-MM-DD, a weekday)}. Deletes are in `cleanup`,
 * so the test can look at the fake's state in between.
 */
function allOperations(cred: CredentialRef): ExportedWorkflow {
	const contact = byId(output('Contact: create'));
	const timezone = 'America/New_York';
	return chain(WORKFLOWS.allOps, [
		webhookNode(WORKFLOWS.allOps.path),
		ghl('Contact: create', cred, 'contact', 'create', {
			email: body('email'),
			phone: body('phone'),
			additionalFields: {
				firstName: 'Ada',
				lastName: 'E2E',
				source: 'n8n e2e',
				tags: ['e2e'],
				customFields: { field: [{ field: IDS.customFieldA, value: '42' }] },
			},
			options: {},
		}),
		ghl('Contact: upsert', cred, 'contact', 'upsert', {
			email: body('email'),
			phone: '',
			additionalFields: { lastName: 'Lovelace', city: 'London' },
			options: {},
		}),
		// By email: resolved with GET /contacts/search/duplicate, then read by ID.
		ghl('Contact: get', cred, 'contact', 'get', {
			contactId: { __rl: true, mode: 'email', value: body('email') },
			options: { simplify: true },
		}),
		ghl('Contact: getAll', cred, 'contact', 'getAll', {
			source: 'search',
			returnAll: false,
			limit: 10,
			filters: { email: body('email') },
			options: {},
		}),
		ghl('Contact: update', cred, 'contact', 'update', {
			contactId: contact,
			updateFields: { city: 'Berlin', tags: ['updated'] },
			options: {},
		}),
		ghl('Contact: addTags', cred, 'contact', 'addTags', { contactId: contact, tags: ['vip', 'e2e-extra'] }),
		ghl('Contact: removeTags', cred, 'contact', 'removeTags', { contactId: contact, tags: ['e2e-extra'] }),
		ghl('Task: create', cred, 'task', 'create', {
			contactId: contact,
			title: 'Call Ada',
			dueDate: body('dueDate'),
			additionalFields: { body: 'First call', assignedTo: IDS.userA },
			options: {},
		}),
		ghl('Task: get', cred, 'task', 'get', { contactId: contact, taskId: output('Task: create') }),
		ghl('Task: getAll', cred, 'task', 'getAll', { contactId: contact, returnAll: true, filters: {}, options: {} }),
		ghl('Task: update', cred, 'task', 'update', {
			contactId: contact,
			taskId: output('Task: create'),
			updateFields: { title: 'Call Ada again', body: 'Second call' },
			options: {},
		}),
		ghl('Task: complete', cred, 'task', 'complete', { contactId: contact, taskId: output('Task: create'), completed: true }),
		ghl('Note: create', cred, 'note', 'create', {
			contactId: contact,
			body: 'Met at the e2e conference',
			additionalFields: { title: 'Intro', pinned: true, userId: IDS.userA },
		}),
		ghl('Note: get', cred, 'note', 'get', { contactId: contact, noteId: output('Note: create') }),
		ghl('Note: getAll', cred, 'note', 'getAll', { contactId: contact, returnAll: true }),
		ghl('Note: update', cred, 'note', 'update', {
			contactId: contact,
			noteId: output('Note: create'),
			updateFields: { body: 'Met at the e2e conference (updated)', pinned: false },
		}),
		ghl('Appointment: getFreeSlots', cred, 'appointment', 'getFreeSlots', {
			calendarId: byId(IDS.calendarA),
			startDate: body('day'),
			endDate: body('day'),
			options: { output: 'day', timezone },
		}),
		ghl('Appointment: create', cred, 'appointment', 'create', {
			calendarId: byId(IDS.calendarA),
			contactId: contact,
			startTime: output('Appointment: getFreeSlots', 'slots[0]'),
			additionalFields: { title: 'Intro call', appointmentStatus: 'confirmed' },
			options: { timezone },
		}),
		ghl('Appointment: get', cred, 'appointment', 'get', { appointmentId: output('Appointment: create') }),
		ghl('Appointment: getAll', cred, 'appointment', 'getAll', { contactId: contact, returnAll: true, options: {} }),
		ghl('Appointment: update', cred, 'appointment', 'update', {
			appointmentId: output('Appointment: create'),
			updateFields: { startTime: output('Appointment: getFreeSlots', 'slots[2]'), title: 'Intro call (moved)' },
			options: { timezone },
		}),
	]);
}

/** The delete operations, on the ids in the webhook body. */
function deletes(cred: CredentialRef): ExportedWorkflow {
	const contact = byId(body('contactId'));
	return chain(WORKFLOWS.cleanup, [
		webhookNode(WORKFLOWS.cleanup.path),
		ghl('Appointment: delete', cred, 'appointment', 'delete', { appointmentId: body('appointmentId') }),
		ghl('Note: delete', cred, 'note', 'delete', { contactId: contact, noteId: body('noteId') }),
		ghl('Task: delete', cred, 'task', 'delete', { contactId: contact, taskId: body('taskId') }),
		ghl('Contact: delete', cred, 'contact', 'delete', { contactId: contact }),
	]);
}

/** Two requests with one credential: the first meets the expired token. */
function oauthExpired(cred: CredentialRef, ref: WorkflowRef): ExportedWorkflow {
	return chain(ref, [
		webhookNode(ref.path),
		ghl('Contact: upsert', cred, 'contact', 'upsert', {
			email: body('email'),
			phone: '',
			additionalFields: { firstName: 'Refresh' },
			options: {},
		}),
		ghl('Contact: get', cred, 'contact', 'get', { contactId: byId(output('Contact: upsert')), options: {} }),
	]);
}

/** One agency credential, the location per item from the data, then a read in location B. */
function agency(cred: CredentialRef): ExportedWorkflow {
	const workflow = chain(WORKFLOWS.agency, [
		webhookNode(WORKFLOWS.agency.path),
		{
			parameters: { fieldToSplitOut: 'body.contacts', options: {} },
			id: nodeId(),
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [0, 0],
		},
		ghl(
			'Contact: create per location',
			cred,
			'contact',
			'create',
			{
				location: byId('={{ $json.locationId }}'),
				email: '={{ $json.email }}',
				phone: '',
				additionalFields: { firstName: '={{ $json.firstName }}' },
				options: {},
			},
			{ executeOnce: false },
		),
		ghl('Contact: getAll in B', cred, 'contact', 'getAll', {
			location: byId(IDS.locationB),
			source: 'search',
			returnAll: false,
			limit: 5,
			filters: { email: "={{ $('Webhook').first().json.body.contacts[1].email }}" },
			options: {},
		}),
	]);
	return workflow;
}

function privateIntegration(cred: CredentialRef): ExportedWorkflow {
	return chain(WORKFLOWS.pit, [
		webhookNode(WORKFLOWS.pit.path),
		ghl('Contact: upsert', cred, 'contact', 'upsert', {
			email: body('email'),
			phone: '',
			additionalFields: { firstName: 'Pat', tags: ['pit'] },
			options: {},
		}),
		ghl('Note: create', cred, 'note', 'create', {
			contactId: byId(output('Contact: upsert')),
			body: 'Written with a Private Integration token',
			additionalFields: {},
		}),
		ghl('Contact: get', cred, 'contact', 'get', { contactId: byId(output('Contact: upsert')), options: { simplify: true } }),
	]);
}

function trigger(ref: WorkflowRef, node: Record<string, unknown>): ExportedWorkflow {
	return chain(ref, [{ id: nodeId(), typeVersion: 1, position: [0, 0], webhookId: ref.path.split('/')[0], ...node }, noOp('Received')]);
}

// ---------------------------------------------------------------- templates

const TEMPLATE_CREDENTIALS: Record<string, keyof E2eContext['credentials']> = {
	ghlOAuth2Api: 'oauthA',
	ghlPrivateIntegrationApi: 'pitA',
	scoreAppWebhookApi: 'scoreApp',
	ghlWebhookSecretApi: 'ghlWebhookSecret',
};

/**
 * Each templates/*.json as a user would set it up after importing: the credentials picked (by
 * type) and, for GHL Trigger nodes, the test's public key added under Custom Public Keys (GHL's own
 * private key is not ours to sign with). Nothing else is changed.
 */
// fixtures.deals imports this module back: keep what it needs at load time here, not there.
/** The fake's default seed (test/fake-ghl/core/constants.ts). */
export const DEAL_IDS = {
	pipeline: 'fakePipelineSales001',
	stageNew: 'fakeStageNewLead0001',
	stageQualified: 'fakeStageQualified01',
	stageProposal: 'fakeStageProposal001',
	lostReason: 'fakeLostReasonA00001',
	oppField: 'fakeOppFieldA0000001',
	workflow: 'fakeWorkflowNurture1',
	campaign: 'fakeCampaignA0000001',
} as const;

/** What a user puts in a template's Settings placeholders (YOUR_…), from the fake's default seed. */
export const TEMPLATE_SETTINGS: Record<string, string> = {
	pipelineId: DEAL_IDS.pipeline,
	hotStageId: DEAL_IDS.stageProposal,
	warmStageId: DEAL_IDS.stageQualified,
	coldStageId: DEAL_IDS.stageNew,
	hotLeadWorkflowId: 'fakeWorkflowHotLead1',
	stageOrder: [DEAL_IDS.stageNew, DEAL_IDS.stageQualified, DEAL_IDS.stageProposal, 'fakeStageWon00000001'].join(','),
};

export function templateWorkflows(
	root: string,
	credentials: E2eContext['credentials'],
	publicKeyPem: string,
): { workflows: ExportedWorkflow[]; refs: TemplateRef[] } {
	const dir = join(root, 'templates');
	let files: string[] = [];
	try {
		files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'index.json').sort();
	} catch {
		files = [];
	}
	const workflows: ExportedWorkflow[] = [];
	const refs: TemplateRef[] = [];
	files.forEach((file, index) => {
		const template = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		const id = `e2eTemplate${String(index + 1).padStart(5, '0')}`;
		const nodes = (template.nodes as any[]).map((node) => {
			const copy = JSON.parse(JSON.stringify(node));
			for (const type of Object.keys(copy.credentials ?? {})) {
				const key = TEMPLATE_CREDENTIALS[type];
				if (key) copy.credentials[type] = { id: credentials[key].id, name: credentials[key].name };
			}
			// The Settings a user fills in after importing (pipeline, stages, workflow): the fake's seed.
			for (const assignment of copy.type === 'n8n-nodes-base.set' ? (copy.parameters?.assignments?.assignments ?? []) : []) {
				if (assignment.name in TEMPLATE_SETTINGS && String(assignment.value).startsWith('YOUR_')) assignment.value = TEMPLATE_SETTINGS[assignment.name];
			}
			if (copy.type === 'n8n-nodes-ghl.ghlTrigger' && (copy.parameters?.source ?? 'marketplaceApp') === 'marketplaceApp') {
				copy.parameters.options = { ...(copy.parameters.options ?? {}), customPublicKeys: publicKeyPem };
			}
			return copy;
		});
		const triggerNode = nodes.find((node) => /Trigger$/.test(String(node.type)) || node.type === 'n8n-nodes-base.webhook');
		const trigger: TemplateRef['trigger'] =
			triggerNode?.type === 'n8n-nodes-ghl.scoreAppTrigger' ? 'scoreApp' : triggerNode?.type === 'n8n-nodes-ghl.ghlTrigger' ? 'ghl' : 'other';
		const path =
			triggerNode?.type === 'n8n-nodes-base.webhook'
				? String(triggerNode.parameters?.path ?? '')
				: triggerNode?.webhookId
					? `${triggerNode.webhookId}/webhook`
					: '';
		workflows.push({
			id,
			name: `${template.name ?? basename(file, '.json')} [e2e]`,
			active: false,
			nodes,
			connections: template.connections ?? {},
			settings: template.settings ?? { executionOrder: 'v1' },
			pinData: {},
		});
		refs.push({
			id,
			name: template.name ?? file,
			path,
			file,
			trigger,
			triggerNode: triggerNode?.name ?? '',
			events: (triggerNode?.parameters?.events as string[] | undefined) ?? [],
			nodeNames: nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => String(node.name)),
		});
	});
	return { workflows, refs };
}

/**
 * GHL's error body reaching the node: Contact → Create twice with one email in location A (which
 * refuses duplicates). Return Existing needs the existing contact's ID from the 400's body; Fail
 * (continue on error) must show GHL's message. n8n 1.x's NodeApiError drops the HTTP error.
 */
function duplicates(cred: CredentialRef): ExportedWorkflow {
	const create = (name: string, onDuplicate: string) =>
		ghl(name, cred, 'contact', 'create', { email: body('email'), phone: '', additionalFields: { firstName: 'Dup' }, options: { onDuplicate } });
	return chain(WORKFLOWS.duplicates, [
		webhookNode(WORKFLOWS.duplicates.path),
		create('Contact: create', 'fail'),
		create('Contact: create again, Return Existing', 'return'),
		{ ...create('Contact: create again, Fail', 'fail'), onError: 'continueRegularOutput' },
	]);
}

// ---------------------------------------------------------------- everything

export function buildWorkflows(credentials: E2eContext['credentials'], publicKeyPem: string): ExportedWorkflow[] {
	return [
		allOperations(credentials.oauthA),
		deletes(credentials.oauthA),
		duplicates(credentials.oauthA),
		dealOperations(credentials.oauthA),
		writeBackWorkflow(true, credentials.oauthA, publicKeyPem),
		writeBackWorkflow(false, credentials.oauthA, publicKeyPem),
		conflictsWorkflow(credentials.oauthA),
		oauthExpired(credentials.oauthExpired, WORKFLOWS.oauthExpired),
		oauthExpired(credentials.oauthRace, WORKFLOWS.oauthRace),
		agency(credentials.agency),
		privateIntegration(credentials.pitB),
		trigger(WORKFLOWS.ghlTrigger, {
			name: 'GHL Trigger',
			type: 'n8n-nodes-ghl.ghlTrigger',
			parameters: {
				source: 'marketplaceApp',
				events: ['ContactCreate', 'NoteCreate', 'OpportunityStageUpdate', 'InboundMessage'],
				signatureVerification: 'signature',
				locationIds: '',
				fetchFullRecord: 'ghlPrivateIntegrationApi',
				options: { customPublicKeys: publicKeyPem },
			},
			credentials: credentialsOf(credentials.pitA),
		}),
		trigger(WORKFLOWS.ghlWorkflowWebhook, {
			name: 'GHL Trigger',
			type: 'n8n-nodes-ghl.ghlTrigger',
			parameters: { source: 'workflowWebhook', secretIn: 'header', headerName: 'x-webhook-secret', locationIds: '' },
			credentials: credentialsOf(credentials.ghlWebhookSecret),
		}),
		trigger(WORKFLOWS.scoreAppTrigger, {
			name: 'ScoreApp Trigger',
			type: 'n8n-nodes-ghl.scoreAppTrigger',
			parameters: { events: ['*'], signatureVerification: 'secret', options: {} },
			credentials: credentialsOf(credentials.scoreApp),
		}),
	];
}
