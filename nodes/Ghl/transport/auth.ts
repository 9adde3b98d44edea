import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GHL_API_BASE_URL } from '../../shared/ghlHosts';
import { CREDENTIAL_TYPES, type GhlCredentialType } from './constants';
import { assertCredentialUrls } from './credentialUrls';
import type { Connection, RawRequest } from './http';
import { forgetLocationToken, mintLocationToken } from './locationToken';
import { assertPathSegment } from './path';

/** Which credential an item uses, which location it works in, and how its requests are signed. */

export type GhlContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The transport's send (passed in: auth needs it to mint location tokens). */
export type SendRaw = (ctx: GhlContext, connection: Connection, raw: RawRequest) => Promise<unknown>;

/** Reads a parameter in any context; resource locators give their value. Hidden ones give the fallback. */
function readParameter(ctx: GhlContext, name: string, itemIndex: number, fallback: unknown): unknown {
	const value =
		'getInputData' in ctx
			? (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback)
			: 'getCurrentNodeParameter' in ctx
				? ((ctx as ILoadOptionsFunctions).getCurrentNodeParameter(name) ??
					(ctx as ILoadOptionsFunctions).getNodeParameter(name, fallback))
				: (ctx as IWebhookFunctions).getNodeParameter(name, fallback);
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) return (value as IDataObject).value;
	return value;
}

/** The Location parameter of an item ('' when unset or hidden). */
export function readLocation(ctx: GhlContext, itemIndex: number): string {
	return String(readParameter(ctx, 'location', itemIndex, '') ?? '').trim();
}

/** The three kinds of credential the node works with; each finds its location differently. */
export type CredentialKind = 'privateIntegration' | 'subAccount' | 'agency';

export interface CredentialInfo {
	credentialType: GhlCredentialType;
	credentials: ICredentialDataDecryptedObject;
	kind: CredentialKind;
	connection: Connection;
	/** The location the credential itself is for ('' for an agency install). */
	homeLocationId: string;
	/** The agency (company) of an agency install. */
	companyId: string;
}

/** What kind a credential is, from its type and its stored token. */
export function credentialKind(credentialType: GhlCredentialType, credentials: ICredentialDataDecryptedObject): CredentialKind {
	if (credentialType === CREDENTIAL_TYPES.privateIntegration) return 'privateIntegration';
	return (credentials.oauthTokenData as IDataObject | undefined)?.userType === 'Company' ? 'agency' : 'subAccount';
}

/** The credential an item uses (the Authentication parameter unless told otherwise), checked, and its kind. */
export async function credentialFor(ctx: GhlContext, itemIndex: number, override?: GhlCredentialType): Promise<CredentialInfo> {
	const credentialType = (override ??
		readParameter(ctx, 'authentication', itemIndex, CREDENTIAL_TYPES.oAuth2) ??
		CREDENTIAL_TYPES.oAuth2) as GhlCredentialType;
	const credentials = await ctx.getCredentials(credentialType);
	assertCredentialUrls(ctx.getNode(), credentials, ['apiBaseUrl', 'accessTokenUrl']);
	const kind = credentialKind(credentialType, credentials);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return {
		credentialType,
		credentials,
		kind,
		connection: {
			credentialType,
			// The host lives in the credential so n8n's credential overwrites can redirect a whole instance.
			baseUrl: String(credentials.apiBaseUrl || GHL_API_BASE_URL).replace(/\/+$/, ''),
			appId: kind === 'privateIntegration' ? 'private-integration' : String(credentials.clientId ?? ''),
			startToken: kind === 'privateIntegration' ? undefined : (tokenData.access_token as string | undefined),
		},
		homeLocationId: String((kind === 'privateIntegration' ? credentials.locationId : tokenData.locationId) ?? '').trim(),
		companyId: String(tokenData.companyId ?? ''),
	};
}

export interface Auth {
	connection: Connection;
	locationId: string;
	/** A minted location token (agency installs); otherwise n8n signs with the credential. */
	locationToken?: () => Promise<string>;
	/** Forgets the location token if it is still the one GHL refused. */
	forgetLocationToken?: (failed: string) => Promise<void>;
}

/** For callers that know better than the node's parameters (e.g. a trigger handling one event). */
export interface GhlClientOptions {
	/** The location to work in, instead of the Location parameter. */
	location?: string;
	/** The credential type to use, instead of the Authentication parameter. */
	credentialType?: GhlCredentialType;
}

export async function resolveAuth(
	ctx: GhlContext,
	itemIndex: number,
	options: GhlClientOptions,
	sendRaw: SendRaw,
): Promise<Auth> {
	const node = ctx.getNode();
	const info = await credentialFor(ctx, itemIndex, options.credentialType);
	const { connection, homeLocationId } = info;
	const requested = (options.location ?? readLocation(ctx, itemIndex)).trim();

	if (info.kind === 'privateIntegration') {
		if (!homeLocationId) {
			throw new NodeOperationError(node, 'The Private Integration credential has no Location ID', {
				description: 'Open the credential and enter the sub-account\'s Location ID.',
				itemIndex,
			});
		}
		return { connection, locationId: homeLocationId };
	}

	if (info.kind === 'agency') {
		if (!requested) {
			throw new NodeOperationError(node, 'Choose a Location: this credential is an agency (Company) install', {
				description: 'Set the "Location" parameter to the sub-account to work in (pick from the list or paste its ID).',
				itemIndex,
			});
		}
		// A location token is minted for this ID and it goes into paths: the ID rule applies.
		const locationId = assertPathSegment(node, itemIndex, 'Location', requested);
		const credentialId = String(node.credentials?.[info.credentialType]?.id ?? '');
		const key = { credentialId, clientId: connection.appId, companyId: info.companyId, locationId };
		return {
			connection,
			locationId,
			locationToken: async () =>
				await mintLocationToken(
					key,
					async (form) =>
						await sendRaw(ctx, connection, {
							method: 'POST',
							path: '/oauth/locationToken',
							form,
							// Minting twice is harmless.
							idempotent: true,
							itemIndex,
							locationId: info.companyId,
						}),
				),
			forgetLocationToken: async (failed) => await forgetLocationToken(key, failed),
		};
	}

	if (requested && homeLocationId && requested !== homeLocationId) {
		throw new NodeOperationError(node, `Location "${requested}" is not the one this credential was installed on`, {
			description: `This OAuth2 credential is a sub-account install for location "${homeLocationId}". Clear the Location parameter, or use an agency (Company) install to reach other locations.`,
			itemIndex,
		});
	}
	return { connection, locationId: homeLocationId };
}
