import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, limitProperty, returnAllProperty } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [contactLocator(), returnAllProperty, limitProperty];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	// GHL returns the contact's whole list; the limit is ours.
	const { notes = [] } = await client.request<{ notes?: IDataObject[] }>({
		method: 'GET',
		path: '/contacts/{contactId}/notes', segments: { contactId },
		itemIndex,
	});
	return notes.slice(0, limit);
}
