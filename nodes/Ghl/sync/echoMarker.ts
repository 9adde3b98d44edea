import { createHash, randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { canonicalJson, isPlainObject } from '../../shared/webhook';

/**
 * The echo marker: a text custom field value written with the data, so the trigger can tell our
 * own write coming back from a change made in GHL.
 *
 *   n8n-echo:v1:<nonce>:<epochSeconds>:<fields>:<digest>
 *
 * `fields` names what the write set (`email,tags,cf.<customFieldId>`), `digest` is the first 16
 * characters of base64url(sha256(canonical JSON of the normalised written values)). Values are
 * normalised the way GHL stores them, so an event recomputes the same digest.
 */

export const MARKER_PREFIX = 'n8n-echo:v1:';
export const CUSTOM_FIELD_PREFIX = 'cf.';
const MARKER = /^n8n-echo:v1:([A-Za-z0-9_-]{8,64}):(\d{1,12}):([A-Za-z0-9_.,-]*):([A-Za-z0-9_-]{16})$/;

export interface EchoMarker {
	nonce: string;
	epochSeconds: number;
	fields: string[];
	digest: string;
}

/** Field name → value, as written or as an event carries it. */
export type EchoValues = Record<string, unknown>;

const collapse = (value: unknown): string => String(value).trim().replace(/\s+/g, ' ');

function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (value === undefined || value === null || value === '') return [];
	return String(value).split(',');
}

/** One value the way GHL stores it, as a string or a sorted list of strings. */
export function normaliseValue(field: string, value: unknown): string | string[] {
	if (field === 'tags') {
		return [...new Set(list(value).map((tag) => collapse(tag).toLowerCase()).filter(Boolean))].sort();
	}
	if (value === undefined || value === null) return field === 'dnd' ? 'false' : '';
	if (field === 'email') return String(value).trim().toLowerCase();
	// GHL stores E.164 and may add a country code: compare the last 10 digits.
	if (field === 'phone') return String(value).replace(/\D/g, '').slice(-10);
	if (field === 'dnd') return String(value === true || String(value).trim().toLowerCase() === 'true');
	if (field === 'dateOfBirth') return /\d{4}-\d{2}-\d{2}/.exec(String(value))?.[0] ?? collapse(value);
	if (field.startsWith('dndSettings.')) {
		// A channel's status; GHL adds `code` and may keep an old message.
		return String((isPlainObject(value) ? value.status : value) ?? '').trim().toLowerCase();
	}
	if (field === 'monetaryValue') {
		const number = Number(value);
		return String(value).trim() !== '' && Number.isFinite(number) ? String(number) : '';
	}
	if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
		if (Array.isArray(value)) return value.map((entry) => String(entry).trim()).filter(Boolean).sort();
		return isPlainObject(value) ? canonicalJson(value) : String(value).trim();
	}
	return collapse(value);
}

/** The digest of `fields` taken from `values`. */
export function echoDigest(fields: string[], values: EchoValues): string {
	const normalised: IDataObject = {};
	for (const field of fields) normalised[field] = normaliseValue(field, values[field]);
	return createHash('sha256').update(canonicalJson(normalised), 'utf8').digest('base64url').slice(0, 16);
}

/** A marker for a write of `values` (field name → value written). */
export function createMarker(values: EchoValues, nowMs = Date.now(), nonce = randomBytes(9).toString('base64url')): string {
	const fields = Object.keys(values).sort();
	return `${MARKER_PREFIX}${nonce}:${Math.floor(nowMs / 1000)}:${fields.join(',')}:${echoDigest(fields, values)}`;
}

export function parseMarker(text: unknown): EchoMarker | undefined {
	if (typeof text !== 'string') return undefined;
	const match = MARKER.exec(text.trim());
	if (!match) return undefined;
	return { nonce: match[1], epochSeconds: Number(match[2]), fields: match[3] ? match[3].split(',') : [], digest: match[4] };
}

/** A custom field entry's value, whichever spelling the answer uses (events `value`, opportunities `fieldValue`). */
function entryValue(entry: IDataObject): unknown {
	return entry.value ?? entry.fieldValue ?? entry.field_value ?? entry.fieldValueString;
}

/** The first marker among a record's custom field values: no field ID needed. */
export function findMarker(customFields: unknown): EchoMarker | undefined {
	if (!Array.isArray(customFields)) return undefined;
	for (const entry of customFields) {
		if (!isPlainObject(entry)) continue;
		const value = entryValue(entry);
		if (typeof value === 'string' && value.trim().startsWith(MARKER_PREFIX)) {
			const marker = parseMarker(value);
			if (marker) return marker;
		}
	}
	return undefined;
}

/** Whether the event's values are exactly what the marked write set (after normalisation). */
export function isEchoOf(marker: EchoMarker, eventValues: EchoValues): boolean {
	return echoDigest(marker.fields, eventValues) === marker.digest;
}

/** Contact fields a write body can set (locationId and flags are not data). */
const CONTACT_FIELDS = [
	'firstName', 'lastName', 'name', 'email', 'phone', 'address1', 'city', 'state', 'postalCode', 'country', 'website',
	'timezone', 'source', 'companyName', 'gender', 'assignedTo', 'dateOfBirth', 'dnd', 'tags',
];
export const OPPORTUNITY_FIELDS = ['name', 'status', 'pipelineId', 'pipelineStageId', 'monetaryValue', 'assignedTo'];

export type EchoModel = 'contact' | 'opportunity';

function customFieldValues(customFields: unknown, skipId?: string): EchoValues {
	const values: EchoValues = {};
	if (!Array.isArray(customFields)) return values;
	for (const entry of customFields) {
		if (!isPlainObject(entry) || typeof entry.id !== 'string' || entry.id === skipId) continue;
		values[`${CUSTOM_FIELD_PREFIX}${entry.id}`] = entryValue(entry);
	}
	return values;
}

/**
 * What a write body sets, as marker fields. Opportunity custom fields are not covered (the record
 * is read back only for the marker); the marker field itself never is.
 */
export function writtenValues(model: EchoModel, body: IDataObject, markerFieldId: string): EchoValues {
	const values: EchoValues = {};
	for (const field of model === 'contact' ? CONTACT_FIELDS : OPPORTUNITY_FIELDS) {
		if (body[field] !== undefined) values[field] = body[field];
	}
	if (model === 'opportunity') return values;
	if (isPlainObject(body.dndSettings)) {
		for (const [channel, setting] of Object.entries(body.dndSettings)) values[`dndSettings.${channel}`] = setting;
	}
	return { ...values, ...customFieldValues(body.customFields, markerFieldId) };
}

/** An event's (or a fetched record's) values under the marker's field names. */
export function eventValues(record: IDataObject): EchoValues {
	const values: EchoValues = { ...record };
	if (isPlainObject(record.dndSettings)) {
		for (const [channel, setting] of Object.entries(record.dndSettings)) values[`dndSettings.${channel}`] = setting;
	}
	return { ...values, ...customFieldValues(record.customFields) };
}
