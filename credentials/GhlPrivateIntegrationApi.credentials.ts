import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { GHL_API_BASE_URL } from '../nodes/shared/ghlHosts';

/** https to any host, or http to loopback; no user info. Kept brace-free for n8n's expression parser. */
export const SAFE_API_BASE_URL_PATTERN =
	String.raw`/^(https:\/\/[^\/@\s]+|http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?)(\/[^@\s]*)?$/`;

export class GhlPrivateIntegrationApi implements ICredentialType {
	name = 'ghlPrivateIntegrationApi';

	displayName = 'HighLevel (GHL) Private Integration API';

	documentationUrl = 'https://help.gohighlevel.com/support/solutions/articles/155000003054-private-integrations';

	icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Private Integration Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Sub-account Settings → Private Integrations → Create. Tick the contacts, calendars, locations, custom fields and users scopes.',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 've9EPM428h8vShlRW1KT',
			description: 'The sub-account the token belongs to (Settings → Business Profile → Location ID)',
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'hidden',
			default: GHL_API_BASE_URL,
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Reading the location proves the token is valid and belongs to that location. The token goes
	// to the stored host only when it is https (or http on this machine), else to GHL's own host.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ${SAFE_API_BASE_URL_PATTERN}.test($credentials.apiBaseUrl) ? $credentials.apiBaseUrl : '${GHL_API_BASE_URL}' }}`,
			url: '=/locations/{{$credentials.locationId}}',
			headers: { Version: '2021-07-28', Accept: 'application/json' },
		},
	};
}
