import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadCustomFields, shortKey } from '../helpers/customFields';
import { getGhlClient } from '../transport';
import { searchUsers } from './listSearch';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { results } = await searchUsers.call(this);
	return results.map(({ name, value }) => ({ name, value })).sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const { tags = [] } = await client.request<{ tags?: IDataObject[] }>({
		method: 'GET',
		path: '/locations/{locationId}/tags', segments: { locationId: client.locationId },
	});
	// Contacts carry tag names, not ids, so the name is the value.
	return tags.map((tag) => ({ name: String(tag.name), value: String(tag.name) })).sort(byName);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await getGhlClient.call(this);
	const fields = await loadCustomFields(client);
	return fields
		.map((field) => ({
			name: `${field.name ?? field.id}${shortKey(field) ? ` (${shortKey(field)})` : ''}`,
			value: field.id,
			description: field.dataType,
		}))
		.sort(byName);
}
