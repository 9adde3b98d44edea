import type { ICredentialType, INodeProperties } from 'n8n-workflow';

import {
	GHL_API_BASE_URL,
	GHL_AUTH_URL,
	GHL_TOKEN_URL,
	GHL_WHITE_LABEL_AUTH_URL,
} from '../nodes/shared/ghlHosts';

/** Scopes the GHL nodes use; the marketplace app must grant the same ones. */
export const GHL_DEFAULT_SCOPES = [
	'contacts.readonly',
	'contacts.write',
	'calendars.readonly',
	'calendars.write',
	'calendars/events.readonly',
	'calendars/events.write',
	'conversations.readonly',
	'conversations/message.readonly',
	'conversations/message.write',
	'opportunities.readonly',
	'opportunities.write',
	'workflows.readonly',
	'campaigns.readonly',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/tags.readonly',
	'users.readonly',
	'oauth.readonly',
	'oauth.write',
].join(' ');

export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'HighLevel (GHL) OAuth2 API';

	documentationUrl = 'https://highlevel.stoplight.io/docs/integrations/a04191c0fabf9-authorization';

	icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: GHL_AUTH_URL,
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: GHL_WHITE_LABEL_AUTH_URL,
				},
			],
			default: GHL_AUTH_URL,
			description: 'White-label agencies install apps through the LeadConnector marketplace domain',
			required: true,
		},
		{
			// Hidden so that n8n's credential overwrites can point an instance at another server.
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: GHL_TOKEN_URL,
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'hidden',
			default: GHL_API_BASE_URL,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: GHL_DEFAULT_SCOPES,
			hint: 'Space-separated. Must match the scopes ticked in your marketplace app (Advanced Settings → Auth). Agency (Company) installs also need oauth.readonly and oauth.write.',
			required: true,
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
