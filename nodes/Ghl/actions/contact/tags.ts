import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { markBody, readEchoGuard, readMergedTags } from '../../sync/echoWrite';

/** The echo guard option's cost note for Add / Remove Tags. */
export const ECHO_GUARD_COST =
	'Reads the contact first (one GET) and sends one PUT with the changed tag list and the marker, because the tag endpoints cannot carry a custom field. Items with it on are not batched: two requests per contact instead of one bulk request per 100 contacts.';

/** The item's tag list: at least one. */
export function readTags(this: IExecuteFunctions, itemIndex: number): string[] {
	const tags = toList(this.getNodeParameter('tags', itemIndex, []));
	if (!tags.length) {
		throw invalidInput(this.getNode(), itemIndex, 'Tags', 'no tag given', 'Pick at least one tag or pass names with an expression.');
	}
	return tags;
}

/**
 * Add Tags and Remove Tags for one item (many items at once: bulkTags.ts): one request, POST or
 * DELETE. With the echo guard on, those endpoints cannot carry the marker: read the contact and
 * send one PUT with the changed list and the marker.
 */
export async function changeTags(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	method: 'POST' | 'DELETE',
): Promise<IDataObject> {
	const tags = readTags.call(this, itemIndex);
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	if (guard) {
		const merged = await readMergedTags(client, itemIndex, contactId, tags, method === 'POST' ? 'add' : 'remove');
		const body = markBody({ tags: merged }, guard);
		const { contact } = await client.request<{ contact?: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}', segments: { contactId }, body, itemIndex });
		return { id: contactId, tags: contact?.tags ?? merged };
	}
	const response = await client.request<IDataObject>({ method, path: '/contacts/{contactId}/tags', segments: { contactId }, body: { tags }, itemIndex });
	return { id: contactId, ...response };
}
