import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { echoGuardOptions, markBody, readEchoGuard } from '../../sync/echoWrite';
import { optionsCollection } from '../common.descriptions';
import { byEmailOrPhone } from '../lockKeys';
import { buildContactBody } from './body';
import { contactFieldsCollection, emailProperty, phoneProperty } from './descriptions';

const properties: INodeProperties[] = [
	{ ...emailProperty, description: 'GHL finds the contact to update by email or phone (as the location\'s duplicate settings say)' },
	phoneProperty,
	contactFieldsCollection('upsert'),
	optionsCollection([
		{
			displayName: 'Create New if Duplicates Allowed',
			name: 'createNewIfDuplicateAllowed',
			type: 'boolean',
			default: false,
			description: 'Whether to always create a new contact when the location allows duplicates (otherwise the match is updated)',
		},
		simplifyProperty,
		...echoGuardOptions('contact'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { createNewIfDuplicateAllowed?: boolean; simplify?: boolean };
	const body = await buildContactBody.call(this, client, itemIndex, 'upsert');
	if (options.createNewIfDuplicateAllowed) body.createNewIfDuplicateAllowed = true;
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	const response = await client.request<{ new?: boolean; contact: IDataObject }>({
		method: 'POST',
		path: '/contacts/upsert',
		body: markBody(body, guard),
		// Upserting the same data twice leaves one contact: safe to retry.
		idempotent: true,
		itemIndex,
	});
	const contact = options.simplify ? await simplifyContact(client, response.contact) : response.contact;
	return { ...contact, isNew: response.new === true };
}

export const lockKey = byEmailOrPhone;
