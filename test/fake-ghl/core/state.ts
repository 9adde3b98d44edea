/**
 * The fake's state: the empty state, the Core every module works on, and the records other
 * records hang off (companies, locations and their tags, OAuth apps and where they are installed).
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_CONFIG, DEFAULT_IDS } from './constants.ts';
import { ALL_SCOPES } from './routing.ts';
import type { Core, FakeGhlOptions, FakeState, Rec } from './types.ts';
import { clone, deepMerge, mulberry32, newId } from './util.ts';
import { emptyHooks } from './webhooks.ts';

export function emptyState(): FakeState {
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
		pipelines: new Map(),
		lostReasons: new Map(),
		opportunities: new Map(),
		workflows: new Map(),
		campaigns: new Map(),
		workflowEnrolments: new Map(),
		campaignEnrolments: new Map(),
		conversations: new Map(),
		messages: new Map(),
		rateBuckets: new Map(),
		requestLog: [],
		counts: { total: 0, byRoute: {}, byPath: {}, byStatus: {} },
		faultQueue: [],
		clockOffsetMs: 0,
		seq: 0,
	};
}

export function createCore(options: FakeGhlOptions): Core {
	const initialConfig = deepMerge(clone(DEFAULT_CONFIG), options.config ?? {});
	const state = emptyState();
	const core: Core = {
		state,
		config: clone(initialConfig),
		initialConfig,
		secret: options.jwtSecret ?? randomBytes(32).toString('hex'),
		rng: Math.random,
		now: () => Date.now() + state.clockOffsetMs,
		iso: (ms = core.now()) => new Date(ms).toISOString(),
		url: '',
		hooks: emptyHooks(),
	};
	setRng(core);
	return core;
}

/** The fault rates' random source: seeded by config.faults.seed, else Math.random. */
export function setRng(core: Core): void {
	const seed = core.config.faults.seed;
	core.rng = seed === null || seed === undefined ? Math.random : mulberry32(Number(seed));
}

export function ensureCompany(core: Core, id: string | undefined): Rec {
	const cid = id ?? DEFAULT_IDS.companyId;
	let c = core.state.companies.get(cid);
	if (!c) {
		c = { id: cid, name: `Company ${cid}` };
		core.state.companies.set(cid, c);
	}
	return c;
}

export function addLocation(core: Core, input: Rec): Rec {
	const id = input.id ?? newId();
	const company = ensureCompany(core, input.companyId);
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
	core.state.locations.set(id, loc);
	return loc;
}

export function ensureLocationTag(core: Core, locationId: string, name: string): void {
	for (const t of core.state.tags.values()) if (t.locationId === locationId && t.name === name) return;
	const id = newId();
	core.state.tags.set(id, { id, name, locationId });
}

export function addClient(core: Core, input: Rec): Rec {
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
	core.state.clients.set(clientId, client);
	return client;
}

export function defaultClient(core: Core): Rec {
	const first = core.state.clients.values().next().value;
	return first ?? addClient(core, { clientId: DEFAULT_IDS.clientId, clientSecret: DEFAULT_IDS.clientSecret, name: 'fake-ghl default app' });
}

export function isInstalled(core: Core, client: Rec, locationId: string): boolean {
	const loc = core.state.locations.get(locationId);
	if (!loc) return false;
	if (!client.installs) return true;
	return client.installs.some((i: Rec) => i.companyId === loc.companyId && (!i.locationIds || i.locationIds.includes(locationId)));
}
