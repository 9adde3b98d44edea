import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';

/** The two tag operations share their parameters; only the HTTP method differs. */
export const tagProperties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		description: 'Choose from the list, or give names with an <a href="https://docs.n8n.io/code/expressions/">expression</a> (comma-separated or an array). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

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
