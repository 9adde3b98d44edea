import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameterResourceLocator,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpRequest } from './http';

export const BASE_URL = 'https://services.leadconnectorhq.com';
export const LOCATION_ID = 'loc_A1';

export const privateIntegrationCredentials: ICredentialDataDecryptedObject = {
	accessToken: 'pit-secret-token',
	locationId: LOCATION_ID,
	apiBaseUrl: BASE_URL,
};

export const oauthLocationCredentials: ICredentialDataDecryptedObject = {
	clientId: 'app123-abc',
	clientSecret: 'client-secret',
	apiBaseUrl: BASE_URL,
	oauthTokenData: { access_token: 'oauth-access', refresh_token: 'oauth-refresh', userType: 'Location', locationId: LOCATION_ID },
};

export const oauthCompanyCredentials: ICredentialDataDecryptedObject = {
	clientId: 'app123-abc',
	clientSecret: 'client-secret',
	apiBaseUrl: BASE_URL,
	oauthTokenData: { access_token: 'company-access', refresh_token: 'company-refresh', userType: 'Company', companyId: 'comp_1' },
};

type Parameters = Record<string, unknown>;

export interface ContextOptions {
	/** Parameters for every item, or per item. */
	parameters: Parameters | ((itemIndex: number) => Parameters);
	items?: INodeExecutionData[];
	credentials?: ICredentialDataDecryptedObject;
	/** n8n's ID of the node's credential (node.credentials), as a saved workflow has it. */
	credentialId?: string;
	continueOnFail?: boolean;
	/** The workflow's timezone (n8n's getTimezone()); UTC unless a test sets one. */
	timezone?: string;
	/**
	 * Which n8n line's errors httpRequestWithAuthentication throws (default 2.x). See n8nError.
	 */
	n8nLine?: '1.x' | '2.x';
	/** Replaces the signed request (e.g. to play an OAuth2 refresh); gets the plain HTTP client. */
	authenticated?: (request: IHttpRequestOptions, send: (request: IHttpRequestOptions) => Promise<unknown>) => Promise<unknown>;
}

/**
 * The NodeApiError n8n wraps a failed authenticated request in. n8n 2.x keeps the HTTP error as its
 * `cause`. n8n-workflow 1.x (n8n 1.123) loses it — `cause` is an own property set to `undefined`
 * (a class field initialised after `super()`) — and keeps only `httpCode` and, for an object body,
 * `context.data`; the response headers are gone.
 */
export function n8nError(line: '1.x' | '2.x', error: unknown): NodeApiError {
	const wrapped = new NodeApiError(node, error as never);
	if (line === '1.x') {
		const data = (error as { response?: { data?: unknown } })?.response?.data;
		Object.defineProperty(wrapped, 'cause', { value: undefined, enumerable: true, writable: true, configurable: true });
		wrapped.context = data && typeof data === 'object' && !Array.isArray(data) ? { data } : {};
	}
	return wrapped;
}

const node: INode = {
	id: 'ghl-node',
	name: 'HighLevel',
	type: 'n8n-nodes-ghl.ghl',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function extract(value: unknown): unknown {
	if (value && typeof value === 'object' && '__rl' in (value as object)) {
		return (value as INodeParameterResourceLocator).value;
	}
	return value;
}

/** A small IExecuteFunctions: real HTTP (nock intercepts), credential signing like n8n's. */
export function createContext(options: ContextOptions): IExecuteFunctions & { requests: IHttpRequestOptions[] } {
	const items = options.items ?? [{ json: {} }];
	const credentials = options.credentials ?? privateIntegrationCredentials;
	const requests: IHttpRequestOptions[] = [];
	const parametersFor = (itemIndex: number) =>
		typeof options.parameters === 'function' ? options.parameters(itemIndex) : options.parameters;

	const sign = (request: IHttpRequestOptions): IHttpRequestOptions => {
		const token =
			(credentials.accessToken as string | undefined) ??
			((credentials.oauthTokenData as IDataObject | undefined)?.access_token as string);
		return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
	};

	const context = {
		requests,
		getNode: () =>
			options.credentialId
				? { ...node, credentials: { [String(credentials.accessToken ? 'ghlPrivateIntegrationApi' : 'ghlOAuth2Api')]: { id: options.credentialId, name: 'GHL' } } }
				: node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getTimezone: () => options.timezone ?? 'UTC',
		getCredentials: async () => credentials,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) {
			const parameters = parametersFor(itemIndex);
			const defaults: Parameters = { authentication: credentials.accessToken ? 'ghlPrivateIntegrationApi' : 'ghlOAuth2Api' };
			const value = name in parameters ? parameters[name] : name in defaults ? defaults[name] : fallback;
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return parameterOptions?.extractValue ? extract(value) : value;
		},
		helpers: {
			httpRequest: async (request: IHttpRequestOptions) => {
				requests.push(request);
				return await httpRequest(request);
			},
			async httpRequestWithAuthentication(_type: string, request: IHttpRequestOptions) {
				requests.push(request);
				try {
					if (options.authenticated) return await options.authenticated(request, async (signed) => await httpRequest(signed));
					return await httpRequest(sign(request));
				} catch (error) {
					// n8n wraps failures of authenticated requests in a NodeApiError (see n8nError).
					throw n8nError(options.n8nLine ?? '2.x', error);
				}
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
				data.map((entry) => ({ ...entry, pairedItem: itemData })),
		},
	};
	return context as unknown as IExecuteFunctions & { requests: IHttpRequestOptions[] };
}

/** A resource-locator value as n8n stores it. */
export function locator(mode: string, value: string): INodeParameterResourceLocator {
	return { __rl: true, mode, value };
}

/** A small ILoadOptionsFunctions for list searches and load options (same signing as above). */
export function createLoadOptionsContext(options: { parameters?: Record<string, unknown>; credentials?: ICredentialDataDecryptedObject }) {
	const execute = createContext({ parameters: options.parameters ?? {}, credentials: options.credentials });
	const parameters = options.parameters ?? {};
	return {
		getNode: execute.getNode,
		getCredentials: execute.getCredentials,
		getNodeParameter: (name: string, fallback?: unknown) => execute.getNodeParameter(name, 0, fallback),
		getCurrentNodeParameter: (name: string) => parameters[name],
		helpers: execute.helpers,
		requests: execute.requests,
	} as unknown as import('n8n-workflow').ILoadOptionsFunctions & { requests: IHttpRequestOptions[] };
}
