import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';

/** Add Tags and Remove Tags: one request, POST or DELETE. */
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
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const response = await client.request<IDataObject>({ method, path: '/contacts/{contactId}/tags', segments: { contactId }, body: { tags }, itemIndex });
	return { id: contactId, ...response };
}
