/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Outgoing GHL webhooks for the fake's own contact and opportunity changes (README.md, "Webhooks"):
 * which events a change fires, their payloads (the webhook-event docs' fields of the stored
 * record plus type, timestamp, webhookId), the Ed25519 signature (`x-ghl-signature`, base64 over
 * the raw body), and the settings. Sending them: delivery.ts.
 * Off (no targets) by default: then every hook below returns at once.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Core, Rec } from './types.ts';
import { badRequest, clone } from './util.ts';

export interface WebhookTarget {
	url: string;
	/** only these event types (all when omitted) */
	events?: string[];
	/** only this location's events (all when omitted) */
	locationId?: string;
}
export interface Delivery {
	seq: number;
	type: string;
	/** the contact's or opportunity's id */
	id: string;
	locationId: string;
	webhookId: string;
	url: string;
	/** the target's HTTP status; 0 when it could not be reached or timed out */
	status: number;
	ok: boolean;
	error?: string;
	/** when it was sent (ISO 8601, real time) */
	time: string;
	durationMs: number;
}
export interface Job {
	url: string;
	type: string;
	id: string;
	locationId: string;
	webhookId: string;
	body: string;
	signature: string;
}
export interface Hooks {
	targets: WebhookTarget[];
	key?: KeyObject;
	publicKeyPem?: string;
	delayMs: number;
	concurrency: number;
	timeoutMs: number;
	/** also send ContactUpdate / OpportunityUpdate for a write that changes nothing */
	emitUnchanged: boolean;
	/** events of the request being handled; sent once its answer is out */
	outbox: Job[];
	/** due, waiting for a free slot */
	queue: Job[];
	active: number;
	timers: Set<ReturnType<typeof setTimeout>>;
	controllers: Set<AbortController>;
	deliveries: Delivery[];
	seq: number;
	stats: { queued: number; delivered: number; failed: number };
}

export function emptyHooks(): Hooks {
	return { targets: [], delayMs: 50, concurrency: 4, timeoutMs: 5000, emitUnchanged: false, outbox: [], queue: [], active: 0, timers: new Set(), controllers: new Set(), deliveries: [], seq: 0, stats: { queued: 0, delivered: 0, failed: 0 } };
}

/** Cancels what is pending or in flight (close, reset). */
export function stopWebhooks(hooks: Hooks): void {
	for (const t of hooks.timers) clearTimeout(t);
	for (const c of hooks.controllers) c.abort();
	hooks.timers.clear();
	hooks.outbox.length = 0;
	hooks.queue.length = 0;
}

/** PUT /__admin/webhooks: replaces the settings; the key is kept (or generated) when none is given. */
export function configureWebhooks(core: Core, body: Rec): Rec {
	const h = core.hooks;
	const targets = body.targets ?? [];
	if (!Array.isArray(targets) || targets.some((t) => !t || typeof t.url !== 'string' || !/^https?:\/\//.test(t.url))) {
		throw badRequest('targets must be a list of {url (http or https), events?, locationId?}');
	}
	if (body.privateKeyPem !== undefined) {
		try {
			h.key = createPrivateKey(String(body.privateKeyPem));
		} catch (e) {
			throw badRequest(`privateKeyPem is not a private key: ${(e as Error).message}`);
		}
		if (h.key.asymmetricKeyType !== 'ed25519') throw badRequest('privateKeyPem must be an Ed25519 key');
	}
	h.key ??= generateKeyPairSync('ed25519').privateKey;
	h.publicKeyPem = createPublicKey(h.key).export({ type: 'spki', format: 'pem' }).toString();
	h.targets = targets.map((t: Rec) => ({ url: t.url, events: t.events, locationId: t.locationId }));
	h.delayMs = Math.max(0, Number(body.delayMs ?? 50));
	h.concurrency = Math.max(1, Number(body.concurrency ?? 4));
	h.timeoutMs = Math.max(1, Number(body.timeoutMs ?? 5000));
	h.emitUnchanged = body.emitUnchanged === true;
	return webhookSettings(core);
}

export function webhookSettings(core: Core): Rec {
	const h = core.hooks;
	return { targets: clone(h.targets), delayMs: h.delayMs, concurrency: h.concurrency, timeoutMs: h.timeoutMs, emitUnchanged: h.emitUnchanged, publicKeyPem: h.publicKeyPem ?? null, pending: h.outbox.length + h.timers.size + h.queue.length + h.active, stats: { ...h.stats } };
}

export const webhooksOn = (core: Core) => core.hooks.targets.length > 0;
/** A copy of a record before it changes, only when webhooks are on (nothing to diff otherwise). */
export const before = (core: Core, rec: Rec | undefined): Rec | undefined => (webhooksOn(core) && rec ? clone(rec) : undefined);

const CONTACT_FIELDS = ['locationId', 'id', 'address1', 'city', 'state', 'companyName', 'country', 'source', 'dateAdded', 'dateOfBirth', 'dnd', 'email', 'name', 'firstName', 'lastName', 'phone', 'postalCode', 'tags', 'website', 'attachments', 'assignedTo', 'customFields'];
const OPPORTUNITY_FIELDS = ['locationId', 'id', 'assignedTo', 'contactId', 'monetaryValue', 'name', 'pipelineId', 'pipelineStageId', 'source', 'status'];
/** Bookkeeping that changes with every write; a write that changes only these changes nothing. */
const CONTACT_NOISE = ['dateUpdated', 'emailLowerCase', 'firstNameLowerCase', 'lastNameLowerCase', 'fullNameLowerCase'];
const OPPORTUNITY_NOISE = ['updatedAt', 'lastActionDate', 'lastStatusChangeAt', 'lastStageChangeAt', 'indexVersion'];

const pick = (rec: Rec, fields: string[]) => Object.fromEntries(fields.filter((k) => rec[k] !== undefined).map((k) => [k, clone(rec[k])]));
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const tagSet = (tags: unknown) => (Array.isArray(tags) ? [...tags].sort() : []);
/** The record without its bookkeeping, keys sorted, tags as a set: equal when nothing changed. */
const without = (rec: Rec, noise: string[]) =>
	Object.fromEntries(Object.entries({ ...rec, ...(rec.tags ? { tags: tagSet(rec.tags) } : {}) }).filter(([k]) => !noise.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1)));

