/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
/**
 * Types shared by every part of the fake: the public API (options, config, state, the FakeGhl
 * handle) and the internal ones (Core: what every module works on, Ctx and Handler for routes).
 */
import type http from 'node:http';
import type { SpecOperation } from '../spec.generated.ts';
import type { Hooks } from './webhooks.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Rec = Record<string, any>;

export interface FakeGhlConfig {
	/** lifetime of access tokens issued by /oauth/token, /oauth/locationToken and mintToken() */
	accessTokenTtlSec: number;
	refreshTokenTtlSec: number;
	authCodeTtlSec: number;
	/** burst limit per (client, location|company) and daily quota; GHL: 100 / 10 s, 200 000 / day */
	/** window: 'fixed' (counts reset every interval) or 'sliding' (at most max arrivals in any interval) */
	rateLimit: { enabled: boolean; max: number; intervalMs: number; daily: number; window?: 'fixed' | 'sliding' };
	/** uniform random latency added to every API response (not /__admin) */
	latency: { minMs: number; maxMs: number };
	/** probability (0..1) that an authenticated API request fails with that status; seed makes it reproducible */
	/**
	 * full429: injected 429s say the window is full (X-RateLimit-Remaining: 0, as one caused by another
	 * process on the same app and location would); otherwise they report the room actually left.
	 */
	faults: { rate429: number; rate500: number; rate502: number; rate503: number; seed: number | null; full429?: boolean };
	/** POST /contacts/search limits */
	search: { maxPageLimit: number; maxPageWindow: number };
	requestLogLimit: number;
	logToStdout: boolean;
}

