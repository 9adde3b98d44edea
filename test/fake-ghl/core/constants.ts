/** Fixed ids of the default seed, the error texts tests match on, the default config. */
import type { FakeGhlConfig } from './types.ts';

/** Fixed ids of the 'default' seed. */
export const DEFAULT_IDS = {
	companyId: 'fakeCompanyId0000001',
	locationA: 'fakeLocationA0000001',
	locationB: 'fakeLocationB0000001',
	userA: 'fakeUser000000000001',
	userAB: 'fakeUser000000000002',
	calendarA: 'fakeCalendarA0000001',
	calendarB: 'fakeCalendarB0000001',
	clientId: 'fakeapp00000000000001-fakeclient',
	clientSecret: 'fake-client-secret',
	privateTokenA: 'pit-fake-location-a',
	privateTokenB: 'pit-fake-location-b',
	customFieldA: 'fakeCustomFieldA0001',
	// opportunities (location A unless the name says B)
	pipelineSales: 'fakePipelineSales001',
	stageNewLead: 'fakeStageNewLead0001',
	stageQualified: 'fakeStageQualified01',
	stageProposal: 'fakeStageProposal001',
	stageWon: 'fakeStageWon00000001',
	pipelineOnboarding: 'fakePipelineOnboard1',
	stageKickoff: 'fakeStageKickoff0001',
	stageLive: 'fakeStageLive0000001',
	pipelineSalesB: 'fakePipelineSalesB01',
	stageBNew: 'fakeStageBNew0000001',
	stageBClosed: 'fakeStageBClosed0001',
	lostReasonPrice: 'fakeLostReasonA00001',
	lostReasonCompetitor: 'fakeLostReasonA00002',
	lostReasonB: 'fakeLostReasonB00001',
	oppFieldSource: 'fakeOppFieldA0000001',
	oppFieldClose: 'fakeOppFieldA0000002',
	// workflows and campaigns
	workflowNurture: 'fakeWorkflowNurture1',
	workflowHotLead: 'fakeWorkflowHotLead1',
	workflowDraft: 'fakeWorkflowDraft001',
	workflowB: 'fakeWorkflowB0000001',
	campaignSpring: 'fakeCampaignA0000001',
	campaignWebinar: 'fakeCampaignA0000002',
	campaignB: 'fakeCampaignB0000001',
} as const;

export const MESSAGES = {
	versionMissing: 'Version header was not found',
	versionInvalid: 'Version header is invalid',
	tokenInvalid: 'Invalid token: access token is invalid',
	tokenExpired: 'Invalid JWT',
	authClass: 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.',
	scope: 'The token is not authorized for this scope.',
	location: 'The token does not have access to this location.',
	duplicate: 'This location does not allow duplicated contacts.',
	rateLimited: 'Too Many Requests',
	slotUnavailable: 'The slot you have selected is no longer available.',
	/** + ` ${channel}.` (SMS, Email, WhatsApp, FB) or `all channels.` when `dnd` is true */
	dnd: 'Cannot send message as DND is active for',
	stageNotInPipeline: 'Pipeline stage does not belong to the pipeline',
	duplicateOpportunity: 'Can not create duplicate opportunity for the contact.',
	conversationExists: 'Conversation already exists',
} as const;

export const DEFAULT_CONFIG: FakeGhlConfig = {
	accessTokenTtlSec: 86399,
	refreshTokenTtlSec: 365 * 24 * 3600,
	authCodeTtlSec: 600,
	rateLimit: { enabled: true, max: 100, intervalMs: 10_000, daily: 200_000 },
	latency: { minMs: 0, maxMs: 0 },
	faults: { rate429: 0, rate500: 0, rate502: 0, rate503: 0, seed: null },
	search: { maxPageLimit: 500, maxPageWindow: 10_000 },
	requestLogLimit: 5000,
	logToStdout: false,
};

/**
 * Body schema for POST /contacts/search. The spec's SearchBodyV2DTO has an empty
 * `properties` map, so this one is hand-written from HighLevel's public "Search
 * Contacts (advanced filters)" documentation.
 */
export const SEARCH_BODY_SCHEMA = {
	type: 'object',
	required: ['locationId'],
	properties: {
		locationId: { type: 'string' },
		page: { type: 'number' },
		pageLimit: { type: 'number' },
		searchAfter: { type: 'array' },
		filters: { type: 'array', items: { type: 'object' } },
		sort: { type: 'array', items: { type: 'object', required: ['field', 'direction'], properties: { field: { type: 'string' }, direction: { type: 'string', enum: ['asc', 'desc'] } } } },
		query: { type: 'string' },
	},
};

export const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	501: 'Not Implemented',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};
