import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { buildSendMessageBody, dndHint, isDndRefusal, readMessageType } from './body';
import { emailProperties, messageProperty, messageTypeProperty, sendMessageFields, sendMessageOptions } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact the message goes to' }),
	messageTypeProperty,
	...emailProperties,
	messageProperty,
	sendMessageFields,
	sendMessageOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['conversation'], operation: ['sendMessage'] } }, properties);

/** Messages to one contact go out one after another, in item order. */
export const lockKey = byContactLocator;

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const type = readMessageType.call(this, itemIndex);
	// Every input is checked before the first request (a contact lookup is one).
	const fields = buildSendMessageBody.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const body = { ...fields, contactId };
	try {
		// A plain POST: never retried, since a repeat would send the message twice.
		const response = await client.request<IDataObject>({ method: 'POST', path: '/conversations/messages', body, itemIndex });
		return { contactId, ...response };
	} catch (error) {
		if (error instanceof NodeApiError && Number(error.httpCode) >= 400 && Number(error.httpCode) < 500 && isDndRefusal(error.message)) {
			error.description = dndHint(type);
		}
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}
