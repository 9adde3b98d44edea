import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { GhlClient } from '../transport';
import { readDefinitionOnce } from './definitions';
import { invalidInput, toList } from './utils';

export interface CustomFieldDefinition {
	id: string;
	name?: string;
	fieldKey?: string;
	dataType?: string;
}

/** Which records a custom field belongs to (GHL's `model`). */
export type CustomFieldModel = 'contact' | 'opportunity';

/** The location's custom fields of one model, loaded once per client (one execution, one location). */
export async function loadCustomFields(client: GhlClient, model: CustomFieldModel = 'contact'): Promise<CustomFieldDefinition[]> {
	return await readDefinitionOnce(client, `customFields:${model}`, async () => {
		const response = await client.request<{ customFields?: CustomFieldDefinition[] }>({
			method: 'GET',
			path: '/locations/{locationId}/customFields',
			segments: { locationId: client.locationId },
			qs: { model },
			definitionRead: true,
		});
		return response.customFields ?? [];
	});
}

/** A field's short key: `contact.lead_score` → `lead_score`, `opportunity.deal_size` → `deal_size`. */
export function shortKey(definition: CustomFieldDefinition): string {
	return (definition.fieldKey ?? '').replace(/^(contact|opportunity)\./, '');
}

/** A definition by id, key (`lead_score`, `contact.lead_score`, `{{ contact.lead_score }}`) or name. */
export function findDefinition(definitions: CustomFieldDefinition[], reference: string) {
	const wanted = reference.trim();
	const bare = wanted.replace(/^\{\{\s*|\s*\}\}$/g, '').replace(/^(contact|opportunity)\./, '');
	return (
		definitions.find((definition) => definition.id === wanted) ??
		definitions.find((definition) => shortKey(definition) === bare) ??
		definitions.find((definition) => (definition.name ?? '').toLowerCase() === wanted.toLowerCase())
	);
}

function coerce(definition: CustomFieldDefinition, value: unknown): unknown {
	switch ((definition.dataType ?? '').toUpperCase()) {
		case 'NUMERICAL':
		case 'MONETORY':
		case 'MONETARY': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			return Number.isFinite(number) ? number : undefined;
		}
		case 'CHECKBOX':
		case 'MULTIPLE_OPTIONS':
			return toList(value);
		default:
			return value === null || value === undefined ? '' : typeof value === 'object' ? value : String(value);
	}
}

/**
 * Turns the node's "field → value" rows into GHL's body shape, `[{ id, field_value }]`
 * (contacts.json: TextField, NumericField, … all require `id`). Fields may be named by id,
 * by key (`lead_score` or `contact.lead_score`) or by name.
 */
export async function buildCustomFields(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	rows: Array<{ field?: string; value?: unknown }>,
	model: CustomFieldModel = 'contact',
): Promise<IDataObject[]> {
	const wanted = rows.filter((row) => String(row.field ?? '').trim());
	if (!wanted.length) return [];
	const definitions = await loadCustomFields(client, model);
	return wanted.map((row) => {
		const definition = findDefinition(definitions, String(row.field));
		if (!definition) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				`Custom Field "${row.field}"`,
				`no ${model} custom field with that id, key or name in location ${client.locationId}`,
				'Pick the field from the list, or use its key as shown in GHL (Settings → Custom Fields), e.g. lead_score.',
			);
		}
		const fieldValue = coerce(definition, row.value);
		if (fieldValue === undefined) {
			throw invalidInput(
				this.getNode(),
				itemIndex,
				`Custom Field "${shortKey(definition) || definition.id}"`,
				`"${String(row.value)}" is not a number`,
				'This field holds numbers: pass a number such as 72 or 99.5.',
			);
		}
		return { id: definition.id, field_value: fieldValue } as IDataObject;
	});
}
