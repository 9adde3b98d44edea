import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { forgetWarnings, nodeKey, now } from './webhook';

/**
 * The replay memory of the signed triggers: keys of events that started a workflow, each kept for
 * a time-to-live. Kept twice: in this process (concurrent calls see each other at once) and in the
 * node's workflow static data, so an n8n restart does not reopen the window.
 *
 * When n8n saves static data (checked in n8n-io/n8n): LiveWebhooks.executeWebhook
 * (packages/cli/src/webhooks/live-webhooks.ts) calls WorkflowStaticDataService.saveStaticData
 * (packages/cli/src/workflows/workflow-static-data.service.ts) in the webhook's response callback,
 * for production webhooks, whenever `staticData.__dataChanged` is set (n8n-workflow's
 * ObservableObject sets it when a property of the node's static data object is assigned, not when a
 * nested object is mutated, hence one string property replaced on every write). The workflow row is
 * read again for every call, so the next call sees the saved value. Manual (test URL) runs are not
 * saved. Two calls running at once each save their own copy (last writer wins); the in-process
 * memory still holds both.
 */

/** GHL's busiest realistic delivery rate; the memory must hold this many ids per second of TTL. */
export const PEAK_EVENTS_PER_SECOND = 100;
/** Hard cap per node (a 24-hour TTL at 100/s would be 8.6 million ids). */
export const MAX_REPLAY_KEYS = 200_000;
const MAX_NODES = 1_000;

/** The static data property that holds the records; other memories (the echo guard's) use their own. */
export const REPLAY_FIELD = 'replayKeys';
const HASH_CHARS = 22;
const EXPIRY_CHARS = 7;
const RECORD_CHARS = HASH_CHARS + EXPIRY_CHARS;
const RECORDS = /^[A-Za-z0-9_-]*$/;

/** How many keys a TTL needs at the peak rate, within the cap. */
export function replayCapacity(ttlMs: number): number {
	return Math.min(MAX_REPLAY_KEYS, Math.ceil((PEAK_EVENTS_PER_SECOND * ttlMs) / 1000));
}

/** A compact key: the first 16 bytes of sha256, base64url (22 characters). */
export function replayHash(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest().subarray(0, 16).toString('base64url');
}

/** One fixed-width record: the hash, then the expiry in epoch seconds (base 36, 7 characters). */
function record(hash: string, expiryMs: number): string {
	return hash + Math.ceil(expiryMs / 1000).toString(36).padStart(EXPIRY_CHARS, '0');
}

function recordExpiry(records: string, start: number): number {
	return parseInt(records.slice(start + HASH_CHARS, start + RECORD_CHARS), 36) * 1000;
}

/** Keys remembered in this process for one node, oldest first, with a cap. */
export class ReplayMemory {
	private readonly expiries = new Map<string, number>();

	/** The records last written to static data: a call that reads them back skips parsing. */
	persisted = '';

	/** The expiry of each record in `persisted`, so trimming never has to read the string. */
	private persistedExpiries: number[] = [];

	get size(): number {
		return this.expiries.size;
	}

	has(hash: string, at: number): boolean {
		const expiry = this.expiries.get(hash);
		return expiry !== undefined && expiry > at;
	}

	/** Remembers `hash`; false when it was already remembered and has not expired. */
	remember(hash: string, ttlMs: number, at: number, capacity = replayCapacity(ttlMs)): boolean {
		this.sweep(at);
		if (this.has(hash, at)) return false;
		this.expiries.delete(hash);
		this.expiries.set(hash, at + ttlMs);
		while (this.expiries.size > capacity) this.expiries.delete(this.expiries.keys().next().value as string);
		return true;
	}

	/** Takes in records saved by an earlier process (or a concurrent call). */
	absorb(records: string, at: number): void {
		if (records.length % RECORD_CHARS || !RECORDS.test(records)) return;
		for (let start = 0; start < records.length; start += RECORD_CHARS) {
			const expiry = recordExpiry(records, start);
			const hash = records.slice(start, start + HASH_CHARS);
			if (expiry > at && !this.has(hash, at)) {
				this.expiries.delete(hash);
				this.expiries.set(hash, expiry);
			}
		}
	}

