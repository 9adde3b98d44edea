import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { runPool } from '../../helpers/pool';
import { isPlainObject } from '../../../shared/webhook';
import type { GhlClient } from '../../transport';
import { mergeTags } from '../../sync/echoWrite';
import { failedItem } from '../batch';
import { byContactLocator } from '../lockKeys';
import { changeTags, readTags } from './tags';

/** Contacts per `POST /contacts/bulk/tags/update/{type}`. */
export const BULK_TAG_CONTACTS = 100;

type Mode = 'add' | 'remove';
type Result = IDataObject | Error;

/** An item that goes into a bulk request: its contact ID and tag list. */
interface Planned {
	itemIndex: number;
	contactId: string;
	tags: string[];
}

const echoGuardOn = (ctx: IExecuteFunctions, itemIndex: number) =>
	Boolean((ctx.getNodeParameter('options', itemIndex, {}) as { markEcho?: boolean }).markEcho);

/**
 * Add Tags / Remove Tags over many items: items with the same tag list go into one
 * `POST /contacts/bulk/tags/update/{type}` per 100 contacts, and GHL's per-contact answer becomes
 * each item's output or error. Email and phone locators are looked up first (one request each);
 * items with the echo guard on keep the per-item path (a marked PUT per contact). Without
 * Continue On Fail a failed look-up or per-item write stops the run before any bulk request.
 */
export async function changeTagsBatch(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndexes: number[],
	concurrency: number,
	mode: Mode,
): Promise<Result[]> {
	const results = new Map<number, Result>();
	const planned: Planned[] = [];
	await runPool(
		itemIndexes.length,
		concurrency,
		(n) => byContactLocator.call(this, itemIndexes[n]),
		async (n) => {
			const itemIndex = itemIndexes[n];
			try {
				if (echoGuardOn(this, itemIndex)) {
					results.set(itemIndex, await changeTags.call(this, client, itemIndex, mode === 'add' ? 'POST' : 'DELETE'));
					return;
				}
				const tags = readTags.call(this, itemIndex);
				planned.push({ itemIndex, tags, contactId: await resolveContactId.call(this, client, itemIndex) });
			} catch (error) {
				// Without Continue On Fail this fails the node (runPool starts nothing more), as a per-item run would.
				if (!this.continueOnFail()) failedItem.call(this, error, itemIndex);
				results.set(itemIndex, error as Error);
			}
		},
	);
	planned.sort((a, b) => a.itemIndex - b.itemIndex);
	await runChunks(chunksOf(planned), concurrency, async (chunk) => {
		for (const [itemIndex, result] of await sendChunk.call(this, client, chunk, mode)) results.set(itemIndex, result);
	});
	return itemIndexes.map((itemIndex) => results.get(itemIndex) as Result);
}

/**
 * Requests to send: one tag list each (exactly as given, in order of first use), at most
 * BULK_TAG_CONTACTS contacts, and a contact at most once (a second item for it goes into a later one).
 */
export function chunksOf(planned: Planned[]): Planned[][] {
	const byTags = new Map<string, Array<{ items: Planned[]; contacts: Set<string> }>>();
	for (const item of planned) {
		const key = JSON.stringify(item.tags);
		const chunks = byTags.get(key) ?? [];
		byTags.set(key, chunks);
		let chunk = chunks.find((candidate) => candidate.items.length < BULK_TAG_CONTACTS && !candidate.contacts.has(item.contactId));
		if (!chunk) chunks.push((chunk = { items: [], contacts: new Set() }));
		chunk.items.push(item);
		chunk.contacts.add(item.contactId);
	}
	return [...byTags.values()].flat().map((chunk) => chunk.items);
}

/**
 * Runs `send` for every chunk, at most `concurrency` at once; a chunk that shares a contact with an
 * earlier one waits for it, so one contact's tags are never written by two requests at once.
 */
async function runChunks(chunks: Planned[][], concurrency: number, send: (chunk: Planned[]) => Promise<void>): Promise<void> {
	let free = concurrency;
	const waiting: Array<() => void> = [];
	const acquire = async () => {
		if (free > 0) free--;
		else await new Promise<void>((resolve) => waiting.push(resolve));
	};
	const release = () => {
		const next = waiting.shift();
		if (next) next();
		else free++;
	};
	const lastFor = new Map<string, Promise<void>>();
	const runs = chunks.map((chunk) => {
		const earlier = new Set(chunk.flatMap((item) => lastFor.get(item.contactId) ?? []));
		const run = (async () => {
			await Promise.all(earlier);
			await acquire();
			try {
				await send(chunk);
			} finally {
				release();
			}
		})();
		for (const item of chunk) lastFor.set(item.contactId, run);
		return run;
	});
	await Promise.all(runs);
}

/** One bulk request; every item of the chunk gets its contact's result, or the request's error. */
async function sendChunk(this: IExecuteFunctions, client: GhlClient, chunk: Planned[], mode: Mode): Promise<Array<[number, Result]>> {
	const contacts = chunk.map((item) => item.contactId);
	let answer: { responses?: unknown };
	try {
		answer = await client.request<{ responses?: unknown }>({
			method: 'POST',
			path: '/contacts/bulk/tags/update/{type}',
			segments: { type: mode },
			body: { contacts, tags: chunk[0].tags, locationId: client.locationId },
			// Adding or removing the same tags twice ends the same.
			idempotent: true,
			itemIndex: chunk[0].itemIndex,
		});
	} catch (error) {
		return chunk.map((item) => [item.itemIndex, error as Error]);
	}
	const byContact = new Map<string, IDataObject>();
	for (const entry of Array.isArray(answer?.responses) ? (answer.responses as unknown[]) : []) {
		if (isPlainObject(entry) && typeof entry.contactId === 'string' && !byContact.has(entry.contactId)) byContact.set(entry.contactId, entry);
	}
	return chunk.map((item) => [item.itemIndex, itemResult.call(this, item, byContact.get(item.contactId), mode)]);
}

/** An item's output from GHL's entry for its contact: `{ id, tags, oldTags, tagsAdded, tagsRemoved, … }`. */
function itemResult(this: IExecuteFunctions, item: Planned, entry: IDataObject | undefined, mode: Mode): Result {
	const { itemIndex, contactId } = item;
	if (!entry) {
		return new NodeOperationError(this.getNode(), `Contact ${contactId}: GHL's bulk tag answer has no result for it (item ${itemIndex})`, {
			itemIndex,
			description: `GHL did not say whether the tags were ${mode === 'add' ? 'added' : 'removed'}. Running the item again is safe: the same tags twice end the same.`,
		});
	}
	if (entry.type !== 'success') {
		return new NodeOperationError(this.getNode(), `Contact ${contactId}: ${String(entry.message ?? 'GHL reported an error')} (item ${itemIndex})`, {
			itemIndex,
			description: `GHL's bulk tag update failed for this contact only; the other contacts in the request were ${mode === 'add' ? 'tagged' : 'untagged'}.`,
		});
	}
	// contactId becomes `id`; `type` and `message` only said "success".
	const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => !ANSWER_ONLY.has(key)));
	// The list after the change, as the per-item endpoints answer it.
	const tags = Array.isArray(rest.oldTags) ? mergeTags(mergeTags(rest.oldTags, toStrings(rest.tagsAdded), 'add'), toStrings(rest.tagsRemoved), 'remove') : undefined;
	return { id: contactId, ...(tags ? { tags } : {}), ...rest };
}

const ANSWER_ONLY = new Set(['contactId', 'type', 'message']);
const toStrings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
