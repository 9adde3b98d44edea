import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { getGhlClient } from '../transport';
import { CREDENTIAL_TYPES, type GhlCredentialType } from '../transport/constants';
import { segmentProblem } from '../transport/path';
import { isPlainObject } from '../../shared/webhook';

/** Where the full record of an event lives, and which key of the answer holds it. */
interface RecordSource {
	/** A path template and its segments (the payload's ids, checked like every other ID). */
	path: string;
	segments: Record<string, string>;
	/** Keys tried in order on the response (`{ contact: {...} }`, `{ event: {...} }`). */
	keys: string[];
}

const str = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** A source whose ids can be path segments, or an error naming the first one that can't. */
function checked(source: RecordSource): RecordSource | { error: string } {
	for (const [name, value] of Object.entries(source.segments)) {
		const problem = segmentProblem(value);
		if (problem) return { error: `The event's ${name} ${problem}` };
	}
	return source;
}

/** Events whose record still exists after the event (deletes and app events have nothing to fetch). */
export const FETCHABLE_EVENTS = [
	'ContactCreate',
	'ContactUpdate',
	'ContactTagUpdate',
	'ContactDndUpdate',
	'TaskCreate',
	'TaskComplete',
	'NoteCreate',
	'NoteUpdate',
	'AppointmentCreate',
	'AppointmentUpdate',
	'OpportunityCreate',
	'OpportunityUpdate',
	'OpportunityStageUpdate',
	'OpportunityStatusUpdate',
	'OpportunityAssignedToUpdate',
	'OpportunityMonetaryValueUpdate',
];

/** The GET request for an event's full record; an error message when the payload lacks the ids. */
export function recordSource(event: string, payload: IDataObject): RecordSource | { error: string } | undefined {
	if (!FETCHABLE_EVENTS.includes(event)) return undefined;
	if (event.startsWith('Contact')) {
		const id = str(payload.id);
		return id
			? checked({ path: '/contacts/{contactId}', segments: { contactId: id }, keys: ['contact'] })
			: { error: 'The event has no contact id' };
	}
	if (event.startsWith('Task') || event.startsWith('Note')) {
		const id = str(payload.id);
		const contactId = str(payload.contactId);
		if (!id || !contactId) return { error: 'The event has no id or contactId' };
		const kind = event.startsWith('Task') ? 'tasks' : 'notes';
		return checked({
			path: `/contacts/{contactId}/${kind}/{id}`,
			segments: { contactId, id },
			keys: [kind === 'tasks' ? 'task' : 'note'],
		});
	}
	if (event.startsWith('Opportunity')) {
		const id = str(payload.id);
		return id
			? checked({ path: '/opportunities/{id}', segments: { id }, keys: ['opportunity'] })
			: { error: 'The event has no opportunity id' };
	}
	const appointment = (payload.appointment ?? {}) as IDataObject;
	const id = str(appointment.id) ?? str(payload.id);
	return id
		? checked({ path: '/calendars/events/appointments/{id}', segments: { id }, keys: ['event', 'appointment'] })
		: { error: 'The event has no appointment id' };
}

function unwrap(response: unknown, keys: string[]): IDataObject {
	const body = (response ?? {}) as IDataObject;
	for (const key of keys) {
		const value = body[key];
		if (isPlainObject(value)) return value;
	}
	return body;
}

export type FetchResult = { record: IDataObject } | { fetchError: IDataObject } | undefined;

/**
 * Reads the full record behind an event through the shared transport, in the event's location
 * (so agency installs mint the right location token). Never throws: a failure comes back as
 * `fetchError`, so the event itself is never lost.
 */
export async function fetchFullRecord(
	this: IWebhookFunctions,
	event: string,
	locationId: string | undefined,
	payload: IDataObject,
): Promise<FetchResult> {
	const source = recordSource(event, payload);
	if (!source) return undefined;
	if ('error' in source) return { fetchError: { message: source.error } };
	try {
		const credentialType = this.getNodeParameter('fetchFullRecord', CREDENTIAL_TYPES.oAuth2) as GhlCredentialType;
		const client = await getGhlClient.call(this, 0, { location: locationId, credentialType });
		if (
			credentialType === CREDENTIAL_TYPES.privateIntegration &&
			locationId &&
			client.locationId &&
			client.locationId !== locationId
		) {
			return {
				fetchError: {
					message: `The event is for location ${locationId}, but the Private Integration credential is for location ${client.locationId}`,
				},
			};
		}
		const response = await client.request({ method: 'GET', path: source.path, segments: source.segments });
		return { record: unwrap(response, source.keys) };
	} catch (error) {
		const failure = error as { message?: string; description?: string; httpCode?: string | null };
		const fetchError: IDataObject = { message: failure.message ?? 'Could not fetch the record' };
		if (failure.httpCode) fetchError.httpCode = failure.httpCode;
		if (failure.description) fetchError.description = failure.description;
		return { fetchError };
	}
}
