/**
 * fake-ghl — a local, stateful fake of the HighLevel (GHL) API v2 for e2e tests
 * and benchmarks. Node built-ins only; runs under jest (ts-jest) and directly
 * under Node >= 22.18 / 24 (type stripping), see cli.mjs.
 *
 * Routing, Version headers, security schemes, query parameters and request
 * bodies come from spec.generated.ts (generated from the official OpenAPI
 * files by gen-spec.ts). Behaviour is documented in README.md.
 */
import http from 'node:http';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { SpecOperation } from './spec.generated.ts';
// @ts-ignore TS5097 -- the explicit .ts extension is required when Node runs this file directly
import { SPEC_OPERATIONS } from './spec.generated.ts';
// @ts-ignore TS5097 -- see above
import { validateBody, validateQuery } from './validate.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Rec = Record<string, any>;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

export interface FakeGhlConfig {
	/** lifetime of access tokens issued by /oauth/token, /oauth/locationToken and mintToken() */
	accessTokenTtlSec: number;
	refreshTokenTtlSec: number;
	authCodeTtlSec: number;
	/** burst limit per (client, location|company) and daily quota; GHL: 100 / 10 s, 200 000 / day */
	rateLimit: { enabled: boolean; max: number; intervalMs: number; daily: number };
	/** uniform random latency added to every API response (not /__admin) */
	latency: { minMs: number; maxMs: number };
	/** probability (0..1) that an authenticated API request fails with that status; seed makes it reproducible */
	faults: { rate429: number; rate500: number; rate502: number; rate503: number; seed: number | null };
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
	rateBuckets: Map<string, { windowStart: number; count: number; dayStart: number; dayCount: number }>;
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

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

class HttpError extends Error {
	status: number;
	body: unknown;
	headers: Record<string, string>;
	constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
		super(typeof body === 'object' && body && 'message' in body ? String((body as Rec).message) : `HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

const STATUS_TEXT: Record<number, string> = {
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

function err(status: number, message: unknown, extra: Rec = {}): HttpError {
	return new HttpError(status, { statusCode: status, message, ...extra });
}
const badRequest = (message: string, extra: Rec = {}) => err(400, message, extra);
const notFound = (what: string) => err(400, `${what} not found`);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function newId(len = 20): string {
	const bytes = randomBytes(len);
	let s = '';
	for (let i = 0; i < len; i++) s += ALPHABET[bytes[i] % ALPHABET.length];
	return s;
}

const b64url = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function deepMerge<T>(base: T, patch: any): T {
	if (!patch || typeof patch !== 'object') return base;
	const out: any = Array.isArray(base) ? [...(base as any)] : { ...base };
	for (const [k, v] of Object.entries(patch)) {
		if (v && typeof v === 'object' && !Array.isArray(v) && out[k] && typeof out[k] === 'object') out[k] = deepMerge(out[k], v);
		else if (v !== undefined) out[k] = v;
	}
	return out;
}

const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const lower = (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : s);
const digits = (s: unknown) => (typeof s === 'string' ? s.replace(/\D/g, '') : '');
function samePhone(a: unknown, b: unknown): boolean {
	const x = digits(a);
	const y = digits(b);
	if (!x || !y) return false;
	if (x === y) return true;
	return x.length >= 10 && y.length >= 10 && x.slice(-10) === y.slice(-10);
}
const normTags = (tags: unknown): string[] =>
	Array.isArray(tags) ? [...new Set(tags.filter((t) => typeof t === 'string').map((t) => t.trim().toLowerCase()).filter(Boolean))] : [];

// --- time zones (Intl only) ---
const dtfCache = new Map<string, Intl.DateTimeFormat>();
function tzOffsetMin(tz: string, utcMs: number): number {
	let f = dtfCache.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		dtfCache.set(tz, f);
	}
	const p: Rec = {};
	for (const part of f.formatToParts(new Date(utcMs))) p[part.type] = part.value;
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
	return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}
function wallToUtc(tz: string, y: number, mo: number, d: number, h: number, mi: number): number {
	const guess = Date.UTC(y, mo, d, h, mi);
	const off = tzOffsetMin(tz, guess);
	let utc = guess - off * 60000;
	const off2 = tzOffsetMin(tz, utc);
	if (off2 !== off) utc = guess - off2 * 60000;
	return utc;
}
function isoInTz(tz: string, utcMs: number): string {
	const off = tzOffsetMin(tz, utcMs);
	const local = new Date(utcMs + off * 60000).toISOString().slice(0, 19);
	const sign = off < 0 ? '-' : '+';
	const a = Math.abs(off);
	return `${local}${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}
function validTz(tz: unknown): tz is string {
	if (typeof tz !== 'string' || !tz) return false;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: tz });
		return true;
	} catch {
		return false;
	}
}

// ---------------------------------------------------------------------------
// routing table
// ---------------------------------------------------------------------------

interface Route {
	op: SpecOperation;
	segments: string[];
	staticCount: number;
}
const ROUTES: Route[] = (SPEC_OPERATIONS as SpecOperation[])
	.map((op) => {
		const segments = op.path.split('/').filter(Boolean);
		return { op, segments, staticCount: segments.filter((s) => !s.startsWith('{')).length };
	})
	// static segments win over parameters (/contacts/search vs /contacts/{contactId})
	.sort((a, b) => b.staticCount - a.staticCount || a.segments.length - b.segments.length);

function matchRoute(method: string, pathname: string): { op: SpecOperation; params: Record<string, string> } | null {
	const parts = pathname.split('/').filter(Boolean).map((p) => {
		try {
			return decodeURIComponent(p);
		} catch {
			return p;
		}
	});
	for (const r of ROUTES) {
		if (r.op.method !== method || r.segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < parts.length; i++) {
			const s = r.segments[i];
			if (s.startsWith('{')) params[s.slice(1, -1)] = parts[i];
			else if (s !== parts[i]) {
				ok = false;
				break;
			}
		}
		if (ok) return { op: r.op, params };
	}
	return null;
}

/** every scope named by the spec operations; default scope set of clients / minted tokens */
const ALL_SCOPES = [...new Set((SPEC_OPERATIONS as SpecOperation[]).flatMap((o) => o.security.flatMap((s) => s.scopes)))].sort();

const SCHEME_CLASSES: Record<string, string[]> = {
	bearer: ['Location'],
	'Location-Access': ['Location'],
	'Location-Access-Only': ['Location'],
	'Agency-Access': ['Company'],
	'Agency-Access-Only': ['Company'],
};

// ---------------------------------------------------------------------------
// the server
// ---------------------------------------------------------------------------

interface Auth {
	authClass: 'Location' | 'Company';
	locationId?: string;
	companyId: string;
	clientId: string;
	userId?: string;
	scopes: string[];
	kind: 'oauth' | 'private';
	rateKey: string;
}

interface Ctx {
	op: SpecOperation;
	params: Record<string, string>;
	query: URLSearchParams;
	body: any;
	auth?: Auth;
	headers: http.IncomingHttpHeaders;
}

function emptyState(): FakeState {
	return {
		companies: new Map(),
		locations: new Map(),
		users: new Map(),
		contacts: new Map(),
		tasks: new Map(),
		notes: new Map(),
		calendars: new Map(),
		appointments: new Map(),
		customFields: new Map(),
		tags: new Map(),
		clients: new Map(),
		authCodes: new Map(),
		accessTokens: new Map(),
		refreshTokens: new Map(),
		privateTokens: new Map(),
		rateBuckets: new Map(),
		requestLog: [],
		counts: { total: 0, byRoute: {}, byPath: {}, byStatus: {} },
		faultQueue: [],
		clockOffsetMs: 0,
		seq: 0,
	};
}

