/** The package version, sent in the User-Agent (a unit test keeps it equal to package.json). */
export const PACKAGE_VERSION = '0.1.0';

export const USER_AGENT = `n8n-nodes-ghl/${PACKAGE_VERSION}`;

/** GHL pins behaviour per endpoint family; calendars still answer on the older contract. */
export function apiVersionFor(path: string): string {
	return path.startsWith('/calendars') ? '2021-04-15' : '2021-07-28';
}

export const CREDENTIAL_TYPES = {
	oAuth2: 'ghlOAuth2Api',
	privateIntegration: 'ghlPrivateIntegrationApi',
} as const;

export type GhlCredentialType = (typeof CREDENTIAL_TYPES)[keyof typeof CREDENTIAL_TYPES];
