import type { INodeProperties } from 'n8n-workflow';

/** Values are the credential type names, so the transport can sign with the selected one. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Marketplace App)', value: 'ghlOAuth2Api' },
		{ name: 'Private Integration Token', value: 'ghlPrivateIntegrationApi' },
	],
	default: 'ghlOAuth2Api',
};

export const locationProperty: INodeProperties = {
	displayName: 'Location (Agency Installs)',
	name: 'location',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	hint: 'Only for agency (Company) OAuth2 installs: the sub-account to work in. Leave empty when the credential was installed on a single sub-account.',
	displayOptions: { show: { authentication: ['ghlOAuth2Api'] } },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a location...',
			typeOptions: { searchListMethod: 'searchLocations', searchable: true },
		},
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			placeholder: 've9EPM428h8vShlRW1KT',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid location ID' },
				},
			],
		},
	],
};

/** Every contactId in the node: pick, paste an ID, or look up by email or phone. */
export function contactLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Search contacts...',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'ocQHyuzHvysMo5N5VsXc',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid contact ID' },
					},
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'jane@example.com',
			},
			{
				displayName: 'By Phone',
				name: 'phone',
				type: 'string',
				placeholder: '+14155550123',
			},
		],
		...overrides,
	};
}

export const userProperty: INodeProperties = {
	displayName: 'Assigned User Name or ID',
	name: 'assignedTo',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** For "Options" collections: how dates written without an offset are read. */
export const timezoneOption: INodeProperties = {
	displayName: 'Timezone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'America/New_York',
	description:
		'IANA timezone for dates written without an offset (e.g. 2026-05-01 14:30). Leave empty to use the workflow\'s timezone.',
};
