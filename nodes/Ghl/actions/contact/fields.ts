import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildCustomFields } from '../../helpers/customFields';
import { toDateOnly } from '../../helpers/dates';
import { assertEmail, compact, invalidInput, toList } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { userProperty } from '../common.descriptions';

/** Which DTO a body is for: the contacts spec gives each one its own property list. */
export type ContactDto = 'create' | 'upsert' | 'update';

/** Properties UpdateContactDto lacks (sending them to PUT gets a 422). */
const CREATE_ONLY = new Set(['gender', 'companyName']);

const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	description: 'GHL matches duplicates on email and phone',
};

export const phoneProperty: INodeProperties = {
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '',
	placeholder: '+14155550123',
	description: 'Include the country code (E.164) so GHL can match duplicates',
};

function contactFields(dto: ContactDto): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address1', type: 'string', default: '' },
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'US',
			description: 'Two-letter country code',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Custom Field',
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'field',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields' },
							default: '',
							description: 'Choose from the list, or give the field\'s ID or key (e.g. lead_score) with an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Numbers for numeric fields; comma-separated options for checkbox and multi-select fields',
						},
					],
				},
			],
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'DND (All Channels)',
			name: 'dnd',
			type: 'boolean',
			default: false,
			description: 'Whether to stop all messages to this contact (Do Not Disturb)',
		},
		{
			displayName: 'DND per Channel',
			name: 'dndSettings',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Channel',
			options: [
				{
					displayName: 'Channel',
					name: 'channel',
					values: [
						{
							displayName: 'Channel',
							name: 'channel',
							type: 'options',
							options: DND_CHANNELS.map((channel) => ({ name: channel, value: channel })),
							default: 'SMS',
						},
						{
							displayName: 'Status',
							name: 'status',
							type: 'options',
							options: [
								{ name: 'Active (Do Not Disturb)', value: 'active' },
								{ name: 'Inactive', value: 'inactive' },
								{ name: 'Permanent', value: 'permanent' },
							],
							default: 'active',
						},
						{ displayName: 'Message', name: 'message', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{
			displayName: 'Full Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Used when first and last name are not given separately',
		},
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Male', value: 'male' },
				{ name: 'Female', value: 'female' },
			],
			default: 'male',
		},
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{
			displayName: 'Source',
			name: 'source',
			type: 'string',
			default: '',
			placeholder: 'ScoreApp',
			description: 'Where the contact came from, shown in GHL',
		},
		{ displayName: 'State', name: 'state', type: 'string', default: '' },
		{
			displayName: 'Tag Names or IDs',
			name: 'tags',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getTags' },
			default: [],
			description: 'Choose from the list, or give names with an <a href="https://docs.n8n.io/code/expressions/">expression</a> (comma-separated or an array). New tags are created. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			placeholder: 'America/New_York',
		},
		{ displayName: 'Website', name: 'website', type: 'string', default: '' },
		{ ...userProperty, displayName: 'Assigned User Name or ID' },
	];
	return fields
		.filter((field) => dto !== 'update' || !CREATE_ONLY.has(field.name))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The "Additional Fields" (create/upsert) or "Update Fields" collection. */
export function contactFieldsCollection(dto: ContactDto): INodeProperties {
	return {
		displayName: dto === 'update' ? 'Update Fields' : 'Additional Fields',
		name: dto === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...(dto === 'update' ? [emailProperty, phoneProperty] : []),
			...contactFields(dto),
		],
	};
}

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
		...(this.getNodeParameter(dto === 'update' ? 'updateFields' : 'additionalFields', itemIndex, {}) as IDataObject),
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
