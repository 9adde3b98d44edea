import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { GHL_API_BASE_URL } from '../../../credentials/GhlOAuth2Api.credentials';
import { CREDENTIAL_TYPES, type GhlCredentialType } from './constants';
import { assertCredentialUrls } from './credentialUrls';
import type { RawRequest } from './http';
import { mintLocationToken } from './locationToken';
import { assertPathSegment } from './path';

/** Which credential an item uses, which location it works in, and how its requests are signed. */

export type GhlContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** The transport's send (passed in: auth needs it to mint location tokens). */
export type SendRaw = (
	ctx: GhlContext,
	credentialType: GhlCredentialType,
	baseUrl: string,
	raw: RawRequest,
	idempotent?: boolean,
	startToken?: string,
) => Promise<unknown>;

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


export interface Auth {
	credentialType: GhlCredentialType;
	baseUrl: string;
	locationId: string;
	/** A minted location token (agency installs); otherwise n8n signs with the credential. */
	locationToken?: () => Promise<string>;
	companyId?: string;
	clientId?: string;
	/** OAuth2: the access token stored when this client was made (to detect a lost refresh race). */
	startToken?: string;
}

/** For callers that know better than the node's parameters (e.g. a trigger handling one event). */
export interface GhlClientOptions {
	/** The location to work in, instead of the Location parameter. */
	location?: string;
	/** The credential type to use, instead of the Authentication parameter. */
	credentialType?: GhlCredentialType;
}

/** The credential an item uses (the Authentication parameter unless told otherwise) and its API host. */
export async function credentialFor(ctx: GhlContext, itemIndex: number, override?: GhlCredentialType) {
	const credentialType = (override ??
		readParameter(ctx, 'authentication', itemIndex, CREDENTIAL_TYPES.oAuth2) ??
		CREDENTIAL_TYPES.oAuth2) as GhlCredentialType;
	const credentials = await ctx.getCredentials(credentialType);
	assertCredentialUrls(ctx.getNode(), credentials, ['apiBaseUrl', 'accessTokenUrl']);
	// The host lives in the credential so n8n's credential overwrites can redirect a whole instance.
	const baseUrl = String(credentials.apiBaseUrl || GHL_API_BASE_URL).replace(/\/+$/, '');
	return { credentialType, credentials, baseUrl };
}

export async function resolveAuth(
	ctx: GhlContext,
	itemIndex: number,
	options: GhlClientOptions,
	sendRaw: SendRaw,
): Promise<Auth> {
	const locationOverride = options.location;
	const { credentialType, credentials, baseUrl } = await credentialFor(ctx, itemIndex, options.credentialType);

	if (credentialType === CREDENTIAL_TYPES.privateIntegration) {
		const locationId = String(credentials.locationId ?? '').trim();
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'The Private Integration credential has no Location ID', {
				description: 'Open the credential and enter the sub-account\'s Location ID.',
				itemIndex,
			});
		}
		return { credentialType, baseUrl, locationId };
	}

	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	if (tokenData.userType === 'Company') {
		const companyId = String(tokenData.companyId ?? '');
		const locationId = (locationOverride ?? readLocation(ctx, itemIndex)).trim();
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'Choose a Location: this credential is an agency (Company) install', {
				description: 'Set the "Location" parameter to the sub-account to work in (pick from the list or paste its ID).',
				itemIndex,
			});
		}
		// A location token is minted for this ID and it goes into paths: the ID rule applies.
		assertPathSegment(ctx.getNode(), itemIndex, 'Location', locationId);
		const clientId = String(credentials.clientId ?? '');
		return {
			credentialType,
			baseUrl,
			locationId,
			companyId,
			clientId,
			locationToken: async () =>
				await mintLocationToken(
					{ clientId, companyId, locationId },
					async (form) =>
						await sendRaw(ctx, credentialType, baseUrl, {
							method: 'POST',
							path: '/oauth/locationToken',
							form,
							itemIndex,
							locationId: companyId,
						},
						// Minting twice is harmless.
						true,
						tokenData.access_token as string | undefined,
					),
				),
		};
	}
	const locationId = String(tokenData.locationId ?? '');
	const requested = locationOverride ?? readLocation(ctx, itemIndex);
	if (requested && locationId && requested !== locationId) {
		throw new NodeOperationError(ctx.getNode(), `Location "${requested}" is not the one this credential was installed on`, {
			description: `This OAuth2 credential is a sub-account install for location "${locationId}". Clear the Location parameter, or use an agency (Company) install to reach other locations.`,
			itemIndex,
		});
	}
	return { credentialType, baseUrl, locationId, startToken: tokenData.access_token as string | undefined };
}
