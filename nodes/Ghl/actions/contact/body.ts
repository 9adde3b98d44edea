import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildCustomFields } from '../../helpers/customFields';
import { toDateOnly } from '../../helpers/dates';
import { assertEmail, compact, invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { readFields } from '../parameters';

/** Which DTO a body is for: the contacts spec gives each one its own property list. */
export type ContactDto = 'create' | 'upsert' | 'update';

/** Properties UpdateContactDto lacks (sending them to PUT gets a 422). */
export const CREATE_ONLY = new Set(['gender', 'companyName']);

/** Builds the JSON body for the given DTO from an item's parameters, validating before any send. */
export async function buildContactBody(
	this: IExecuteFunctions,
	client: GhlClient,
	itemIndex: number,
	dto: ContactDto,
): Promise<IDataObject> {
	const node = this.getNode();
	const fields = {
		...(dto === 'update' ? {} : { email: this.getNodeParameter('email', itemIndex, ''), phone: this.getNodeParameter('phone', itemIndex, '') }),
		...readFields.call(this, itemIndex, dto),
	} as IDataObject;

	const body: IDataObject = {};
	for (const key of ['firstName', 'lastName', 'name', 'phone', 'address1', 'city', 'state', 'postalCode', 'country', 'website', 'timezone', 'source', 'companyName', 'gender', 'assignedTo']) {
		if (dto === 'update' && CREATE_ONLY.has(key)) continue;
		const value = fields[key];
		if (value !== undefined && value !== null && String(value).trim() !== '') body[key] = String(value).trim();
	}
	if (fields.email !== undefined && String(fields.email).trim() !== '') {
		body.email = assertEmail(node, itemIndex, 'Email', fields.email);
	}
	if (fields.dateOfBirth !== undefined && fields.dateOfBirth !== '') {
		body.dateOfBirth = toDateOnly(node, itemIndex, 'Date of Birth', fields.dateOfBirth);
	}
	if (fields.dnd !== undefined) body.dnd = Boolean(fields.dnd);
	const dndRows = ((fields.dndSettings as IDataObject | undefined)?.channel ?? []) as IDataObject[];
	if (dndRows.length) {
		body.dndSettings = Object.fromEntries(
			dndRows.map((row) => [row.channel as string, compact({ status: row.status as string, message: row.message as string })]),
		);
	}
	if (fields.tags !== undefined) {
		const tags = toList(fields.tags);
		if (tags.length || dto !== 'update') body.tags = tags;
	}
	if (dto !== 'update') {
		if (!body.email && !body.phone && !body.firstName && !body.lastName && !body.name) {
			throw invalidInput(node, itemIndex, 'Email / Phone / Name', 'all are empty', 'Give the contact at least an email, a phone number or a name.');
		}
		body.locationId = client.locationId;
	}
	// Last: the only check that needs a request (the location's custom field list).
	const customRows = ((fields.customFields as IDataObject | undefined)?.field ?? []) as Array<{ field?: string; value?: unknown }>;
	const customFields = await buildCustomFields.call(this, client, itemIndex, customRows);
	if (customFields.length) body.customFields = customFields;
	if (Array.isArray(body.tags) && !(body.tags as string[]).length) delete body.tags;
	return body;
}