function contactPayload(c: Rec, type: string): Rec {
	const out = pick(c, CONTACT_FIELDS);
	out.tags ??= [];
	out.attachments ??= [];
	out.customFields = (c.customFields ?? []).map((f: Rec) => ({ id: f.id, value: f.value }));
	if (type === 'ContactDndUpdate' && c.dndSettings) out.dndSettings = clone(c.dndSettings);
	return out;
}
function opportunityPayload(o: Rec): Rec {
	return { ...pick(o, OPPORTUNITY_FIELDS), dateAdded: o.createdAt };
}

/**
 * A contact was created (no `prev`), deleted (no `next`) or written. A write that changed
 * something sends ContactUpdate, then ContactTagUpdate if the tags changed (as a set) and
 * ContactDndUpdate if `dnd` or `dndSettings` changed.
 */
export function contactChanged(core: Core, prev: Rec | undefined, next: Rec | undefined): void {
	if (!webhooksOn(core)) return;
	if (!prev && next) return emit(core, 'ContactCreate', contactPayload(next, 'ContactCreate'));
	if (prev && !next) return emit(core, 'ContactDelete', contactPayload(prev, 'ContactDelete'));
	if (!prev || !next) return;
	const types: string[] = [];
	if (!same(without(prev, CONTACT_NOISE), without(next, CONTACT_NOISE)) || core.hooks.emitUnchanged) types.push('ContactUpdate');
	if (!same(tagSet(prev.tags), tagSet(next.tags))) types.push('ContactTagUpdate');
	if (!same(prev.dnd, next.dnd) || !same(prev.dndSettings, next.dndSettings)) types.push('ContactDndUpdate');
	for (const type of types) emit(core, type, contactPayload(next, type));
}

/**
 * An opportunity was created, deleted or written. A write that changed something sends
 * OpportunityUpdate, then OpportunityStageUpdate (stage or pipeline), OpportunityStatusUpdate,
 * OpportunityAssignedToUpdate, OpportunityMonetaryValueUpdate for what changed.
 */
export function opportunityChanged(core: Core, prev: Rec | undefined, next: Rec | undefined): void {
	if (!webhooksOn(core)) return;
	if (!prev && next) return emit(core, 'OpportunityCreate', opportunityPayload(next));
	if (prev && !next) return emit(core, 'OpportunityDelete', opportunityPayload(prev));
	if (!prev || !next) return;
	const types: string[] = [];
	if (!same(without(prev, OPPORTUNITY_NOISE), without(next, OPPORTUNITY_NOISE)) || core.hooks.emitUnchanged) types.push('OpportunityUpdate');
	if (prev.pipelineStageId !== next.pipelineStageId || prev.pipelineId !== next.pipelineId) types.push('OpportunityStageUpdate');
	if (prev.status !== next.status) types.push('OpportunityStatusUpdate');
	if (!same(prev.assignedTo, next.assignedTo)) types.push('OpportunityAssignedToUpdate');
	if (Number(prev.monetaryValue ?? 0) !== Number(next.monetaryValue ?? 0)) types.push('OpportunityMonetaryValueUpdate');
	for (const type of types) emit(core, type, opportunityPayload(next));
}

/** Signs one event per matching target and keeps it in the outbox until flushWebhooks(). */
function emit(core: Core, type: string, fields: Rec): void {
	const h = core.hooks;
	const payload = { type, timestamp: core.iso(), webhookId: randomUUID(), ...fields };
	const body = JSON.stringify(payload);
	const signature = sign(null, Buffer.from(body), h.key!).toString('base64');
	for (const t of h.targets) {
		if (t.events && !t.events.includes(type)) continue;
		if (t.locationId && t.locationId !== fields.locationId) continue;
		h.outbox.push({ url: t.url, type, id: fields.id, locationId: fields.locationId, webhookId: payload.webhookId, body, signature });
	}
}
