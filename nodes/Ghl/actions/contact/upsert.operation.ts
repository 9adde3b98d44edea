import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyContact, simplifyProperty } from '../../helpers/simplify';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import { conflictProperties, readConflictPolicy } from '../../sync/conflictOptions';
import { decideWrite, narrowTo, setsAnyField } from '../../sync/conflictPolicy';
import { findMatchingContact, matchKeys } from '../../sync/existingRecord';
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
	...conflictProperties('one GET /contacts/search/duplicate (by email and phone) before the write'),
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
	const policy = readConflictPolicy.call(this, itemIndex);
	const body = await buildContactBody.call(this, client, itemIndex, 'upsert');
	if (options.createNewIfDuplicateAllowed && policy.mode === 'fillEmpty') {
		// A new duplicate would get only the fields the match lacks.
		throw invalidInput(this.getNode(), itemIndex, 'On Conflict', 'Fill Empty Fields Only cannot be combined with "Create New if Duplicates Allowed"', 'Turn one of them off.');
	}
	if (options.createNewIfDuplicateAllowed) body.createNewIfDuplicateAllowed = true;
	const guard = await readEchoGuard.call(this, client, itemIndex, 'contact');
	// After every check: the contact GHL would match, by the same email and phone.
	const existing = policy.mode === 'overwrite' ? undefined : await findMatchingContact(client, itemIndex, body);
	const write = decideWrite(policy, existing, 'contact', body);
	if (write.skip) return write.skip;
	if (existing && write.report) {
		if (!setsAnyField(write.body)) {
			const contact = options.simplify ? await simplifyContact(client, existing) : existing;
			return { ...contact, isNew: false, ...write.report };
		}
		narrowTo(body, { ...matchKeys(existing, body), ...write.body });
	}
	const response = await client.request<{ new?: boolean; contact: IDataObject }>({
		method: 'POST',
		path: '/contacts/upsert',
		body: markBody(body, guard),
		// Upserting the same data twice leaves one contact: safe to retry.
		idempotent: true,
		itemIndex,
	});
	const contact = options.simplify ? await simplifyContact(client, response.contact) : response.contact;
	return { ...contact, isNew: response.new === true, ...write.report };
}

export const lockKey = byEmailOrPhone;
