import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, limitProperty, returnAllProperty } from '../common.descriptions';

const properties: INodeProperties[] = [contactLocator(), returnAllProperty, limitProperty];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	// GHL returns the contact's whole list; the limit is ours.
	const { notes = [] } = await client.request<{ notes?: IDataObject[] }>({
		method: 'GET',
		path: '/contacts/{contactId}/notes', segments: { contactId },
		itemIndex,
	});
	return notes.slice(0, limit);
}