export interface FakeGhlOptions {
	/** 0 (default) = ephemeral port */
	port?: number;
	host?: string;
	/** initial state: a SeedInput or 'default' (see DEFAULT_IDS); empty when omitted */
	seed?: SeedInput | 'default';
	/** HMAC secret for the JWT-shaped tokens; random when omitted */
	jwtSecret?: string;
	config?: DeepPartial<FakeGhlConfig>;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface SeedInput {
	companies?: Rec[];
	/** {id?, companyId, name?, timezone?, allowDuplicateContact? (false), duplicateContactSequence? (['email','phone']), ...} */
	locations?: Rec[];
	/** {id?, firstName, lastName, email, phone?, companyId?, locationIds: string[], role?} */
	users?: Rec[];
	/** {id?, locationId, firstName?, email?, phone?, tags?, dateAdded?, businessId?, ...} */
	contacts?: Rec[];
	/** {id?, locationId, name?, slotDuration? (30), slotInterval? (30), openHours?, timezone?, teamMembers?} */
	calendars?: Rec[];
	/** {id?, calendarId, contactId, startTime, endTime?, title?, appointmentStatus?} */
	appointments?: Rec[];
	tasks?: Rec[];
	notes?: Rec[];
	/** {id?, locationId, name, fieldKey?, dataType?, model? ('contact')} */
	customFields?: Rec[];
	/** location tags: {id?, locationId, name} */
	tags?: Rec[];
	/** OAuth apps: {clientId?, clientSecret?, appId?, versionId?, name?, scopes?, redirectUris?, installs?: [{companyId, locationIds?}]} */
	clients?: Rec[];
	/** Private Integration tokens: {token?, locationId? | companyId?, scopes?} (never expire) */
	privateTokens?: Rec[];
	/** {id?, locationId, name, stages: [{id?, name, position?}], showInFunnel?, showInPieChart?} */
	pipelines?: Rec[];
	/** {id?, locationId, name} */
	lostReasons?: Rec[];
	/** {id?, locationId, contactId, pipelineId, pipelineStageId?, name, status? ('open'), monetaryValue?, assignedTo?, createdAt?} */
	opportunities?: Rec[];
	/** {id?, locationId, name, status? ('published'), version?} */
	workflows?: Rec[];
	/** {id?, locationId, name, status? ('published')} */
	campaigns?: Rec[];
	/** {id?, locationId, contactId, type? ('TYPE_PHONE'), unreadCount?} */
	conversations?: Rec[];
	/** {id?, conversationId, messageType? ('TYPE_SMS'), body?, direction? ('inbound'), dateAdded?} */
	messages?: Rec[];
}

export interface MintTokenOptions {
	userType?: 'Location' | 'Company';
	locationId?: string;
	companyId?: string;
	clientId?: string;
	userId?: string;
	scopes?: string[];
	/** seconds until expiry, may be 0 or negative (already expired); default config.accessTokenTtlSec */
	expiresInSec?: number;
	/** also issue a refresh token (default true) */
	refreshToken?: boolean;
}

export interface AuthCodeOptions {
	clientId?: string;
	userType?: 'Location' | 'Company';
	locationId?: string;
	companyId?: string;
	userId?: string;
	scopes?: string[];
	redirectUri?: string;
}

export interface ScriptedFault {
	status: number;
	/** how many matching requests fail (default 1) */
	count?: number;
	method?: string;
	/** path prefix, e.g. "/contacts/" */
	path?: string;
	body?: unknown;
	headers?: Record<string, string>;
}

export interface LogEntry {
	seq: number;
	time: string;
	method: string;
	path: string;
	/** "METHOD /spec/path/{param}" or "UNMATCHED" */
	route: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	status: number;
	responseBody: unknown;
	durationMs: number;
	clientId?: string;
	authClass?: string;
	locationId?: string;
	companyId?: string;
	fault?: string;
}

export interface FakeState {
	companies: Map<string, Rec>;
	locations: Map<string, Rec>;
	users: Map<string, Rec>;
	contacts: Map<string, Rec>;
	tasks: Map<string, Rec>;
	notes: Map<string, Rec>;
	calendars: Map<string, Rec>;
	appointments: Map<string, Rec>;
	customFields: Map<string, Rec>;
	tags: Map<string, Rec>;
	clients: Map<string, Rec>;
	authCodes: Map<string, Rec>;
	/** by jti */
	accessTokens: Map<string, Rec>;
	/** by refresh token string */
	refreshTokens: Map<string, Rec>;
	privateTokens: Map<string, Rec>;
	pipelines: Map<string, Rec>;
	lostReasons: Map<string, Rec>;
	opportunities: Map<string, Rec>;
	workflows: Map<string, Rec>;
	campaigns: Map<string, Rec>;
	/** by `${contactId}:${workflowId}`: {contactId, workflowId, locationId, eventStartTime?, status: 'active'|'removed', enrolledAt, removedAt?} */
	workflowEnrolments: Map<string, Rec>;
	/** by `${contactId}:${campaignId}`: {contactId, campaignId, locationId, status: 'active'|'removed', enrolledAt, removedAt?} */
	campaignEnrolments: Map<string, Rec>;
	conversations: Map<string, Rec>;
	messages: Map<string, Rec>;
	rateBuckets: Map<string, { windowStart: number; count: number; dayStart: number; dayCount: number; arrivals?: number[] }>;
	requestLog: LogEntry[];
	counts: { total: number; byRoute: Record<string, number>; byPath: Record<string, number>; byStatus: Record<string, number> };
	faultQueue: ScriptedFault[];
	clockOffsetMs: number;
	seq: number;
}

export interface FakeGhl {
	url: string;
	port: number;
	state: FakeState;
	config: FakeGhlConfig;
	close(): Promise<void>;
	reset(seed?: SeedInput | 'default'): void;
	seed(input: SeedInput | 'default'): Rec;
	mintToken(opts?: MintTokenOptions): Rec;
	createAuthCode(opts?: AuthCodeOptions): string;
	setConfig(patch: DeepPartial<FakeGhlConfig>): FakeGhlConfig;
	injectFault(fault: ScriptedFault): void;
	advanceClock(ms: number): number;
	now(): number;
	requests(filter?: { path?: string; route?: string; method?: string; sinceSeq?: number }): LogEntry[];
	counts(): FakeState['counts'];
	clearRequests(): void;
	snapshot(collection?: string): Rec;
}

// ---------------------------------------------------------------------------
// internal
// ---------------------------------------------------------------------------

/** The live fake every module works on: one per createFakeGhl(). */
export interface Core {
	/** never replaced (reset() empties it in place), so modules may keep a reference */
	state: FakeState;
	/** replaced by setConfig() and reset(); always read it through core.config */
	config: FakeGhlConfig;
	/** the config createFakeGhl() started with (reset() returns to it) */
	initialConfig: FakeGhlConfig;
	/** HMAC secret of the JWT-shaped tokens */
	secret: string;
	/** random source of the fault rates (seeded by config.faults.seed) */
	rng: () => number;
	/** the fake's clock: Date.now() + state.clockOffsetMs */
	now(): number;
	iso(ms?: number): string;
	/** base URL, known once the server listens */
	url: string;
	/** outgoing webhooks: settings, pending deliveries, the delivery log (replaced by reset()) */
	hooks: Hooks;
}

export interface Auth {
	authClass: 'Location' | 'Company';
	locationId?: string;
	companyId: string;
	clientId: string;
	userId?: string;
	scopes: string[];
	kind: 'oauth' | 'private';
	rateKey: string;
}

/** What a route handler gets: the matched spec operation, path params, query, parsed body, caller. */
export interface Ctx {
	op: SpecOperation;
	params: Record<string, string>;
	query: URLSearchParams;
	body: any;
	auth?: Auth;
	headers: http.IncomingHttpHeaders;
}

export type Handler = (ctx: Ctx) => { status?: number; body: unknown } | Rec;
/** Handlers by spec operation key ("METHOD /spec/path/{param}"). */
export type Routes = Record<string, Handler>;

export interface ApiResult {
	status: number;
	body: unknown;
	headers: Record<string, string>;
}
