import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';

const properties: INodeProperties[] = [contactLocator()];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, client, itemIndex);
	await client.request({ method: 'DELETE', path: '/contacts/{contactId}', segments: { contactId }, itemIndex });
	return { id: contactId, deleted: true };
}

export const lockKey = byContactLocator;
