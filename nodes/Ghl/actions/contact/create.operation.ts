import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { updateDisplayOptions } from '../../helpers/utils';
import { conflictProperties, readConflictPolicy } from '../../sync/conflictOptions';
import { decideWrite, fieldNames, narrowTo } from '../../sync/conflictPolicy';
import { findMatchingContact, getContact } from '../../sync/existingRecord';
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
	...conflictProperties('one GET /contacts/search/duplicate (by email and phone) before the write, and a GET of the contact GHL names as the duplicate if it is another'),
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
	const policy = readConflictPolicy.call(this, itemIndex);
	const body = await buildContactBody.call(this, client, itemIndex, 'create');
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	// After every check: the contact GHL would match. A new contact gets every field.
	const found = policy.mode === 'overwrite' ? undefined : await findMatchingContact(client, itemIndex, body);
	const early = decideWrite(policy, found, 'contact', body);
	if (early.skip) return early.skip;
	let report = policy.mode === 'fillEmpty' ? { filled: fieldNames(body), kept: [] as string[] } : undefined;
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
			// The policy judges the contact GHL named: the look-up's, else read now.
			const existing = policy.mode === 'overwrite' ? undefined : found?.id === existingId ? found : await getContact.call(this, client, itemIndex, existingId);
			const write = decideWrite(policy, existing, 'contact', update);
			if (write.skip) return write.skip;
			narrowTo(update, write.body);
			report = write.report;
			if (existing && report && !Object.keys(update).length) {
				return { ...(options.simplify ? await simplifyContact(client, existing) : existing), duplicate, ...report };
			}
			const response = await client.request<{ contact: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}', segments: { contactId: existingId }, body: markBody(update, guard), itemIndex });
			contact = response.contact;
		} else {
			report = undefined;
			const response = await client.request<{ contact: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}', segments: { contactId: existingId }, itemIndex });
			contact = response.contact;
		}
	}
	const output = options.simplify ? await simplifyContact(client, contact) : contact;
	const result = options.onDuplicate && options.onDuplicate !== 'fail' ? { ...output, duplicate } : output;
	return report ? { ...result, ...report } : result;
}

export const lockKey = byEmailOrPhone;
