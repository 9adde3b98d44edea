import type { IDataObject } from 'n8n-workflow';

import { ghlTimeToIso } from '../helpers/dates';

/** What a write does when the record already exists in GHL (the On Conflict parameter). */
export type ConflictPolicy =
	| { mode: 'overwrite' }
	| { mode: 'fillEmpty' }
	| { mode: 'skipIfChanged'; sourceUpdatedAt: number };

export type RecordKind = 'contact' | 'opportunity';

/** GHL's "last changed" field first, then when it was made (webhook payloads name them differently). */
const UPDATED_AT: Record<RecordKind, string[]> = {
	contact: ['dateUpdated', 'dateAdded'],
	opportunity: ['updatedAt', 'dateUpdated', 'createdAt', 'dateAdded'],
};

/** Body keys that pick or place the record rather than set a field. */
const CONTROL_KEYS = new Set(['locationId', 'contactId', 'createNewIfDuplicateAllowed']);

/** Array fields that are merged with GHL's (added, never removed). */
const UNION_KEYS = new Set(['tags', 'followers']);

export function isEmptyValue(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** A custom field's value as GHL reads it back: contacts `value`, opportunities `fieldValue`. */
function customFieldValue(field: IDataObject): unknown {
	return field.value ?? field.fieldValue ?? field.field_value;
}

export interface FillResult {
	/** What is left to send (control keys kept). */
	body: IDataObject;
	/** Fields written: empty in GHL (custom fields as `customFields.<id>`). */
	filled: string[];
	/** Fields GHL already had, left alone. */
	kept: string[];
}

/** The items of `wanted` GHL's list lacks (tags compare case-insensitively: GHL lowercases them). */
export function missingFrom(existing: unknown, wanted: string[]): string[] {
	const have = new Set((Array.isArray(existing) ? existing : []).map((value) => String(value).toLowerCase()));
	return wanted.filter((value) => !have.has(value.toLowerCase()));
}

/**
 * Fill Empty Fields Only: keeps the body's fields that are empty in `existing`, custom fields per
 * id; tags and followers become the union with GHL's, and count as filled only if something is new.
 */
export function fillEmptyFields(existing: IDataObject, body: IDataObject): FillResult {
	const result: FillResult = { body: {}, filled: [], kept: [] };
	for (const [key, value] of Object.entries(body)) {
		if (CONTROL_KEYS.has(key)) {
			result.body[key] = value;
		} else if (key === 'customFields' && Array.isArray(value)) {
			const current = new Map(((existing.customFields as IDataObject[] | undefined) ?? []).map((field) => [String(field.id), customFieldValue(field)]));
			const send = (value as IDataObject[]).filter((field) => {
				const empty = isEmptyValue(current.get(String(field.id)));
				result[empty ? 'filled' : 'kept'].push(`customFields.${String(field.id)}`);
				return empty;
			});
			if (send.length) result.body.customFields = send;
		} else if (UNION_KEYS.has(key) && Array.isArray(value)) {
			const added = missingFrom(existing[key], value as string[]);
			if (added.length) {
				result.body[key] = [...((existing[key] as string[] | undefined) ?? []), ...added];
				result.filled.push(key);
			} else result.kept.push(key);
		} else if (isEmptyValue(existing[key])) {
			result.body[key] = value;
			result.filled.push(key);
		} else result.kept.push(key);
	}
	return result;
}

/** Every field a body sets, as `filled` names them (a new record: everything is filled). */
export function fieldNames(body: IDataObject): string[] {
	return Object.entries(body).flatMap(([key, value]) => {
		if (CONTROL_KEYS.has(key)) return [];
		if (key === 'customFields' && Array.isArray(value)) return (value as IDataObject[]).map((field) => `customFields.${String(field.id)}`);
		return [key];
	});
}

/** Whether a body sets any field (control keys alone write nothing). */
export function setsAnyField(body: IDataObject): boolean {
	return fieldNames(body).length > 0;
}

/** When GHL last changed the record, in epoch ms; undefined when it carries no readable date. */
export function ghlUpdatedAt(record: IDataObject, kind: RecordKind): number | undefined {
	for (const key of UPDATED_AT[kind]) {
		const iso = ghlTimeToIso(record[key]);
		const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
		if (Number.isFinite(ms)) return ms;
	}
	return undefined;
}

/**
 * Skip If Changed in GHL Since: the item's output when GHL's record changed after the source,
 * else undefined (write as Overwrite). A record without a readable date is written.
 */
export function skippedOutput(record: IDataObject, kind: RecordKind, sourceUpdatedAt: number): IDataObject | undefined {
	const ghlMs = ghlUpdatedAt(record, kind);
	if (ghlMs === undefined || ghlMs <= sourceUpdatedAt) return undefined;
	return {
		skipped: true,
		reason: 'Changed in GHL after the source',
		ghlUpdatedAt: new Date(ghlMs).toISOString(),
		sourceUpdatedAt: new Date(sourceUpdatedAt).toISOString(),
		id: record.id as string,
	};
}

/** What to do with one write: skip it (the output says why) or send `body`, reporting filled/kept for Fill Empty. */
export type ConflictDecision =
	| { skip: IDataObject }
	| { skip?: undefined; body: IDataObject; report?: { filled: string[]; kept: string[] } };

/** Applies the policy to a write; `existing` is GHL's record, undefined when there is none (a new record). */
export function decideWrite(policy: ConflictPolicy, existing: IDataObject | undefined, kind: RecordKind, body: IDataObject): ConflictDecision {
	if (policy.mode === 'overwrite') return { body };
	if (!existing) return policy.mode === 'fillEmpty' ? { body, report: { filled: fieldNames(body), kept: [] } } : { body };
	if (policy.mode === 'skipIfChanged') {
		const skip = skippedOutput(existing, kind, policy.sourceUpdatedAt);
		return skip ? { skip } : { body };
	}
	const { body: rest, filled, kept } = fillEmptyFields(existing, body);
	return { body: rest, report: { filled, kept } };
}

/** Makes `body` hold exactly what the decision sends, less `omit` (in place: the write call stays as it is). */
export function narrowTo(body: IDataObject, sent: IDataObject, omit: string[] = []): void {
	// `sent` may be `body` itself (Overwrite): copy it before emptying.
	const entries = Object.entries(sent);
	for (const key of Object.keys(body)) delete body[key];
	for (const [key, value] of entries) if (!omit.includes(key)) body[key] = value;
}
