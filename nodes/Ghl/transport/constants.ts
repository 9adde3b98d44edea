/** The package version, sent in the User-Agent (a unit test keeps it equal to package.json). */
export const PACKAGE_VERSION = '0.1.0';

export const USER_AGENT = `n8n-nodes-ghl/${PACKAGE_VERSION}`;

/** GHL pins behaviour per endpoint family; calendars and conversations still answer on the older contract. */
export function apiVersionFor(path: string): string {
	return /^\/(calendars|conversations)(\/|$)/.test(path) ? '2021-04-15' : '2021-07-28';
}

/** A `Version` header value as GHL names its contracts: a real calendar date, `2021-07-28`. */
export function isApiVersion(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const CREDENTIAL_TYPES = {
	oAuth2: 'ghlOAuth2Api',
	privateIntegration: 'ghlPrivateIntegrationApi',
} as const;

export type GhlCredentialType = (typeof CREDENTIAL_TYPES)[keyof typeof CREDENTIAL_TYPES];