	/** Appends one record to `persisted`, dropping expired records from the front and the oldest over capacity. */
	appendPersisted(hash: string, expiry: number, at: number, capacity: number): string {
		const expiries = this.persistedExpiries;
		expiries.push(expiry);
		let drop = 0;
		while (drop < expiries.length && expiries[drop] <= at) drop++;
		drop = Math.max(drop, expiries.length - capacity);
		let next = this.persisted + record(hash, expiry);
		if (drop > 0) {
			expiries.splice(0, drop);
			next = next.slice(drop * RECORD_CHARS);
		}
		this.persisted = next;
		return next;
	}

	/** Rebuilds `persisted` from every live key, oldest first. */
	rebuildPersisted(at: number, capacity: number): string {
		const live: string[] = [];
		const expiries: number[] = [];
		for (const [hash, expiry] of this.expiries) {
			if (expiry <= at) continue;
			live.push(record(hash, expiry));
			expiries.push(expiry);
		}
		const drop = Math.max(0, live.length - capacity);
		this.persisted = live.slice(drop).join('');
		this.persistedExpiries = expiries.slice(drop);
		return this.persisted;
	}

	private sweep(at: number): void {
		// Insertion order is expiry order while the TTL stays the same, so stop at the first live id.
		for (const [id, expiry] of this.expiries) {
			if (expiry > at) break;
			this.expiries.delete(id);
		}
	}
}

const memories = new Map<string, ReplayMemory>();

type ReplayContext = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode' | 'getWorkflowStaticData'>;

/** The in-process memory of one trigger node in one workflow (one per static data property). */
export function replayMemoryFor(ctx: Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>, field = REPLAY_FIELD): ReplayMemory {
	const key = field === REPLAY_FIELD ? nodeKey(ctx) : `${nodeKey(ctx)}#${field}`;
	let memory = memories.get(key);
	if (!memory) {
		memory = new ReplayMemory();
		memories.set(key, memory);
		while (memories.size > MAX_NODES) memories.delete(memories.keys().next().value as string);
	}
	return memory;
}

function staticStore(ctx: ReplayContext): IDataObject | undefined {
	try {
		return ctx.getWorkflowStaticData('node');
	} catch {
		return undefined;
	}
}

/**
 * Remembers that the event `key` started the workflow; false when it already did within `ttlMs`
 * (in this process, or before a restart). Call only for events that will start the workflow.
 */
export function rememberOnce(ctx: ReplayContext, key: string, ttlMs: number, field = REPLAY_FIELD): boolean {
	const at = now();
	const hash = replayHash(key);
	const capacity = replayCapacity(ttlMs);
	const memory = replayMemoryFor(ctx, field);
	const store = staticStore(ctx);
	const stored = typeof store?.[field] === 'string' ? (store[field] as string) : undefined;
	const ownWrite = stored !== undefined && stored === memory.persisted;
	if (stored !== undefined && !ownWrite) memory.absorb(stored, at);
	if (!memory.remember(hash, ttlMs, at, capacity)) return false;
	if (store) {
		// Reading back our own last write: append. Otherwise (restart, another process) rebuild.
		store[field] = ownWrite
			? memory.appendPersisted(hash, at + ttlMs, at, capacity)
			: memory.rebuildPersisted(at, capacity);
	}
	return true;
}

/** Forgets one node's memory; without a node (tests), every memory and every logged warning. */
export function forgetSeenIds(ctx?: Pick<IWebhookFunctions, 'getWorkflow' | 'getNode'>): void {
	if (!ctx) {
		memories.clear();
		forgetWarnings();
		return;
	}
	const key = nodeKey(ctx);
	for (const memoryKey of [...memories.keys()]) if (memoryKey === key || memoryKey.startsWith(`${key}#`)) memories.delete(memoryKey);
}
