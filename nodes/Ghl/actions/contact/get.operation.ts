import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, optionsCollection } from '../common.descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	optionsCollection([simplifyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { simplify } = this.getNodeParameter('options', itemIndex, {}) as { simplify?: boolean };
	const { contact } = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId }, itemIndex });
	return simplify ? await simplifyContact(client, contact) : contact;
}
