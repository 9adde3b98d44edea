import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { buildContactBody } from './body';
import { contactFieldsCollection } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	contactFieldsCollection('update'),
	optionsCollection([
		{
			displayName: 'Tags',
			name: 'tagMode',
			type: 'options',
			options: [
				{ name: 'Add to Existing Tags', value: 'add' },
				{ name: 'Replace All Tags', value: 'replace' },
			],
			default: 'add',
			description: 'GHL\'s update replaces the whole tag list; "Add" keeps the contact\'s current tags',
		},
		simplifyProperty,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const { tagMode = 'add', simplify } = this.getNodeParameter('options', itemIndex, {}) as { tagMode?: string; simplify?: boolean };
	const body = await buildContactBody.call(this, client, itemIndex, 'update');
	const tags = body.tags as string[] | undefined;
	if (tagMode === 'add') delete body.tags;
	if (!Object.keys(body).length && !tags?.length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Add at least one field under "Update Fields".');
	}
	const contactId = await resolveContactId.call(this, client, itemIndex);
	let contact: IDataObject;
	if (Object.keys(body).length) {
		({ contact } = await client.request<{ contact: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}', segments: { contactId }, body, itemIndex }));
	} else {
		({ contact } = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId }, itemIndex }));
	}
	if (tagMode === 'add' && tags?.length) {
		// POST /tags adds without touching the others; its answer is the full tag list.
		const added = await client.request<{ tags?: string[] }>({ method: 'POST', path: '/contacts/{contactId}/tags', segments: { contactId }, body: { tags }, itemIndex });
		contact = { ...contact, tags: added.tags ?? [...new Set([...((contact.tags as string[]) ?? []), ...tags])] };
	}
	return simplify ? await simplifyContact(client, contact) : contact;
}

export const lockKey = byContactLocator;
