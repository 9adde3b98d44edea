import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

import { EDITOR_ID_PATTERN } from '../transport/path';

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

/** The editor's check on a pasted ID; at run time every ID goes through assertId (transport/path.ts). */

/** A record picker: from a list search, a pasted ID, then any further `modes`; `what` names it in the ID mode's error. */
function recordLocator(
	what: string,
	searchListMethod: string,
	placeholders: { list: string; id: string },
	further: { modes?: INodePropertyMode[] } = {},
): Pick<INodeProperties, 'type' | 'default' | 'modes'> {
	return {
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: placeholders.list,
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: placeholders.id,
				validation: [{ type: 'regex', properties: { regex: EDITOR_ID_PATTERN, errorMessage: `Not a valid ${what} ID` } }],
			},
			...(further.modes ?? []),
		],
	};
}

export const locationProperty: INodeProperties = {
	displayName: 'Location (Agency Installs)',
	name: 'location',
	...recordLocator('location', 'searchLocations', { list: 'Select a location...', id: 've9EPM428h8vShlRW1KT' }),
	hint: 'Only for agency (Company) OAuth2 installs: the sub-account to work in. Leave empty when the credential was installed on a single sub-account.',
	displayOptions: { show: { authentication: ['ghlOAuth2Api'] } },
};

/** Every contactId in the node: pick, paste an ID, or look up by email or phone. */
export function contactLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Contact',
		name: 'contactId',
		...recordLocator('contact', 'searchContacts', { list: 'Search contacts...', id: 'ocQHyuzHvysMo5N5VsXc' }, {
			modes: [
				{ displayName: 'By Email', name: 'email', type: 'string', placeholder: 'jane@example.com' },
				{ displayName: 'By Phone', name: 'phone', type: 'string', placeholder: '+14155550123' },
			],
		}),
		required: true,
		...overrides,
	};
}

export function calendarLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Calendar',
		name: 'calendarId',
		...recordLocator('calendar', 'searchCalendars', { list: 'Select a calendar...', id: 'CVokAlI8fgw4WYWoCtQz' }),
		required: true,
		...overrides,
	};
}

/** The "Options" collection an operation ends with. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The parameter a DTO's optional fields live in: "Update Fields" for update, else "Additional Fields". */
export function fieldsParameter(dto: string): 'updateFields' | 'additionalFields' {
	return dto === 'update' ? 'updateFields' : 'additionalFields';
}

/** The "Filters" collection of a Get Many. */
export function filtersCollection(options: INodeProperties[], more: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, ...more, options };
}

export function fieldsCollection(dto: string, options: INodeProperties[]): INodeProperties {
	return {
		displayName: dto === 'update' ? 'Update Fields' : 'Additional Fields',
		name: fieldsParameter(dto),
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
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
