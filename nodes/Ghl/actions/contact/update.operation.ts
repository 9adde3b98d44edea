import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import { conflictProperties, readConflictPolicy } from '../../sync/conflictOptions';
import { decideWrite } from '../../sync/conflictPolicy';
import { getContact } from '../../sync/existingRecord';
import type { GhlClient } from '../../transport';
import { echoGuardOptions, markBody, mergeTags, readEchoGuard, readMergedTags } from '../../sync/echoWrite';
import { contactLocator, optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { buildContactBody } from './body';
import { contactFieldsCollection } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	contactFieldsCollection('update'),
	...conflictProperties('one GET /contacts/{ID} before the write'),
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
		...echoGuardOptions('contact', 'With Tags: Add to Existing, reads the contact first (one GET, unless On Conflict already does) so the added tags go in the same PUT as the marker.'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const { tagMode = 'add', simplify } = this.getNodeParameter('options', itemIndex, {}) as { tagMode?: string; simplify?: boolean };
	const policy = readConflictPolicy.call(this, itemIndex);
	const body = await buildContactBody.call(this, client, itemIndex, 'update');
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	const tags = body.tags as string[] | undefined;
	if (tagMode === 'add') delete body.tags;
	if (!Object.keys(body).length && !tags?.length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Add at least one field under "Update Fields".');
	}
	const contactId = await resolveContactId.call(this, client, itemIndex);
	// The policy's read comes after every check.
	const existing = policy.mode === 'overwrite' ? undefined : await getContact.call(this, client, itemIndex, contactId);
	const write = decideWrite(policy, existing, 'contact', tagMode === 'add' && tags?.length ? { ...body, tags } : body);
	if (write.skip) return write.skip;
	// Fill Empty drops tags when GHL has them all; "add" still sends them with POST /tags.
	const update = { ...write.body };
	const addTags = tagMode === 'add' && update.tags ? tags : undefined;
	if (tagMode === 'add') delete update.tags;
	// Echo guard: POST /tags cannot carry the marker, so the added tags go in the one PUT.
	if (guard && addTags?.length) {
		update.tags = existing ? mergeTags(existing.tags, addTags, 'add') : await readMergedTags(client, itemIndex, contactId, addTags, 'add');
	}
	const postTags = guard ? undefined : addTags;
	let contact: IDataObject;
	if (Object.keys(update).length) {
		({ contact } = await client.request<{ contact: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}', segments: { contactId }, body: markBody(update, guard), itemIndex }));
	} else if (existing) {
		contact = existing;
	} else {
		({ contact } = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId }, itemIndex }));
	}
	if (postTags?.length) {
		// POST /tags adds without touching the others; its answer is the full tag list.
		const added = await client.request<{ tags?: string[] }>({ method: 'POST', path: '/contacts/{contactId}/tags', segments: { contactId }, body: { tags: postTags }, itemIndex });
		contact = { ...contact, tags: added.tags ?? [...new Set([...((contact.tags as string[]) ?? []), ...postTags])] };
	}
	const output = simplify ? await simplifyContact(client, contact) : contact;
	return write.report ? { ...output, ...write.report } : output;
}

export const lockKey = byContactLocator;
