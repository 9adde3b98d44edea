import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { GhlClient } from '../transport';
import { loadCustomFields, shortKey } from './customFields';

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to return a flat contact (ID, name, email, phone, tags, dates, custom fields as key → value) instead of GHL\'s full record',
};

/** A flat contact with custom fields keyed by their short key (falls back to the id). */
export async function simplifyContact(client: GhlClient, contact: IDataObject): Promise<IDataObject> {
	const custom = (contact.customFields ?? contact.customField ?? []) as Array<{ id?: string; value?: unknown; field_value?: unknown }>;
	const keys = new Map<string, string>();
	if (custom.length) {
		for (const definition of await loadCustomFields(client)) keys.set(definition.id, shortKey(definition) || definition.id);
	}
	const name =
		(contact.contactName as string | undefined) ??
		(contact.name as string | undefined) ??
		([contact.firstName, contact.lastName].filter(Boolean).join(' ') || undefined);
	return {
		id: contact.id,
		name: name ?? null,
		firstName: contact.firstName ?? contact.firstNameLowerCase ?? null,
		lastName: contact.lastName ?? contact.lastNameLowerCase ?? null,
		email: contact.email ?? null,
		phone: contact.phone ?? null,
		tags: contact.tags ?? [],
		assignedTo: contact.assignedTo ?? null,
		dateAdded: contact.dateAdded ?? null,
		dateUpdated: contact.dateUpdated ?? null,
		locationId: contact.locationId ?? client.locationId,
		customFields: Object.fromEntries(
			custom.filter((field) => field.id).map((field) => [keys.get(field.id!) ?? field.id!, field.value ?? field.field_value ?? null]),
		),
	};
}
