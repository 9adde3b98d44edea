import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { duplicateContactId } from '../../transport/errors';
import { echoGuardOptions, markBody, readEchoGuard } from '../../sync/echoWrite';
import { optionsCollection } from '../common.descriptions';
import { byEmailOrPhone } from '../lockKeys';
import { buildContactBody, CREATE_ONLY } from './body';
import { contactFieldsCollection, emailProperty, phoneProperty } from './descriptions';

const properties: INodeProperties[] = [
	emailProperty,
	phoneProperty,
	contactFieldsCollection('create'),
	optionsCollection([
		{
			displayName: 'If Duplicate',
			name: 'onDuplicate',
			type: 'options',
			options: [
				{ name: 'Fail', value: 'fail', description: 'Stop with an error that names the existing contact' },
				{ name: 'Update Existing', value: 'update', description: 'Write these fields to the existing contact' },
				{ name: 'Return Existing', value: 'return', description: 'Leave the existing contact as it is and return it' },
			],
			default: 'fail',
			description: 'What to do when the location does not allow duplicates and GHL finds one by email or phone',
		},
		simplifyProperty,
		...echoGuardOptions('contact'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['create'] } }, properties);

/** Fields UpdateContactDto refuses (they are CreateContactDto-only). */
const NOT_UPDATABLE = new Set(['locationId', ...CREATE_ONLY]);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { onDuplicate?: string; simplify?: boolean };
	const body = await buildContactBody.call(this, client, itemIndex, 'create');
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	let contact: IDataObject;
	let duplicate = false;
	try {
		const response = await client.request<{ contact: IDataObject }>({ method: 'POST', path: '/contacts/', body: markBody(body, guard), itemIndex });
		contact = response.contact;
	} catch (error) {
		const existingId =
			error instanceof NodeApiError && error.httpCode === '400'
				? duplicateContactId((error.errorResponse ?? {}) as IDataObject)
				: undefined;
		if (!existingId || !options.onDuplicate || options.onDuplicate === 'fail') {
			throw new NodeApiError(this.getNode(), error as JsonObject);
		}
		duplicate = true;
		if (options.onDuplicate === 'update') {
			const update = Object.fromEntries(Object.entries(body).filter(([key]) => !NOT_UPDATABLE.has(key)));
			const response = await client.request<{ contact: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}', segments: { contactId: existingId }, body: markBody(update, guard), itemIndex });
			contact = response.contact;
		} else {
			const response = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId: existingId }, itemIndex });
			contact = response.contact;
		}
	}
	const output = options.simplify ? await simplifyContact(client, contact) : contact;
	return options.onDuplicate && options.onDuplicate !== 'fail' ? { ...output, duplicate } : output;
}

export const lockKey = byEmailOrPhone;
