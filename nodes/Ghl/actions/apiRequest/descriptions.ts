import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../common.descriptions';
import { API_REQUEST_METHODS } from './body';

export const methodProperty: INodeProperties = {
	displayName: 'Method',
	name: 'method',
	type: 'options',
	options: API_REQUEST_METHODS.map((method) => ({ name: method, value: method })),
	default: 'GET',
};

export const pathProperty: INodeProperties = {
	displayName: 'Path',
	name: 'path',
	type: 'string',
	required: true,
	default: '',
	placeholder: '/contacts/ocQHyuzHvysMo5N5VsXc',
	description:
		'Path below the API base URL (https://services.leadconnectorhq.com). No host, no query (use Query Parameters), no ".." segments, no % escapes.',
};

export const queryProperty: INodeProperties = {
	displayName: 'Query Parameters',
	name: 'queryParameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Parameter',
	default: {},
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'locationId' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

const withBody = { displayOptions: { hide: { method: ['GET'] } } };

export const sendBodyProperty: INodeProperties = {
	displayName: 'Send Body',
	name: 'sendBody',
	type: 'boolean',
	default: false,
	description: 'Whether to send a JSON body',
	...withBody,
};

export const jsonBodyProperty: INodeProperties = {
	displayName: 'JSON Body',
	name: 'jsonBody',
	type: 'json',
	default: '{}',
	description: 'A JSON object or array, sent as the request body',
	displayOptions: { hide: { method: ['GET'] }, show: { sendBody: [true] } },
};

export const apiRequestOptions = optionsCollection([
	{
		displayName: 'Split Array Into Items',
		name: 'splitArray',
		type: 'boolean',
		default: false,
		description: 'Whether an answer that is a JSON array becomes one item per element (off: one item with the array in "data")',
	},
	{
		displayName: 'Version',
		name: 'version',
		type: 'string',
		default: '',
		placeholder: '2021-07-28',
		description: 'Version header to send instead of the endpoint family\'s (2021-04-15 for calendars and conversations, else 2021-07-28)',
	},
]);
