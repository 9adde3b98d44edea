import type { IDataObject, INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import { rememberOnce } from '../../shared/replay';
import { isPlainObject, now, warnOnce } from '../../shared/webhook';
import { type EchoMarker, eventValues, findMarker, isEchoOf } from '../sync/echoMarker';

/**
 * The trigger side of the echo guard: is this event our own marked write coming back? Each marker
 * is matched at most once per event type, remembered like replayed webhook ids (static data, so a
 * restart keeps it), so a later change made in GHL that still carries the marker starts the workflow.
 */

export const MAX_MARKER_AGE_MS = 15 * 60_000;
/** A marker written by a host whose clock runs a little ahead. */
const MAX_MARKER_SKEW_MS = 60_000;
export const ECHO_FIELD = 'echoKeys';
const ECHO_TTL_MS = MAX_MARKER_AGE_MS + 2 * MAX_MARKER_SKEW_MS;

/** Which marker fields can cause each event; absent: any write can. */
const CAUSES: Record<string, (field: string) => boolean> = {
	ContactTagUpdate: (field) => field === 'tags',
	ContactDndUpdate: (field) => field === 'dnd' || field.startsWith('dndSettings.'),
	OpportunityStageUpdate: (field) => field === 'pipelineStageId' || field === 'pipelineId',
	OpportunityStatusUpdate: (field) => field === 'status',
	OpportunityMonetaryValueUpdate: (field) => field === 'monetaryValue',
	OpportunityAssignedToUpdate: (field) => field === 'assignedTo',
};

export const CONTACT_ECHO_EVENTS = ['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'ContactDndUpdate'];
/** Opportunity payloads carry no custom fields: the marker is read from the fetched record. */
export const OPPORTUNITY_ECHO_EVENTS = [
	'OpportunityCreate',
	'OpportunityUpdate',
	'OpportunityStageUpdate',
	'OpportunityStatusUpdate',
	'OpportunityMonetaryValueUpdate',
	'OpportunityAssignedToUpdate',
];

export const ignoreEchoesOption: INodeProperties = {
	displayName: 'Ignore Our Own Changes (Echo Guard)',
	name: 'ignoreEchoes',
	type: 'boolean',
	default: false,
	description:
		'Whether to skip events caused by HighLevel writes with "Mark as Written by n8n" on. Ours means: the record\'s marker is under 15 minutes old, the event\'s values of the fields that write set are exactly what it wrote, the event type is one that write causes, and no earlier event of this type matched the same marker. Opportunity events need Fetch Full Record (their payload has no custom fields), else they are never skipped.',
};

export const flagEchoesOption: INodeProperties = {
	displayName: 'Output Echoes Flagged',
	name: 'flagEchoes',
	type: 'boolean',
	default: false,
	displayOptions: { show: { ignoreEchoes: [true] } },
	description: 'Whether to output our own changes with isEcho: true (others get isEcho: false) instead of dropping them',
};

export interface EchoSettings {
	flag: boolean;
}

/** The guard's settings, or undefined when it is off. */
export function echoSettings(this: IWebhookFunctions): EchoSettings | undefined {
	const options = this.getNodeParameter('options', {}) as { ignoreEchoes?: boolean; flagEchoes?: boolean };
	return options.ignoreEchoes ? { flag: options.flagEchoes === true } : undefined;
}

/** Whether the event's echo check needs the fetched record. */
export const needsRecord = (event: string): boolean => OPPORTUNITY_ECHO_EVENTS.includes(event);

/** Pure: does `values` (at `nowMs`) show the marked write, for this event type? Consumption aside. */
export function matchesMarker(marker: EchoMarker | undefined, event: string, values: IDataObject, nowMs: number): marker is EchoMarker {
	if (!marker) return false;
	const age = nowMs - marker.epochSeconds * 1000;
	if (age > MAX_MARKER_AGE_MS || age < -MAX_MARKER_SKEW_MS) return false;
	const causes = CAUSES[event];
	if (causes && !marker.fields.some(causes)) return false;
	return isEchoOf(marker, eventValues(values));
}

/**
 * Whether the event is our echo: true consumes the marker for this event type. Undefined when the
 * event type is not covered or its record is missing.
 */
export function isOwnEcho(this: IWebhookFunctions, event: string, payload: IDataObject, record?: unknown): boolean | undefined {
	let values: IDataObject;
	if (CONTACT_ECHO_EVENTS.includes(event)) values = payload;
	else if (needsRecord(event)) {
		if (!isPlainObject(record)) {
			if (this.getNodeParameter('fetchFullRecord', 'none') === 'none') {
				warnOnce(this, 'echo-needs-fetch', 'GHL Trigger: Ignore Our Own Changes cannot check opportunity events without Fetch Full Record (their payload has no custom fields); they all start the workflow');
			}
			return undefined;
		}
		// The marker from the record; the values as the event saw them where it has them.
		values = { ...record, ...payload, customFields: record.customFields };
	} else return undefined;
	const marker = findMarker(values.customFields);
	if (!matchesMarker(marker, event, values, now())) return false;
	return rememberOnce(this, `echo:${marker.nonce}:${event}`, ECHO_TTL_MS, ECHO_FIELD);
}

/** Applies a verdict to the item; true when the event is to be dropped. */
export function applyEcho(item: IDataObject, settings: EchoSettings, verdict: boolean | undefined): boolean {
	if (!settings.flag) return verdict === true;
	item.isEcho = verdict === true;
	return false;
}
