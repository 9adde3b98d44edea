import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { markBody, readEchoGuard, readMergedTags } from '../../sync/echoWrite';

/**
 * Add Tags and Remove Tags: one request, POST or DELETE. With the echo guard on, those endpoints
 * cannot carry the marker: read the contact and send one PUT with the changed list and the marker.
 */
export async function changeTags(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	method: 'POST' | 'DELETE',
): Promise<IDataObject> {
	const tags = toList(this.getNodeParameter('tags', itemIndex, []));
	if (!tags.length) {
		throw invalidInput(this.getNode(), itemIndex, 'Tags', 'no tag given', 'Pick at least one tag or pass names with an expression.');
	}
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