export async function createFakeGhl(options: FakeGhlOptions = {}): Promise<FakeGhl> {
	const initialConfig: FakeGhlConfig = deepMerge(clone(DEFAULT_CONFIG), options.config ?? {});
	let config: FakeGhlConfig = clone(initialConfig);
	const secret = options.jwtSecret ?? randomBytes(32).toString('hex');
	const state: FakeState = emptyState();
	let rng: () => number = Math.random;
	const setRng = () => {
		rng = config.faults.seed === null || config.faults.seed === undefined ? Math.random : mulberry32(Number(config.faults.seed));
	};
	setRng();

	const now = () => Date.now() + state.clockOffsetMs;
	const iso = (ms = now()) => new Date(ms).toISOString();

	// ------------------------------------------------------------------ seed
	function ensureCompany(id: string | undefined): Rec {
		const cid = id ?? DEFAULT_IDS.companyId;
		let c = state.companies.get(cid);
		if (!c) {
			c = { id: cid, name: `Company ${cid}` };
			state.companies.set(cid, c);
		}
		return c;
	}

	function addLocation(input: Rec): Rec {
		const id = input.id ?? newId();
		const company = ensureCompany(input.companyId);
		const { allowDuplicateContact, duplicateContactSequence, settings, ...rest } = input;
		const loc: Rec = {
			id,
			companyId: company.id,
			name: `Location ${id}`,
			address: '',
			city: '',
			state: '',
			country: 'US',
			postalCode: '',
			website: '',
			timezone: 'UTC',
			email: '',
			phone: '',
			...rest,
			settings: {
				allowDuplicateContact: Boolean(allowDuplicateContact ?? settings?.allowDuplicateContact ?? false),
				allowDuplicateOpportunity: false,
				allowFacebookNameMerge: false,
				disableContactTimezone: false,
				...(settings ?? {}),
			},
			/** fake-only: which fields identify a duplicate, in priority order */
			duplicateContactSequence: duplicateContactSequence ?? ['email', 'phone'],
		};
		if (allowDuplicateContact !== undefined) loc.settings.allowDuplicateContact = Boolean(allowDuplicateContact);
		state.locations.set(id, loc);
		return loc;
	}

	function ensureLocationTag(locationId: string, name: string): void {
		for (const t of state.tags.values()) if (t.locationId === locationId && t.name === name) return;
		const id = newId();
		state.tags.set(id, { id, name, locationId });
	}

	function contactFrom(input: Rec, existing?: Rec): Rec {
		const t = iso();
		const c: Rec = existing
			? { ...existing }
			: { id: newId(), dateAdded: t, tags: [], customFields: [], type: 'lead', dnd: false, source: undefined, deleted: false };
		for (const [k, v] of Object.entries(input)) {
			if (v === undefined) continue;
			if (k === 'tags') c.tags = normTags(v);
			else if (k === 'customFields') c.customFields = mergeCustomFields(existing?.customFields ?? [], v as Rec[], c.locationId ?? input.locationId);
			else if (k === 'createNewIfDuplicateAllowed') continue;
			else c[k] = v;
		}
		if (c.email) c.emailLowerCase = String(c.email).toLowerCase();
		else delete c.emailLowerCase;
		if (input.firstName !== undefined || input.lastName !== undefined || !existing) {
			const full = [c.firstName, c.lastName].filter(Boolean).join(' ');
			if (full) c.name = input.name ?? full;
		}
		c.firstNameLowerCase = lower(c.firstName) ?? undefined;
		c.lastNameLowerCase = lower(c.lastName) ?? undefined;
		c.fullNameLowerCase = lower(c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' ')) || undefined;
		c.dateUpdated = t;
		for (const tag of c.tags) ensureLocationTag(c.locationId, tag);
		return c;
	}

	function mergeCustomFields(current: Rec[], input: Rec[], locationId: string): Rec[] {
		const out = current.map((f) => ({ ...f }));
		for (const f of input ?? []) {
			let id = f.id;
			if (!id && f.key) {
				for (const cf of state.customFields.values()) {
					if (cf.locationId === locationId && (cf.fieldKey === f.key || cf.fieldKey === `contact.${f.key}`)) id = cf.id;
				}
			}
			if (!id) continue;
			const value = f.field_value ?? f.value;
			const i = out.findIndex((x) => x.id === id);
			if (i >= 0) out[i] = { id, value };
			else out.push({ id, value });
		}
		return out;
	}

	function addClient(input: Rec): Rec {
		const clientId = input.clientId ?? `${newId(24).toLowerCase()}-${newId(8).toLowerCase()}`;
		const client: Rec = {
			clientId,
			clientSecret: input.clientSecret ?? newId(36),
			appId: input.appId ?? clientId.split('-')[0],
			versionId: input.versionId ?? clientId.split('-')[0],
			name: input.name ?? `App ${clientId}`,
			scopes: input.scopes ?? ALL_SCOPES,
			redirectUris: input.redirectUris ?? [],
			/** undefined = installed everywhere; else [{companyId, locationIds?: string[] (undefined = all of the company)}] */
			installs: input.installs,
			installToFutureLocations: input.installToFutureLocations ?? true,
			/** what GET /oauth/chooselocation installs onto */
			defaultInstall: input.defaultInstall,
		};
		state.clients.set(clientId, client);
		return client;
	}

	function defaultClient(): Rec {
		const first = state.clients.values().next().value;
		return first ?? addClient({ clientId: DEFAULT_IDS.clientId, clientSecret: DEFAULT_IDS.clientSecret, name: 'fake-ghl default app' });
	}

	function isInstalled(client: Rec, locationId: string): boolean {
		const loc = state.locations.get(locationId);
		if (!loc) return false;
		if (!client.installs) return true;
		return client.installs.some((i: Rec) => i.companyId === loc.companyId && (!i.locationIds || i.locationIds.includes(locationId)));
	}

	function seed(input: SeedInput | 'default'): Rec {
		const s: SeedInput = input === 'default' ? defaultSeed() : input;
		const out: Rec = {};
		const push = (k: string, v: Rec) => (out[k] ??= []).push(clone(v));
		for (const c of s.companies ?? []) {
			const id = c.id ?? newId();
			state.companies.set(id, { name: `Company ${id}`, ...c, id });
			push('companies', state.companies.get(id)!);
		}
		for (const l of s.locations ?? []) push('locations', addLocation(l));
		for (const u of s.users ?? []) {
			const id = u.id ?? newId();
			const { locationIds, role, type, ...rest } = u;
			const user: Rec = {
				id,
				name: [u.firstName, u.lastName].filter(Boolean).join(' '),
				firstName: '',
				lastName: '',
				email: `${id.toLowerCase()}@example.test`,
				phone: '',
				extension: '',
				permissions: {},
				scopes: '',
				deleted: false,
				...rest,
				companyId: u.companyId ?? state.locations.get(locationIds?.[0])?.companyId ?? DEFAULT_IDS.companyId,
				roles: { type: type ?? 'account', role: role ?? 'user', locationIds: locationIds ?? [] },
			};
			state.users.set(id, user);
			push('users', user);
		}
		for (const cf of s.customFields ?? []) {
			const id = cf.id ?? newId();
			const rec = {
				id,
				name: cf.name ?? id,
				fieldKey: cf.fieldKey ?? `contact.${String(cf.name ?? id).toLowerCase().replace(/\W+/g, '_')}`,
				placeholder: '',
				dataType: 'TEXT',
				position: state.customFields.size,
				picklistOptions: [],
				model: 'contact',
				...cf,
			};
			rec.id = id;
			state.customFields.set(id, rec);
			push('customFields', rec);
		}
		for (const t of s.tags ?? []) {
			const id = t.id ?? newId();
			state.tags.set(id, { id, locationId: t.locationId, name: String(t.name).toLowerCase() });
			push('tags', state.tags.get(id)!);
		}
		for (const c of s.contacts ?? []) {
			const { id, dateAdded, ...rest } = c;
			const rec = contactFrom(rest);
			if (id) rec.id = id;
			if (dateAdded) rec.dateAdded = typeof dateAdded === 'number' ? iso(dateAdded) : dateAdded;
			state.contacts.set(rec.id, rec);
			push('contacts', rec);
		}
		for (const c of s.calendars ?? []) {
			const id = c.id ?? newId();
			const rec: Rec = {
				id,
				name: `Calendar ${id}`,
				description: '',
				isActive: true,
				calendarType: 'event',
				widgetType: 'default',
				eventType: 'RoundRobin_OptimizeForAvailability',
				slug: id.toLowerCase(),
				widgetSlug: id.toLowerCase(),
				groupId: '',
				teamMembers: [],
				notifications: [],
				slotDuration: 30,
				slotDurationUnit: 'mins',
				slotInterval: 30,
				slotIntervalUnit: 'mins',
				slotBuffer: 0,
				preBuffer: 0,
				appoinmentPerSlot: 1,
				appoinmentPerDay: 0,
				openHours: [{ daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] }],
				availabilityType: 0,
				autoConfirm: true,
				allowReschedule: true,
				allowCancellation: true,
				...c,
			};
			rec.id = id;
			state.calendars.set(id, rec);
			push('calendars', rec);
		}
		for (const a of s.appointments ?? []) {
			const cal = state.calendars.get(a.calendarId);
			const rec = eventFrom({ locationId: cal?.locationId, ...a }, cal);
			if (a.id) rec.id = a.id;
			state.appointments.set(rec.id, rec);
			push('appointments', rec);
		}
		for (const t of s.tasks ?? []) {
			const id = t.id ?? newId();
			const rec = { title: '', body: '', assignedTo: undefined, dueDate: iso(), completed: false, ...t, id };
			state.tasks.set(id, rec);
			push('tasks', rec);
		}
		for (const n of s.notes ?? []) {
			const id = n.id ?? newId();
			const rec = { body: '', dateAdded: iso(), ...n, id };
			state.notes.set(id, rec);
			push('notes', rec);
		}
		for (const c of s.clients ?? []) push('clients', addClient(c));
		for (const p of s.privateTokens ?? []) {
			const token = p.token ?? `pit-${newId(8).toLowerCase()}-${newId(4).toLowerCase()}-${newId(12).toLowerCase()}`;
			const loc = p.locationId ? state.locations.get(p.locationId) : undefined;
			const rec = {
				token,
				authClass: p.locationId ? 'Location' : 'Company',
				locationId: p.locationId,
				companyId: p.companyId ?? loc?.companyId ?? DEFAULT_IDS.companyId,
				scopes: p.scopes ?? ALL_SCOPES,
				clientId: `private-integration:${token.slice(0, 16)}`,
			};
			state.privateTokens.set(token, rec);
			push('privateTokens', rec);
		}
		return out;
	}

	function defaultSeed(): SeedInput {
		const I = DEFAULT_IDS;
		return {
			companies: [{ id: I.companyId, name: 'Fake Agency' }],
			locations: [
				{ id: I.locationA, companyId: I.companyId, name: 'Fake Location A', timezone: 'America/New_York', allowDuplicateContact: false },
				{ id: I.locationB, companyId: I.companyId, name: 'Fake Location B', timezone: 'Europe/London', allowDuplicateContact: true },
			],
			users: [
				{ id: I.userA, firstName: 'Ada', lastName: 'Admin', email: 'ada@example.test', locationIds: [I.locationA], role: 'admin' },
				{ id: I.userAB, firstName: 'Bob', lastName: 'Both', email: 'bob@example.test', locationIds: [I.locationA, I.locationB] },
			],
			customFields: [{ id: I.customFieldA, locationId: I.locationA, name: 'Score', fieldKey: 'contact.score', dataType: 'NUMERICAL' }],
			calendars: [
				{ id: I.calendarA, locationId: I.locationA, name: 'Intro Call', teamMembers: [{ userId: I.userA, priority: 1, isPrimary: true }] },
				{ id: I.calendarB, locationId: I.locationB, name: 'Consultation', teamMembers: [{ userId: I.userAB, priority: 1 }] },
			],
			clients: [{ clientId: I.clientId, clientSecret: I.clientSecret, name: 'fake-ghl default app' }],
			privateTokens: [
				{ token: I.privateTokenA, locationId: I.locationA },
				{ token: I.privateTokenB, locationId: I.locationB },
			],
		};
	}

	function reset(seedInput?: SeedInput | 'default'): void {
		const fresh = emptyState();
		for (const k of Object.keys(fresh) as (keyof FakeState)[]) (state as any)[k] = fresh[k];
		config = clone(initialConfig);
		api.config = config;
		setRng();
		if (seedInput) seed(seedInput);
	}

	// ---------------------------------------------------------------- tokens
	function signJwt(payload: Rec): string {
		const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
		const body = b64url(JSON.stringify(payload));
		const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
		return `${head}.${body}.${sig}`;
	}

	function issueTokens(grant: Rec, opts: { refresh: boolean; expiresInSec?: number }): Rec {
		const ttl = opts.expiresInSec ?? config.accessTokenTtlSec;
		const iat = now();
		const jti = newId(24);
		const rec: Rec = {
			jti,
			authClass: grant.userType,
			locationId: grant.userType === 'Location' ? grant.locationId : undefined,
			companyId: grant.companyId,
			clientId: grant.clientId,
			userId: grant.userId,
			scopes: grant.scopes,
			issuedAt: iat,
			expiresAt: iat + ttl * 1000,
			revoked: false,
		};
		state.accessTokens.set(jti, rec);
		const access = signJwt({
			authClass: rec.authClass,
			authClassId: rec.authClass === 'Location' ? rec.locationId : rec.companyId,
			source: 'INTEGRATION',
			sourceId: rec.clientId,
			channel: 'OAUTH',
			primaryAuthClassId: rec.authClass === 'Location' ? rec.locationId : rec.companyId,
			oauthMeta: { scopes: rec.scopes, client: rec.clientId.split('-')[0], clientKey: rec.clientId, versionId: grant.versionId, userType: grant.userType },
			iat: Math.floor(iat / 1000),
			exp: Math.floor(rec.expiresAt / 1000),
			jti,
		});
		const client = state.clients.get(grant.clientId);
		const res: Rec = {
			access_token: access,
			token_type: 'Bearer',
			expires_in: ttl,
			scope: rec.scopes.join(' '),
			userType: grant.userType,
			companyId: grant.companyId,
			userId: grant.userId,
		};
		if (grant.userType === 'Location') res.locationId = grant.locationId;
		else {
			const approved = [...state.locations.values()].filter((l) => l.companyId === grant.companyId && (!client || isInstalled(client, l.id))).map((l) => l.id);
			res.approvedLocations = approved;
			res.isBulkInstallation = true;
			res.installToFutureLocations = client?.installToFutureLocations ?? true;
			res.approveAllLocations = !client?.installs;
		}
		if (opts.refresh) {
			const refresh = b64url(randomBytes(24)) + '.' + newId(12);
			state.refreshTokens.set(refresh, {
				token: refresh,
				grant: { ...grant },
				issuedAt: iat,
				expiresAt: iat + config.refreshTokenTtlSec * 1000,
				usedAt: null,
				replacedBy: null,
				revoked: false,
			});
			res.refresh_token = refresh;
		}
		return res;
	}

	function grantFor(opts: MintTokenOptions | AuthCodeOptions): Rec {
		const userType = opts.userType ?? (opts.locationId || !opts.companyId ? 'Location' : 'Company');
		let locationId = opts.locationId;
		if (userType === 'Location' && !locationId) {
			const first = [...state.locations.values()].find((l) => !opts.companyId || l.companyId === opts.companyId);
			if (!first) throw badRequest('no location to issue a Location token for; seed one or pass locationId');
			locationId = first.id;
		}
		const loc = locationId ? state.locations.get(locationId) : undefined;
		if (locationId && !loc) throw badRequest(`Location ${locationId} not found`);
		const companyId = opts.companyId ?? loc?.companyId ?? state.companies.keys().next().value ?? DEFAULT_IDS.companyId;
		const client = opts.clientId ? state.clients.get(opts.clientId) ?? addClient({ clientId: opts.clientId }) : defaultClient();
		const userId =
			opts.userId ??
			[...state.users.values()].find((u) => (locationId ? u.roles.locationIds.includes(locationId) : u.companyId === companyId))?.id ??
			'fakeInstallingUser01';
		return {
			userType,
			locationId: userType === 'Location' ? locationId : undefined,
			companyId,
			clientId: client.clientId,
			versionId: client.versionId,
			userId,
			scopes: opts.scopes ?? client.scopes,
		};
	}

	function mintToken(opts: MintTokenOptions = {}): Rec {
		return issueTokens(grantFor(opts), { refresh: opts.refreshToken ?? true, expiresInSec: opts.expiresInSec });
	}

	function createAuthCode(opts: AuthCodeOptions = {}): string {
		const code = b64url(randomBytes(20));
		state.authCodes.set(code, { code, grant: grantFor(opts), redirectUri: opts.redirectUri, expiresAt: now() + config.authCodeTtlSec * 1000, used: false });
		return code;
	}

	/** Resolves a bearer token; throws 401 unless `lenient`. */
	function authenticate(header: string | undefined, lenient = false): Auth | undefined {
		const fail = (message: string) => {
			if (lenient) return undefined;
			throw err(401, message, message === MESSAGES.tokenExpired ? {} : { error: 'Unauthorized' });
		};
		if (!header || !/^Bearer\s+\S+/i.test(header)) return fail(MESSAGES.tokenInvalid);
		const token = header.replace(/^Bearer\s+/i, '').trim();
		const pit = state.privateTokens.get(token);
		if (pit) {
			return {
				authClass: pit.authClass,
				locationId: pit.locationId,
				companyId: pit.companyId,
				clientId: pit.clientId,
				scopes: pit.scopes,
				kind: 'private',
				rateKey: `${pit.clientId}:${pit.locationId ?? pit.companyId}`,
			};
		}
		const parts = token.split('.');
		if (parts.length !== 3) return fail(MESSAGES.tokenInvalid);
		const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
		const given = Buffer.from(parts[2], 'base64url');
		if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail(MESSAGES.tokenInvalid);
		let payload: Rec;
		try {
			payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		} catch {
			return fail(MESSAGES.tokenInvalid);
		}
		const rec = state.accessTokens.get(payload.jti);
		if (!rec || rec.revoked) return fail(MESSAGES.tokenInvalid);
		if (now() >= rec.expiresAt) return fail(MESSAGES.tokenExpired);
		return {
			authClass: rec.authClass,
			locationId: rec.locationId,
			companyId: rec.companyId,
			clientId: rec.clientId,
			userId: rec.userId,
			scopes: rec.scopes,
			kind: 'oauth',
			rateKey: `${rec.clientId}:${rec.locationId ?? rec.companyId}`,
		};
	}

	function assertLocation(auth: Auth | undefined, locationId: string | undefined): Rec {
		if (!auth) throw err(401, MESSAGES.tokenInvalid, { error: 'Unauthorized' });
		const loc = locationId ? state.locations.get(locationId) : undefined;
		if (auth.authClass === 'Location') {
			if (locationId !== auth.locationId) throw err(403, MESSAGES.location);
		} else if (!loc || loc.companyId !== auth.companyId) {
			throw err(403, MESSAGES.location);
		}
		if (!loc) throw notFound('Location');
		return loc;
	}

	// ---------------------------------------------------------- rate limits
	function rateLimit(key: string): { headers: Record<string, string>; limited: boolean } {
		const rl = config.rateLimit;
		const t = now();
		let b = state.rateBuckets.get(key);
		if (!b) {
			b = { windowStart: t, count: 0, dayStart: t, dayCount: 0 };
			state.rateBuckets.set(key, b);
		}
		if (t - b.windowStart >= rl.intervalMs) {
			b.windowStart = t;
			b.count = 0;
		}
		if (t - b.dayStart >= 86_400_000) {
			b.dayStart = t;
			b.dayCount = 0;
		}
		b.count++;
		b.dayCount++;
		const limited = rl.enabled && (b.count > rl.max || b.dayCount > rl.daily);
		return {
			limited,
			headers: {
				'X-RateLimit-Limit-Daily': String(rl.daily),
				'X-RateLimit-Daily-Remaining': String(Math.max(0, rl.daily - b.dayCount)),
				'X-RateLimit-Interval-Milliseconds': String(rl.intervalMs),
				'X-RateLimit-Max': String(rl.max),
				'X-RateLimit-Remaining': String(Math.max(0, rl.max - b.count)),
			},
		};
	}

	// -------------------------------------------------------------- lookups
	function getOwned(map: Map<string, Rec>, id: string, what: string, auth: Auth | undefined): Rec {
		const rec = map.get(id);
		if (!rec) throw notFound(what);
		assertLocation(auth, rec.locationId);
		return rec;
	}
	const contactOf = (ctx: Ctx) => getOwned(state.contacts, ctx.params.contactId, 'Contact', ctx.auth);

	function findDuplicate(loc: Rec, data: Rec, exceptId?: string): { contact: Rec; field: string } | undefined {
		for (const field of loc.duplicateContactSequence as string[]) {
			const v = data[field];
			if (!v) continue;
			for (const c of state.contacts.values()) {
				if (c.locationId !== loc.id || c.id === exceptId) continue;
				if (field === 'email' ? lower(c.email) === lower(v) : field === 'phone' ? samePhone(c.phone, v) : c[field] === v) {
					return { contact: c, field };
				}
			}
		}
		return undefined;
	}
	function duplicateError(d: { contact: Rec; field: string }): HttpError {
		return badRequest(MESSAGES.duplicate, {
			meta: { contactName: d.contact.name ?? [d.contact.firstName, d.contact.lastName].filter(Boolean).join(' '), contactId: d.contact.id, matchingField: d.field },
		});
	}

	function publicContact(c: Rec): Rec {
		const out = clone(c);
		delete out.deleted;
		return out;
	}

	// ---------------------------------------------------------- calendars
	function eventFrom(input: Rec, cal: Rec | undefined, existing?: Rec): Rec {
		const t = iso();
		const e: Rec = existing
			? { ...existing }
			: {
					id: newId(),
					groupId: cal?.groupId ?? '',
					appointmentStatus: 'confirmed',
					status: 'booked',
					isRecurring: false,
					users: [],
					assignedResources: [],
					dateAdded: t,
					createdBy: { source: 'third_party', userId: null },
				};
		for (const [k, v] of Object.entries(input)) {
			if (v === undefined) continue;
			if (k === 'description') e.notes = v;
			if (['toNotify', 'ignoreDateRange', 'ignoreFreeSlotValidation', 'overrideLocationConfig'].includes(k)) continue;
			e[k] = v;
		}
		if (!e.assignedUserId) e.assignedUserId = cal?.teamMembers?.[0]?.userId ?? '';
		if (e.assignedUserId && !e.users.includes(e.assignedUserId)) e.users = [...e.users, e.assignedUserId];
		const start = Date.parse(e.startTime);
		if (input.startTime !== undefined && input.endTime === undefined) {
			const duration = existing ? existing.endMs - existing.startMs : slotMs(cal);
			e.endTime = new Date(start + duration).toISOString();
		}
		e.startMs = start;
		e.endMs = Date.parse(e.endTime);
		if (!e.title) {
			const c = state.contacts.get(e.contactId);
			e.title = c ? `Appointment with ${c.name ?? c.email ?? c.id}` : 'Appointment';
		}
		e.dateUpdated = t;
		return e;
	}

	const unitMs = (n: number, unit: string) => n * (unit === 'hours' ? 3_600_000 : 60_000);
	const slotMs = (cal: Rec | undefined) => unitMs(cal?.slotDuration ?? 30, cal?.slotDurationUnit ?? 'mins');

	function calendarTz(cal: Rec, requested?: string | null): string {
		if (validTz(requested)) return requested;
		if (validTz(cal.timezone)) return cal.timezone;
		const loc = state.locations.get(cal.locationId);
		return validTz(loc?.timezone) ? loc!.timezone : 'UTC';
	}

	function freeSlots(cal: Rec, startMs: number, endMs: number, tz: string, userId?: string, exceptEventId?: string): Record<string, string[]> {
		const out: Record<string, string[]> = {};
		const dur = slotMs(cal);
		const step = unitMs(cal.slotInterval ?? cal.slotDuration ?? 30, cal.slotIntervalUnit ?? cal.slotDurationUnit ?? 'mins') || dur;
		const busy = [...state.appointments.values()].filter(
			(a) =>
				a.calendarId === cal.id &&
				a.id !== exceptEventId &&
				!['cancelled', 'invalid'].includes(a.appointmentStatus) &&
				(!userId || a.assignedUserId === userId),
		);
		const startLocal = new Date(startMs + tzOffsetMin(tz, startMs) * 60000);
		let y = startLocal.getUTCFullYear();
		let mo = startLocal.getUTCMonth();
		let d = startLocal.getUTCDate();
		for (let guard = 0; guard < 40; guard++) {
			const dayStartUtc = wallToUtc(tz, y, mo, d, 0, 0);
			if (dayStartUtc > endMs) break;
			const dow = new Date(Date.UTC(y, mo, d)).getUTCDay();
			const dateKey = new Date(Date.UTC(y, mo, d)).toISOString().slice(0, 10);
			for (const oh of cal.openHours ?? []) {
				if (!oh.daysOfTheWeek?.includes(dow)) continue;
				for (const h of oh.hours ?? []) {
					const open = wallToUtc(tz, y, mo, d, h.openHour, h.openMinute ?? 0);
					const close = wallToUtc(tz, y, mo, d, h.closeHour, h.closeMinute ?? 0);
					for (let s = open; s + dur <= close; s += step) {
						if (s < startMs || s > endMs) continue;
						if (busy.some((a) => a.startMs < s + dur && a.endMs > s)) continue;
						(out[dateKey] ??= []).push(isoInTz(tz, s));
					}
				}
			}
			const next = new Date(Date.UTC(y, mo, d + 1));
			y = next.getUTCFullYear();
			mo = next.getUTCMonth();
			d = next.getUTCDate();
		}
		for (const k of Object.keys(out)) out[k] = [...new Set(out[k])].sort();
		return out;
	}

	function assertSlotFree(cal: Rec, startMs: number, eventId?: string, userId?: string): void {
		const slots = freeSlots(cal, startMs, startMs, calendarTz(cal), userId, eventId);
		const ok = Object.values(slots).some((list) => list.some((s) => Date.parse(s) === startMs));
		if (!ok) throw badRequest(MESSAGES.slotUnavailable);
	}

	function publicEvent(e: Rec): Rec {
		const { startMs, endMs, status, ...rest } = e;
		void startMs;
		void endMs;
		void status;
		return clone(rest);
	}
	function appointmentResponse(e: Rec): Rec {
		return {
			id: e.id,
			calendarId: e.calendarId,
			locationId: e.locationId,
			contactId: e.contactId,
			startTime: e.startTime,
			endTime: e.endTime,
			title: e.title,
			meetingLocationType: e.meetingLocationType,
			appointmentStatus: e.appointmentStatus,
			assignedUserId: e.assignedUserId,
			address: e.address,
			isRecurring: Boolean(e.isRecurring),
			rrule: e.rrule,
		};
	}

	// -------------------------------------------------------------- search
	const FILTER_OPERATORS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range'];

	function fieldValue(c: Rec, field: string): unknown {
		const m = /^customFields?\.(.+)$/.exec(field);
		if (m) return c.customFields?.find((f: Rec) => f.id === m[1])?.value;
		if (field === 'email') return c.emailLowerCase ?? lower(c.email);
		return c[field];
	}

	function matchFilter(c: Rec, f: Rec, path: string): boolean {
		if (f.group !== undefined || f.filters !== undefined) {
			if (!['AND', 'OR'].includes(f.group)) throw err(422, [`${path}.group must be one of the following values: AND, OR`], { error: 'Unprocessable Entity' });
			const subs: Rec[] = Array.isArray(f.filters) ? f.filters : [];
			const results = subs.map((s, i) => matchFilter(c, s, `${path}.filters.${i}`));
			return f.group === 'AND' ? results.every(Boolean) : results.some(Boolean);
		}
		const errors: string[] = [];
		if (typeof f.field !== 'string' || !f.field) errors.push(`${path}.field should not be empty`);
		if (!FILTER_OPERATORS.includes(f.operator)) errors.push(`${path}.operator must be one of the following values: ${FILTER_OPERATORS.join(', ')}`);
		for (const k of Object.keys(f)) if (!['field', 'operator', 'value'].includes(k)) errors.push(`${path}.property ${k} should not exist`);
		if (errors.length) throw err(422, errors, { error: 'Unprocessable Entity' });
		const actual = fieldValue(c, f.field);
		const empty = actual === undefined || actual === null || actual === '' || (Array.isArray(actual) && actual.length === 0);
		const v = f.value;
		const eq = (a: unknown, b: unknown) =>
			f.field === 'phone' ? samePhone(a, b) : typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
		const contains = (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase().includes(b.toLowerCase());
		const anyOf = (pred: (a: unknown, b: unknown) => boolean) => {
			const values = Array.isArray(v) ? v : [v];
			const actuals = Array.isArray(actual) ? actual : [actual];
			return values.some((b) => actuals.some((a) => pred(a, b)));
		};
		switch (f.operator) {
			case 'exists':
				return !empty;
			case 'not_exists':
				return empty;
			case 'eq':
				return anyOf(eq);
			case 'not_eq':
				return !anyOf(eq);
			case 'contains':
				return anyOf(contains);
			case 'not_contains':
				return !anyOf(contains);
			case 'range': {
				if (!v || typeof v !== 'object') throw err(422, [`${path}.value must be an object with gt/gte/lt/lte`], { error: 'Unprocessable Entity' });
				const num = (x: unknown) => (typeof x === 'number' ? x : Date.parse(String(x)) || Number(x));
				const a = num(actual);
				if (Number.isNaN(a)) return false;
				return (
					(v.gt === undefined || a > num(v.gt)) &&
					(v.gte === undefined || a >= num(v.gte)) &&
					(v.lt === undefined || a < num(v.lt)) &&
					(v.lte === undefined || a <= num(v.lte))
				);
			}
		}
		return false;
	}

	function sortKey(c: Rec, field: string): string | number {
		const v = fieldValue(c, field);
		if (field === 'dateAdded' || field === 'dateUpdated') return Date.parse(String(v)) || 0;
		if (typeof v === 'number') return v;
		return v === undefined || v === null ? '' : String(v).toLowerCase();
	}

	function search(ctx: Ctx): Rec {
		const b = ctx.body;
		assertLocation(ctx.auth, b.locationId);
		const filters: Rec[] = b.filters ?? [];
		let rows = [...state.contacts.values()].filter((c) => c.locationId === b.locationId);
		if (b.query) {
			const q = String(b.query).toLowerCase();
			rows = rows.filter((c) => [c.name, c.firstName, c.lastName, c.email, c.phone, c.companyName].some((x) => typeof x === 'string' && x.toLowerCase().includes(q)));
		}
		rows = rows.filter((c) => filters.every((f, i) => matchFilter(c, f, `filters.${i}`)));
		const sort: { field: string; direction: string }[] = b.sort?.length ? b.sort : [{ field: 'dateAdded', direction: 'desc' }];
		const cmp = (x: Rec, y: Rec) => {
			for (const s of sort) {
				const a = sortKey(x, s.field);
				const bb = sortKey(y, s.field);
				if (a < bb) return s.direction === 'asc' ? -1 : 1;
				if (a > bb) return s.direction === 'asc' ? 1 : -1;
			}
			return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
		};
		rows.sort(cmp);
		const total = rows.length;
		const pageLimit = b.pageLimit ?? 20;
		const limitErrors: string[] = [];
		if (!Number.isInteger(pageLimit)) limitErrors.push('pageLimit must be an integer number');
		if (pageLimit < 1) limitErrors.push('pageLimit must not be less than 1');
		if (pageLimit > config.search.maxPageLimit) limitErrors.push(`pageLimit must not be greater than ${config.search.maxPageLimit}`);
		if (limitErrors.length) throw err(422, limitErrors, { error: 'Unprocessable Entity' });
		let page: Rec[];
		if (Array.isArray(b.searchAfter) && b.searchAfter.length) {
			const [, afterId] = b.searchAfter;
			const anchor = state.contacts.get(String(afterId));
			let idx: number;
			if (anchor) idx = rows.findIndex((c) => cmp(c, anchor) > 0);
			else {
				// anchor deleted since: compare on the primary sort value + id
				const [afterVal] = b.searchAfter;
				idx = rows.findIndex((c) => {
					const k = sortKey(c, sort[0].field);
					return sort[0].direction === 'asc' ? k > afterVal || (k === afterVal && c.id > afterId) : k < afterVal || (k === afterVal && c.id > afterId);
				});
			}
			page = idx < 0 ? [] : rows.slice(idx, idx + pageLimit);
		} else {
			const p = b.page ?? 1;
			if (!Number.isInteger(p) || p < 1) throw err(422, ['page must not be less than 1'], { error: 'Unprocessable Entity' });
			if (p * pageLimit > config.search.maxPageWindow) {
				throw badRequest(`page * pageLimit must not exceed ${config.search.maxPageWindow}; use searchAfter for deeper pagination`);
			}
			page = rows.slice((p - 1) * pageLimit, p * pageLimit);
		}
		return {
			contacts: page.map((c) => ({ ...publicContact(c), searchAfter: [sortKey(c, sort[0].field), c.id] })),
			total,
		};
	}

	// ------------------------------------------------------------ handlers
	type Handler = (ctx: Ctx) => { status?: number; body: unknown } | Rec;
	const ok = (body: unknown, status = 200) => ({ status, body, __result: true });

	const handlers: Record<string, Handler> = {
		// ---- contacts
		'POST /contacts/': (ctx) => {
			const loc = assertLocation(ctx.auth, ctx.body.locationId);
			if (!loc.settings.allowDuplicateContact) {
				const d = findDuplicate(loc, ctx.body);
				if (d) throw duplicateError(d);
			}
			const c = contactFrom(ctx.body);
			state.contacts.set(c.id, c);
			return ok({ contact: publicContact(c) }, 201);
		},
		'POST /contacts/upsert': (ctx) => {
			const loc = assertLocation(ctx.auth, ctx.body.locationId);
			const createNew = ctx.body.createNewIfDuplicateAllowed === true && loc.settings.allowDuplicateContact;
			const d = createNew ? undefined : findDuplicate(loc, ctx.body);
			if (d) {
				const { locationId, ...rest } = ctx.body;
				void locationId;
				// keep the matched identity; the other field is ignored if it belongs to another contact
				const other = findDuplicate(loc, rest, d.contact.id);
				if (other && other.field !== d.field) delete rest[other.field];
				const c = contactFrom(rest, d.contact);
				state.contacts.set(c.id, c);
				return ok({ new: false, contact: publicContact(c), traceId: newId(36) });
			}
			const c = contactFrom(ctx.body);
			state.contacts.set(c.id, c);
			return ok({ new: true, contact: publicContact(c), traceId: newId(36) });
		},
		// Look-up by email or phone (the spec's "duplicate contact" search): the contact or null.
		'GET /contacts/search/duplicate': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(ctx.auth, locationId);
			const email = ctx.query.get('email');
			const number = ctx.query.get('number');
			const match = [...state.contacts.values()].find(
				(c) => c.locationId === locationId && ((email && lower(c.email) === lower(email)) || (number && samePhone(c.phone, number))),
			);
			return ok({ contact: match ? publicContact(match) : null });
		},
		'GET /contacts/{contactId}': (ctx) => ok({ contact: publicContact(contactOf(ctx)) }),
		'PUT /contacts/{contactId}': (ctx) => {
			const c = contactOf(ctx);
			const loc = state.locations.get(c.locationId)!;
			if (!loc.settings.allowDuplicateContact) {
				const d = findDuplicate(loc, ctx.body, c.id);
				if (d) throw duplicateError(d);
			}
			const updated = contactFrom(ctx.body, c);
			state.contacts.set(c.id, updated);
			return ok({ succeded: true, contact: publicContact(updated) });
		},
		'DELETE /contacts/{contactId}': (ctx) => {
			const c = contactOf(ctx);
			state.contacts.delete(c.id);
			for (const [id, t] of state.tasks) if (t.contactId === c.id) state.tasks.delete(id);
			for (const [id, n] of state.notes) if (n.contactId === c.id) state.notes.delete(id);
			return ok({ succeded: true });
		},
		'POST /contacts/search': (ctx) => ok(search(ctx)),
		// Deprecated list (n8n's built-in node pages through it). The spec's DTO has no cursor; `meta`
		// follows HighLevel's v1 docs ({total, startAfterId, startAfter}). Oldest first.
		'GET /contacts/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(ctx.auth, locationId);
			const limit = Number(ctx.query.get('limit') ?? 20);
			if (limit > 100) throw err(422, ['limit must not be greater than 100'], { error: 'Unprocessable Entity' });
			const q = ctx.query.get('query')?.toLowerCase();
			const at = (c: Rec) => Date.parse(c.dateAdded);
			const rows = [...state.contacts.values()]
				.filter((c) => c.locationId === locationId && (!q || [c.name, c.email, c.phone].some((x) => typeof x === 'string' && x.toLowerCase().includes(q))))
				.sort((x, y) => at(x) - at(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
			const afterId = ctx.query.get('startAfterId');
			const after = Number(ctx.query.get('startAfter'));
			const start = afterId ? rows.findIndex((c) => at(c) > after || (at(c) === after && c.id > afterId)) : 0;
			const page = start < 0 ? [] : rows.slice(start, start + limit);
			const last = page[page.length - 1];
			return ok({
				contacts: page.map(publicContact),
				count: page.length,
				meta: { total: rows.length, startAfterId: last?.id ?? null, startAfter: last ? at(last) : null },
			});
		},
		'GET /contacts/business/{businessId}': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(ctx.auth, locationId);
			const q = ctx.query.get('query')?.toLowerCase();
			const rows = [...state.contacts.values()].filter(
				(c) => c.locationId === locationId && c.businessId === ctx.params.businessId && (!q || [c.name, c.email, c.phone].some((x) => typeof x === 'string' && x.toLowerCase().includes(q))),
			);
			const skip = Number(ctx.query.get('skip') ?? 0);
			const limit = Number(ctx.query.get('limit') ?? 25);
			return ok({ contacts: rows.slice(skip, skip + limit).map(publicContact), count: rows.length });
		},
		'POST /contacts/{contactId}/tags': (ctx) => {
			const c = contactOf(ctx);
			c.tags = normTags([...c.tags, ...ctx.body.tags]);
			for (const t of c.tags) ensureLocationTag(c.locationId, t);
			c.dateUpdated = iso();
			return ok({ tags: [...c.tags] }, 201);
		},
		'DELETE /contacts/{contactId}/tags': (ctx) => {
			const c = contactOf(ctx);
			const remove = new Set(normTags(ctx.body.tags));
			c.tags = c.tags.filter((t: string) => !remove.has(t));
			c.dateUpdated = iso();
			return ok({ tags: [...c.tags] });
		},
		// ---- tasks
		'GET /contacts/{contactId}/tasks': (ctx) => {
			const c = contactOf(ctx);
			return ok({ tasks: [...state.tasks.values()].filter((t) => t.contactId === c.id).map(publicTask) });
		},
		'POST /contacts/{contactId}/tasks': (ctx) => {
			const c = contactOf(ctx);
			const t = { id: newId(), contactId: c.id, locationId: c.locationId, body: '', ...ctx.body, dateAdded: iso(), dateUpdated: iso() };
			state.tasks.set(t.id, t);
			return ok({ task: publicTask(t) }, 201);
		},
		'GET /contacts/{contactId}/tasks/{taskId}': (ctx) => ok({ task: publicTask(taskOf(ctx)) }),
		'PUT /contacts/{contactId}/tasks/{taskId}': (ctx) => {
			const t = Object.assign(taskOf(ctx), ctx.body, { dateUpdated: iso() });
			return ok({ task: publicTask(t) });
		},
		'PUT /contacts/{contactId}/tasks/{taskId}/completed': (ctx) => {
			const t = Object.assign(taskOf(ctx), { completed: ctx.body.completed, dateUpdated: iso() });
			return ok({ task: publicTask(t) });
		},
		'DELETE /contacts/{contactId}/tasks/{taskId}': (ctx) => {
			state.tasks.delete(taskOf(ctx).id);
			return ok({ succeded: true });
		},
		// ---- notes
		'GET /contacts/{contactId}/notes': (ctx) => {
			const c = contactOf(ctx);
			return ok({ notes: [...state.notes.values()].filter((n) => n.contactId === c.id).map(publicNote) });
		},
		'POST /contacts/{contactId}/notes': (ctx) => {
			const c = contactOf(ctx);
			const n = { id: newId(), contactId: c.id, locationId: c.locationId, ...ctx.body, dateAdded: iso() };
			state.notes.set(n.id, n);
			return ok({ note: publicNote(n) }, 201);
		},
		'GET /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: publicNote(noteOf(ctx)) }),
		'PUT /contacts/{contactId}/notes/{id}': (ctx) => ok({ note: publicNote(Object.assign(noteOf(ctx), ctx.body)) }),
		'DELETE /contacts/{contactId}/notes/{id}': (ctx) => {
			state.notes.delete(noteOf(ctx).id);
			return ok({ succeded: true });
		},
		'GET /contacts/{contactId}/appointments': (ctx) => {
			const c = contactOf(ctx);
			const events = [...state.appointments.values()].filter((e) => e.contactId === c.id).sort((a, b) => a.startMs - b.startMs);
			return ok({ events: events.map(publicEvent) });
		},
		// ---- calendars
		'GET /calendars/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(ctx.auth, locationId);
			const groupId = ctx.query.get('groupId');
			const cals = [...state.calendars.values()].filter((c) => c.locationId === locationId && (!groupId || c.groupId === groupId));
			return ok({ calendars: clone(cals) });
		},
		'GET /calendars/{calendarId}': (ctx) => ok({ calendar: clone(getOwned(state.calendars, ctx.params.calendarId, 'Calendar', ctx.auth)) }),
		'GET /calendars/{calendarId}/free-slots': (ctx) => {
			const cal = getOwned(state.calendars, ctx.params.calendarId, 'Calendar', ctx.auth);
			const start = Number(ctx.query.get('startDate'));
			const end = Number(ctx.query.get('endDate'));
			if (end < start) throw badRequest('endDate must be after startDate');
			if (end - start > 31 * 86_400_000) throw badRequest('Date range cannot be more than 31 days');
			const tz = ctx.query.get('timezone');
			if (tz && !validTz(tz)) throw badRequest(`Invalid timezone ${tz}`);
			const slots = freeSlots(cal, start, end, calendarTz(cal, tz), ctx.query.get('userId') ?? undefined);
			const body: Rec = {};
			for (const [day, list] of Object.entries(slots)) body[day] = { slots: list };
			body.traceId = newId(36);
			return ok(body);
		},
		'POST /calendars/events/appointments': (ctx) => {
			const b = ctx.body;
			const loc = assertLocation(ctx.auth, b.locationId);
			const cal = state.calendars.get(b.calendarId);
			if (!cal || cal.locationId !== loc.id) throw notFound('Calendar');
			const contact = state.contacts.get(b.contactId);
			if (!contact || contact.locationId !== loc.id) throw notFound('Contact');
			const start = Date.parse(b.startTime);
			if (Number.isNaN(start)) throw badRequest('startTime must be a valid ISO 8601 date string');
			if (b.endTime !== undefined && Number.isNaN(Date.parse(b.endTime))) throw badRequest('endTime must be a valid ISO 8601 date string');
			if (!b.ignoreFreeSlotValidation) assertSlotFree(cal, start, undefined, b.assignedUserId);
			const e = eventFrom(b, cal);
			state.appointments.set(e.id, e);
			return ok(appointmentResponse(e)); // the spec declares 200 (not 201) here
		},
		'GET /calendars/events/appointments/{eventId}': (ctx) => ok({ event: publicEvent(getOwned(state.appointments, ctx.params.eventId, 'Event', ctx.auth)) }),
		'PUT /calendars/events/appointments/{eventId}': (ctx) => {
			const e = getOwned(state.appointments, ctx.params.eventId, 'Event', ctx.auth);
			const b = ctx.body;
			const cal = state.calendars.get(b.calendarId ?? e.calendarId);
			if (!cal || cal.locationId !== e.locationId) throw notFound('Calendar');
			if (b.startTime !== undefined) {
				const start = Date.parse(b.startTime);
				if (Number.isNaN(start)) throw badRequest('startTime must be a valid ISO 8601 date string');
				if (!b.ignoreFreeSlotValidation && start !== e.startMs) assertSlotFree(cal, start, e.id, b.assignedUserId);
			}
			const updated = eventFrom(b, cal, e);
			state.appointments.set(e.id, updated);
			return ok(appointmentResponse(updated));
		},
		'DELETE /calendars/events/{eventId}': (ctx) => {
			const e = getOwned(state.appointments, ctx.params.eventId, 'Event', ctx.auth);
			state.appointments.delete(e.id);
			return ok({ succeeded: true }, 201);
		},
		// ---- locations, users
		'GET /locations/{locationId}': (ctx) => {
			const loc = assertLocation(ctx.auth, ctx.params.locationId);
			const { duplicateContactSequence, ...pub } = loc;
			void duplicateContactSequence;
			return ok({ location: clone(pub) });
		},
		'GET /locations/{locationId}/customFields': (ctx) => {
			const loc = assertLocation(ctx.auth, ctx.params.locationId);
			const model = ctx.query.get('model');
			const list = [...state.customFields.values()].filter((f) => f.locationId === loc.id && (!model || model === 'all' || f.model === model));
			return ok({ customFields: clone(list) });
		},
		'GET /locations/{locationId}/tags': (ctx) => {
			const loc = assertLocation(ctx.auth, ctx.params.locationId);
			return ok({ tags: clone([...state.tags.values()].filter((t) => t.locationId === loc.id)) });
		},
		'GET /users/': (ctx) => {
			const locationId = ctx.query.get('locationId')!;
			assertLocation(ctx.auth, locationId);
			const users = [...state.users.values()].filter((u) => !u.deleted && u.roles.locationIds.includes(locationId));
			return ok({ users: users.map((u) => { const { companyId, ...rest } = clone(u); void companyId; return rest; }) });
		},
		// ---- oauth (Company token endpoints; /oauth/token is handled separately)
		'POST /oauth/locationToken': (ctx) => {
			const auth = ctx.auth!;
			const { companyId, locationId } = ctx.body;
			if (companyId !== auth.companyId) throw err(403, 'The token does not have access to this company.');
			const loc = state.locations.get(locationId);
			if (!loc || loc.companyId !== companyId) throw badRequest('Location not found');
			const client = state.clients.get(auth.clientId);
			if (client && !isInstalled(client, locationId)) throw badRequest('This app is not installed on the location');
			const res = issueTokens(
				{ userType: 'Location', locationId, companyId, clientId: auth.clientId, versionId: client?.versionId, userId: auth.userId, scopes: auth.scopes },
				{ refresh: false },
			);
			delete res.userType;
			delete res.companyId;
			res.appId = client?.appId;
			res.versionId = client?.versionId;
			return ok(res);
		},
		'GET /oauth/installedLocations': (ctx) => {
			const auth = ctx.auth!;
			const companyId = ctx.query.get('companyId')!;
			if (companyId !== auth.companyId) throw err(403, 'The token does not have access to this company.');
			const client = [...state.clients.values()].find((c) => c.appId === ctx.query.get('appId'));
			if (!client) throw badRequest('App not found');
			const isInstalledQ = ctx.query.get('isInstalled');
			const q = ctx.query.get('query')?.toLowerCase();
			const onlyLocation = ctx.query.get('locationId');
			let rows = [...state.locations.values()]
				.filter((l) => l.companyId === companyId && (!q || String(l.name).toLowerCase().includes(q)) && (!onlyLocation || l.id === onlyLocation))
				.map((l) => ({
					_id: l.id,
					name: l.name,
					address: [l.address, l.city, l.state, l.postalCode, l.country].filter(Boolean).join(', '),
					isInstalled: isInstalled(client, l.id),
					versionId: client.versionId,
				}));
			if (isInstalledQ !== null) rows = rows.filter((r) => r.isInstalled === (isInstalledQ === 'true'));
			const skip = Number(ctx.query.get('skip') ?? 0);
			const limit = Number(ctx.query.get('limit') ?? 20);
			return ok({ locations: rows.slice(skip, skip + limit), count: rows.length, installToFutureLocations: client.installToFutureLocations });
		},
	};

	function publicTask(t: Rec): Rec {
		return { id: t.id, title: t.title, body: t.body, assignedTo: t.assignedTo, dueDate: t.dueDate, completed: Boolean(t.completed), contactId: t.contactId };
	}
	function taskOf(ctx: Ctx): Rec {
		const c = contactOf(ctx);
		const t = state.tasks.get(ctx.params.taskId);
		if (!t || t.contactId !== c.id) throw notFound('Task');
		return t;
	}
	function publicNote(n: Rec): Rec {
		return { id: n.id, body: n.body, userId: n.userId, dateAdded: n.dateAdded, contactId: n.contactId, title: n.title, color: n.color, pinned: n.pinned };
	}
	function noteOf(ctx: Ctx): Rec {
		const c = contactOf(ctx);
		const n = state.notes.get(ctx.params.id);
		if (!n || n.contactId !== c.id) throw notFound('Note');
		return n;
	}

	// ----------------------------------------------------------- /oauth/token
	function oauthError(status: number, error: string, description: string): HttpError {
		return new HttpError(status, { error, error_description: description, statusCode: status, message: description });
	}

	function oauthToken(body: Rec): Rec {
		const client = state.clients.get(body.client_id);
		if (!client || client.clientSecret !== body.client_secret) throw oauthError(401, 'invalid_client', 'Invalid client: client credentials are invalid');
		if (body.grant_type === 'authorization_code') {
			if (!body.code) throw oauthError(400, 'invalid_request', 'Missing parameter: `code`');
			const rec = state.authCodes.get(body.code);
			if (!rec || rec.used || rec.grant.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid grant: authorization code is invalid');
			if (now() >= rec.expiresAt) throw oauthError(400, 'invalid_grant', 'Invalid grant: authorization code has expired');
			if (rec.redirectUri && body.redirect_uri && rec.redirectUri !== body.redirect_uri) throw oauthError(400, 'invalid_grant', 'Invalid grant: `redirect_uri` is invalid');
			if (body.user_type && body.user_type !== rec.grant.userType) throw oauthError(400, 'invalid_request', `Invalid user_type: the code was issued for ${rec.grant.userType}`);
			rec.used = true;
			return issueTokens(rec.grant, { refresh: true });
		}
		if (body.grant_type === 'refresh_token') {
			if (!body.refresh_token) throw oauthError(400, 'invalid_request', 'Missing parameter: `refresh_token`');
			const rec = state.refreshTokens.get(body.refresh_token);
			if (!rec || rec.revoked || rec.grant.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token is invalid');
			if (rec.usedAt !== null) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token is invalid');
			if (now() >= rec.expiresAt) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token has expired');
			if (body.user_type && body.user_type !== rec.grant.userType) throw oauthError(400, 'invalid_request', `Invalid user_type: the refresh token belongs to a ${rec.grant.userType} token`);
			rec.usedAt = now();
			const res = issueTokens(rec.grant, { refresh: true });
			rec.replacedBy = res.refresh_token;
			return res;
		}
		throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: \`grant_type\` ${body.grant_type} is not supported`);
	}

	// ------------------------------------------------------------ pipeline
	async function readBody(req: http.IncomingMessage): Promise<string> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	}

	function parseBody(raw: string, contentType: string): unknown {
		if (!raw.trim()) return undefined;
		if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
		try {
			return JSON.parse(raw);
		} catch (e) {
			throw err(400, `Unexpected token in JSON body: ${(e as Error).message}`, { error: 'Bad Request' });
		}
	}

	function queryObject(q: URLSearchParams): Record<string, string | string[]> {
		const o: Record<string, string | string[]> = {};
		for (const k of new Set(q.keys())) {
			const all = q.getAll(k);
			o[k] = all.length > 1 ? all : all[0];
		}
		return o;
	}

	function pickFault(method: string, path: string): { status: number; body?: unknown; headers?: Record<string, string> } | null {
		const i = state.faultQueue.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || path.startsWith(f.path)));
		if (i >= 0) {
			const f = state.faultQueue[i];
			f.count = (f.count ?? 1) - 1;
			if (f.count <= 0) state.faultQueue.splice(i, 1);
			return f;
		}
		const { rate429, rate500, rate502, rate503 } = config.faults;
		if (!rate429 && !rate500 && !rate502 && !rate503) return null;
		const r = rng();
		let acc = 0;
		for (const [status, rate] of [
			[429, rate429],
			[500, rate500],
			[502, rate502],
			[503, rate503],
		] as const) {
			acc += rate || 0;
			if (r < acc) return { status };
		}
		return null;
	}

	function faultBody(status: number): unknown {
		if (status === 429) return { statusCode: 429, message: MESSAGES.rateLimited };
		if (status === 500) return { statusCode: 500, message: 'Internal server error' };
		return { statusCode: status, message: STATUS_TEXT[status] ?? `HTTP ${status}` };
	}

	async function handleApi(req: http.IncomingMessage, url: URL, raw: string, entry: Partial<LogEntry>): Promise<{ status: number; body: unknown; headers: Record<string, string> }> {
		const method = req.method ?? 'GET';
		const headers: Record<string, string> = {};
		const contentType = String(req.headers['content-type'] ?? '');

		// a stand-in for marketplace.gohighlevel.com/oauth/chooselocation: approves immediately
		if (method === 'GET' && /^\/oauth\/chooselocation\/?$/.test(url.pathname)) {
			entry.route = 'GET /oauth/chooselocation';
			return chooseLocation(url);
		}

		const match = matchRoute(method, url.pathname);
		if (!match) {
			entry.route = 'UNMATCHED';
			throw err(404, `Cannot ${method} ${url.pathname}`, { error: 'Not Found' });
		}
		const { op, params } = match;
		entry.route = op.key;

		if (op.key === 'POST /oauth/token') {
			const body = (parseBody(raw, contentType) ?? {}) as Rec;
			entry.body = { ...body, client_secret: body.client_secret ? '***' : undefined };
			const errors = validateBody(op.body?.schema, body);
			if (errors.length) throw err(422, errors, { error: 'Unprocessable Entity' });
			return { status: 200, body: oauthToken(body), headers };
		}

		// rate limiting (keyed by the token's client + location/company) and fault injection
		const lenientAuth = authenticate(req.headers.authorization, true);
		const rl = rateLimit(lenientAuth?.rateKey ?? `anonymous:${req.socket.remoteAddress}`);
		Object.assign(headers, rl.headers);
		if (lenientAuth) Object.assign(entry, { clientId: lenientAuth.clientId, authClass: lenientAuth.authClass, locationId: lenientAuth.locationId, companyId: lenientAuth.companyId });
		if (rl.limited) {
			entry.fault = 'rate-limit';
			throw new HttpError(429, faultBody(429), headers);
		}

		// Version header
		if (op.versions) {
			const v = req.headers['version'];
			if (!v) throw new HttpError(400, { statusCode: 400, message: MESSAGES.versionMissing, error: 'Bad Request' }, headers);
			if (!op.versions.includes(String(v))) {
				throw new HttpError(400, { statusCode: 400, message: `${MESSAGES.versionInvalid}: expected ${op.versions.join(' or ')}`, error: 'Bad Request' }, headers);
			}
		}

		// authentication, auth class and scopes
		let auth: Auth | undefined;
		if (op.security.length) {
			try {
				auth = authenticate(req.headers.authorization);
			} catch (e) {
				if (e instanceof HttpError) Object.assign(e.headers, headers);
				throw e;
			}
			const allowed = op.security.filter((s) => (SCHEME_CLASSES[s.scheme] ?? ['Location']).includes(auth!.authClass));
			if (!allowed.length) throw new HttpError(401, { statusCode: 401, message: MESSAGES.authClass }, headers);
			const scoped = allowed.some((s) => s.scopes.every((sc) => auth!.scopes.includes(sc)));
			if (!scoped) throw new HttpError(401, { statusCode: 401, message: MESSAGES.scope }, headers);
		}

		const fault = pickFault(method, url.pathname);
		if (fault) {
			entry.fault = `injected-${fault.status}`;
			throw new HttpError(fault.status, fault.body ?? faultBody(fault.status), { ...headers, ...(fault.headers ?? {}) });
		}

		if (!op.implemented) throw new HttpError(501, { statusCode: 501, message: `fake-ghl does not implement ${op.key}` }, headers);

		// body + query
		let body: any = parseBody(raw, contentType);
		entry.body = body;
		const problems: string[] = validateQuery(op.query ?? [], url.searchParams);
		if (op.body || op.key === 'POST /contacts/search') {
			const schema = op.key === 'POST /contacts/search' ? SEARCH_BODY_SCHEMA : op.body!.schema;
			if (body === undefined && method === 'DELETE' && !(schema.required ?? []).length) body = {};
			problems.push(...validateBody(schema, body ?? {}));
		}
		// location-level access is checked before the payload is validated
		const locationRef = params.locationId ?? url.searchParams.get('locationId') ?? (typeof body?.locationId === 'string' ? body.locationId : undefined);
		if (auth && locationRef && op.key !== 'POST /oauth/locationToken' && op.key !== 'GET /oauth/installedLocations') {
			try {
				assertLocation(auth, locationRef);
			} catch (e) {
				if (e instanceof HttpError) Object.assign(e.headers, headers);
				throw e;
			}
		}
		if (problems.length) throw new HttpError(422, { statusCode: 422, message: problems, error: 'Unprocessable Entity' }, headers);

		const handler = handlers[op.key];
		try {
			const result = handler({ op, params, query: url.searchParams, body: body ?? {}, auth, headers: req.headers }) as Rec;
			return { status: result.status ?? 200, body: result.body, headers };
		} catch (e) {
			if (e instanceof HttpError) Object.assign(e.headers, headers);
			throw e;
		}
	}

	function chooseLocation(url: URL): { status: number; body: unknown; headers: Record<string, string> } {
		const q = url.searchParams;
		const client = state.clients.get(q.get('client_id') ?? '');
		if (!client) throw badRequest('Invalid client_id');
		const redirect = q.get('redirect_uri');
		if (!redirect) throw badRequest('redirect_uri is required');
		if (client.redirectUris.length && !client.redirectUris.includes(redirect)) throw badRequest('redirect_uri is not registered for this app');
		const install = client.defaultInstall ?? {};
		const code = createAuthCode({
			clientId: client.clientId,
			userType: q.get('user_type') === 'Company' ? 'Company' : install.userType,
			locationId: q.get('location_id') ?? install.locationId,
			companyId: install.companyId,
			scopes: q.get('scope')?.split(/\s+/).filter(Boolean),
			redirectUri: redirect,
		});
		const target = new URL(redirect);
		target.searchParams.set('code', code);
		if (q.get('state') !== null) target.searchParams.set('state', q.get('state')!);
		return { status: 302, body: '', headers: { Location: target.toString() } };
	}

	// ---------------------------------------------------------------- admin
	function snapshot(collection?: string): Rec {
		const out: Rec = {};
		const maps = ['companies', 'locations', 'users', 'contacts', 'tasks', 'notes', 'calendars', 'appointments', 'customFields', 'tags', 'clients', 'authCodes', 'accessTokens', 'refreshTokens', 'privateTokens', 'rateBuckets'] as const;
		for (const k of maps) {
			if (collection && collection !== k) continue;
			out[k] = [...(state[k] as Map<string, Rec>).entries()].map(([key, v]) => (k === 'rateBuckets' ? { key, ...v } : clone(v)));
		}
		if (!collection || collection === 'faultQueue') out.faultQueue = clone(state.faultQueue);
		if (!collection) {
			out.clockOffsetMs = state.clockOffsetMs;
			out.now = iso();
			out.counts = clone(state.counts);
		}
		return out;
	}

	function requests(filter: { path?: string; route?: string; method?: string; sinceSeq?: number } = {}): LogEntry[] {
		return state.requestLog.filter(
			(e) =>
				(!filter.path || e.path === filter.path || (filter.path.endsWith('*') && e.path.startsWith(filter.path.slice(0, -1)))) &&
				(!filter.route || e.route === filter.route) &&
				(!filter.method || e.method === filter.method.toUpperCase()) &&
				(filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
		);
	}

	function setConfig(patch: DeepPartial<FakeGhlConfig>): FakeGhlConfig {
		config = deepMerge(config, patch);
		api.config = config;
		if (patch.faults && 'seed' in patch.faults) setRng();
		return config;
	}

	function injectFault(f: ScriptedFault): void {
		if (!f || typeof f.status !== 'number') throw badRequest('fault.status (number) is required');
		state.faultQueue.push({ ...f, count: f.count ?? 1 });
	}

	function handleAdmin(method: string, url: URL, raw: string): { status: number; body: unknown } {
		let body: Rec = {};
		try {
			if (raw.trim()) body = JSON.parse(raw);
		} catch (e) {
			throw badRequest(`admin body is not JSON: ${(e as Error).message}`);
		}
		const p = url.pathname.replace(/\/+$/, '');
		const route = `${method} ${p}`;
		switch (route) {
			case 'GET /__admin':
			case 'GET /__admin/health':
				return { status: 200, body: { ok: true, url: api.url, now: iso() } };
			case 'POST /__admin/reset':
				reset(body.seed);
				if (body.config) setConfig(body.config);
				return { status: 200, body: { ok: true } };
			case 'POST /__admin/seed':
				return { status: 201, body: seed(body.seed ?? body) };
			case 'GET /__admin/state':
				return { status: 200, body: snapshot(url.searchParams.get('collection') ?? undefined) };
			case 'GET /__admin/requests': {
				const sp = url.searchParams;
				let rows = requests({ path: sp.get('path') ?? undefined, route: sp.get('route') ?? undefined, method: sp.get('method') ?? undefined, sinceSeq: sp.has('since') ? Number(sp.get('since')) : undefined });
				if (sp.has('limit')) rows = rows.slice(-Number(sp.get('limit')));
				return { status: 200, body: { requests: rows, counts: state.counts } };
			}
			case 'GET /__admin/requests/counts':
				return { status: 200, body: state.counts };
			case 'DELETE /__admin/requests':
				clearRequests();
				return { status: 200, body: { ok: true } };
			case 'GET /__admin/config':
				return { status: 200, body: config };
			case 'PUT /__admin/config':
			case 'PATCH /__admin/config':
			case 'POST /__admin/config':
				return { status: 200, body: setConfig(body) };
			case 'POST /__admin/faults':
				for (const f of Array.isArray(body) ? body : [body]) injectFault(f);
				return { status: 201, body: { queued: state.faultQueue } };
			case 'DELETE /__admin/faults':
				state.faultQueue.length = 0;
				setConfig({ faults: { rate429: 0, rate500: 0, rate502: 0, rate503: 0 } });
				return { status: 200, body: { ok: true } };
			case 'POST /__admin/rate-limit/reset':
				state.rateBuckets.clear();
				return { status: 200, body: { ok: true } };
			case 'POST /__admin/tokens':
				return { status: 201, body: mintToken(body) };
			case 'POST /__admin/tokens/revoke': {
				const t = String(body.token ?? '');
				const r = state.refreshTokens.get(t);
				if (r) r.revoked = true;
				const jti = (() => {
					try {
						return JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString()).jti;
					} catch {
						return undefined;
					}
				})();
				const a = jti ? state.accessTokens.get(jti) : undefined;
				if (a) a.revoked = true;
				return { status: 200, body: { revoked: Boolean(r || a) } };
			}
			case 'POST /__admin/oauth/codes':
				return { status: 201, body: { code: createAuthCode(body) } };
			case 'POST /__admin/clock':
				if (typeof body.offsetMs === 'number') state.clockOffsetMs = body.offsetMs;
				if (typeof body.advanceMs === 'number') state.clockOffsetMs += body.advanceMs;
				return { status: 200, body: { offsetMs: state.clockOffsetMs, now: iso() } };
		}
		throw err(404, `Unknown admin endpoint ${route}`, { error: 'Not Found' });
	}

	function clearRequests(): void {
		state.requestLog.length = 0;
		state.counts = { total: 0, byRoute: {}, byPath: {}, byStatus: {} };
	}

	function record(entry: LogEntry): void {
		state.requestLog.push(entry);
		if (state.requestLog.length > config.requestLogLimit) state.requestLog.splice(0, state.requestLog.length - config.requestLogLimit);
		const c = state.counts;
		c.total++;
		const pathKey = `${entry.method} ${entry.path}`;
		c.byRoute[entry.route] = (c.byRoute[entry.route] ?? 0) + 1;
		c.byPath[pathKey] = (c.byPath[pathKey] ?? 0) + 1;
		c.byStatus[entry.status] = (c.byStatus[entry.status] ?? 0) + 1;
		if (config.logToStdout) console.log(`[fake-ghl] ${entry.method} ${entry.path} -> ${entry.status}${entry.fault ? ` (${entry.fault})` : ''} ${entry.durationMs.toFixed(1)}ms`);
	}

	const LOGGED_HEADERS = ['version', 'content-type', 'accept', 'user-agent'];

	const server = http.createServer(async (req, res) => {
		const started = performance.now();
		const url = new URL(req.url ?? '/', 'http://fake-ghl.local');
		const method = req.method ?? 'GET';
		let raw = '';
		try {
			raw = await readBody(req);
		} catch {
			/* client went away */
		}
		const send = (status: number, body: unknown, headers: Record<string, string>) => {
			if (res.headersSent) return;
			const payload = typeof body === 'string' ? body : JSON.stringify(body);
			res.writeHead(status, {
				...(typeof body === 'string' && status === 302 ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
				'Content-Length': Buffer.byteLength(payload),
				...headers,
			});
			res.end(payload);
		};

		if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) {
			try {
				const r = handleAdmin(method, url, raw);
				send(r.status, r.body, {});
			} catch (e) {
				if (e instanceof HttpError) send(e.status, e.body, e.headers);
				else send(500, { statusCode: 500, message: String((e as Error).message ?? e) }, {});
			}
			return;
		}

		const seq = ++state.seq;
		const entry: Partial<LogEntry> = {
			seq,
			time: iso(),
			method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: Object.fromEntries(LOGGED_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, String(req.headers[h])])),
			body: undefined,
		};
		if (req.headers.authorization) entry.headers!.authorization = String(req.headers.authorization).slice(0, 16) + '…';
		let result: { status: number; body: unknown; headers: Record<string, string> };
		try {
			result = await handleApi(req, url, raw, entry);
		} catch (e) {
			if (e instanceof HttpError) result = { status: e.status, body: e.body, headers: e.headers };
			else {
				console.error('[fake-ghl] internal error', e);
				result = { status: 500, body: { statusCode: 500, message: `fake-ghl internal error: ${(e as Error).message}` }, headers: {} };
			}
		}
		const { minMs, maxMs } = config.latency;
		if (maxMs > 0 || minMs > 0) {
			const delay = minMs + Math.random() * Math.max(0, maxMs - minMs);
			await new Promise((r) => setTimeout(r, delay));
		}
		entry.status = result.status;
		entry.responseBody = result.body;
		entry.durationMs = performance.now() - started;
		entry.route ??= 'UNMATCHED';
		record(entry as LogEntry);
		send(result.status, result.body, result.headers);
	});
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const addr = server.address() as AddressInfo;
	const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

	const api: FakeGhl = {
		url: `http://${host}:${addr.port}`,
		port: addr.port,
		state,
		config,
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
		reset,
		seed,
		mintToken,
		createAuthCode,
		setConfig,
		injectFault,
		advanceClock: (ms: number) => (state.clockOffsetMs += ms),
		now,
		requests,
		counts: () => state.counts,
		clearRequests,
		snapshot,
	};
	if (options.seed) seed(options.seed);
	return api;
}
