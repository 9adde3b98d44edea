import type { INodeProperties } from 'n8n-workflow';

import { contactLocator, fieldsCollection, userProperty } from '../common.descriptions';
import { CREATE_ONLY, type ContactDto } from './body';

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
	return fieldsCollection(dto, [...(dto === 'update' ? [emailProperty, phoneProperty] : []), ...contactFields(dto)]);
}

/** The two tag operations share their parameters; only the HTTP method differs. */
export const tagProperties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Tag Names or IDs',
		name: 'tags',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTags' },
		default: [],
		required: true,
		description: 'Choose from the list, or give names with an <a href="https://docs.n8n.io/code/expressions/">expression</a> (comma-separated or an array). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];
