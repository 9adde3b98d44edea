import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type CustomFieldDefinition, findDefinition, loadCustomFields } from '../helpers/customFields';
import { toList } from '../helpers/utils';
import type { GhlClient } from '../transport';
import { createMarker, type EchoModel, writtenValues } from './echoMarker';

/**
 * The write side of the echo guard: the options, resolving the marker field, and adding the
 * marker to a request body. The marker covers exactly the body it is added to.
 */

export const DEFAULT_MARKER_KEY = 'n8n_sync_marker';
const TEXT_TYPES = new Set(['', 'TEXT', 'LARGE_TEXT']);

/** Whether a custom field can hold the marker. */
export const isTextField = (definition: CustomFieldDefinition): boolean => TEXT_TYPES.has((definition.dataType ?? '').toUpperCase());

/** n8n spells itself lower-case; the lint's title case would write "N8n". */
const MARK_ECHO_LABEL = 'Mark as Written by n8n (Echo Guard)';

/** The two options, for a write operation's Options collection. */
export function echoGuardOptions(model: EchoModel, extraRead?: string): INodeProperties[] {
	return [
		{
			displayName: MARK_ECHO_LABEL,
			name: 'markEcho',
			type: 'boolean',
			default: false,
			description: `Whether to write an echo marker into a text custom field in the same request, so a GHL Trigger with "Ignore Our Own Changes" skips the event this write causes.${extraRead ? ` ${extraRead}` : ' No extra request.'}`,
		},
		{
			displayName: 'Echo Marker Field Name or ID',
			name: 'echoMarkerField',
			type: 'options',
			typeOptions: { loadOptionsMethod: model === 'contact' ? 'getContactMarkerFields' : 'getOpportunityMarkerFields' },
			default: DEFAULT_MARKER_KEY,
			displayOptions: { show: { markEcho: [true] } },
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: `A Single Line text ${model} custom field that only n8n writes (default key ${DEFAULT_MARKER_KEY}). Create it in GHL: Settings → Custom Fields → Single Line, named "n8n sync marker".`,
		},
	];
}

export interface EchoGuard {
	model: EchoModel;
	/** The ID of the custom field that holds the marker. */
	fieldId: string;
}

/** The item's echo guard, or undefined when it is off; the marker field must exist and hold text. */
export async function readEchoGuard(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	model: EchoModel,
): Promise<EchoGuard | undefined> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { markEcho?: boolean; echoMarkerField?: string };
	if (!options.markEcho) return undefined;
	const reference = String(options.echoMarkerField ?? '').trim() || DEFAULT_MARKER_KEY;
	const definition = findDefinition(await loadCustomFields(client, model), reference);
	const where = `location ${client.locationId}`;
	if (!definition) {
		throw new NodeOperationError(this.getNode(), `Echo Marker Field: no ${model} custom field "${reference}" in ${where} (item ${itemIndex})`, {
			itemIndex,
			description: `Create it in GHL: Settings → Custom Fields → Add Field → Single Line, named "n8n sync marker" (key ${DEFAULT_MARKER_KEY}) for ${model === 'contact' ? 'Contacts' : 'Opportunities'}, or pick an existing text field under Options → Echo Marker Field.`,
		});
	}
	if (!isTextField(definition)) {
		throw new NodeOperationError(this.getNode(), `Echo Marker Field: "${reference}" is a ${definition.dataType} field (item ${itemIndex})`, {
			itemIndex,
			description: 'The marker is text: use a Single Line text custom field that nothing else writes.',
		});
	}
	return { model, fieldId: definition.id };
}

/** The body with a fresh marker over what it writes (any earlier marker entry replaced). */
export function markBody(body: IDataObject, guard: EchoGuard | undefined, nowMs = Date.now()): IDataObject {
	if (!guard) return body;
	const others = ((body.customFields as IDataObject[] | undefined) ?? []).filter((entry) => entry.id !== guard.fieldId);
	const marker = createMarker(writtenValues(guard.model, { ...body, customFields: others }, guard.fieldId), nowMs);
	return { ...body, customFields: [...others, { id: guard.fieldId, field_value: marker }] };
}

/** The contact's tags after adding or removing `tags` (GHL compares tags case-insensitively). */
export function mergeTags(current: unknown, tags: string[], mode: 'add' | 'remove'): string[] {
	const existing = toList(current);
	if (mode === 'add') {
		const seen = new Set(existing.map((tag) => tag.toLowerCase()));
		return [...existing, ...tags.filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()))];
	}
	const gone = new Set(tags.map((tag) => tag.toLowerCase()));
	return existing.filter((tag) => !gone.has(tag.toLowerCase()));
}

/** The contact's tag list read now and changed: the tag endpoints cannot carry the marker. */
export async function readMergedTags(
	client: GhlClient,
	itemIndex: number,
	contactId: string,
	tags: string[],
	mode: 'add' | 'remove',
): Promise<string[]> {
	const { contact } = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId }, itemIndex });
	return mergeTags(contact?.tags, tags, mode);
}
