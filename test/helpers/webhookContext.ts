import { generateKeyPairSync, sign, createHmac, type KeyObject } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestOptions,
	INode,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { httpRequest } from './http';

/** What the trigger did to the HTTP response. */
export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
	ended: boolean;
}

export interface WebhookCall {
	/** The raw body as sent; a string is UTF-8 encoded. `null` means n8n kept no raw body. */
	body?: string | Buffer | null;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	workflowId?: string;
	nodeId?: string;
	/** The node's workflow static data; pass the same object to share it between calls (a restart keeps it). */
	staticData?: IDataObject;
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	requests: IHttpRequestOptions[];
	warnings: string[];
	/** The items that would start the workflow, or undefined when nothing starts. */
	items: IDataObject[] | undefined;
}

/**
 * A small IWebhookFunctions: a request with headers/rawBody/body/query, a response that records
 * status/send/json/end, node parameters, credentials, static data and the real HTTP helper (nock
 * intercepts it) signed like n8n's httpRequestWithAuthentication.
 */
export function createWebhookContext(call: WebhookCall) {
	const raw = call.body === null ? undefined : Buffer.isBuffer(call.body) ? call.body : Buffer.from(call.body ?? '', 'utf8');
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	for (const [name, value] of Object.entries(call.headers ?? {})) headers[name.toLowerCase()] = value;
	if (raw && !('content-length' in headers)) headers['content-length'] = String(raw.length);
	let parsedBody: unknown = {};
	try {
		parsedBody = raw ? JSON.parse(raw.toString('utf8')) : call.body === null ? {} : {};
	} catch {
		parsedBody = {};
	}
	const req = { headers, rawBody: raw, body: parsedBody, query: call.query ?? {} };

	const response: RecordedResponse = { ended: false };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			response.ended = true;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			response.statusCode ??= 200;
			response.ended = true;
			return res;
		},
		end() {
			response.ended = true;
			return res;
		},
	};

	const node: INode = {
		id: call.nodeId ?? 'trigger-node',
		name: 'Trigger',
		type: 'n8n-nodes-ghl.trigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const requests: IHttpRequestOptions[] = [];
	const warnings: string[] = [];
	const staticData: IDataObject = call.staticData ?? {};
	const credentials = call.credentials ?? {};
	const parameters = call.parameters ?? {};

	const signWith = (type: string, request: IHttpRequestOptions): IHttpRequestOptions => {
		const credential = credentials[type] ?? {};
		const token =
			(credential.accessToken as string | undefined) ??
			((credential.oauthTokenData as IDataObject | undefined)?.access_token as string);
		return { ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } };
	};

	const context = {
		getRequestObject: () => req,
		getResponseObject: () => res,
		getBodyData: () => req.body,
		getHeaderData: () => req.headers,
		getQueryData: () => req.query,
		getNode: () => node,
		getWorkflow: () => ({ id: call.workflowId ?? 'wf-1', name: 'Workflow', active: true }),
		getWorkflowStaticData: () => staticData,
		getMode: () => 'webhook',
		getNodeParameter(name: string, fallback?: unknown) {
			const value = name in parameters ? parameters[name] : fallback;
			if (value === undefined) throw new Error(`Could not get parameter "${name}"`);
			return value;
		},
		async getCredentials(type: string) {
			if (!(type in credentials)) throw new Error(`Node does not have credentials for "${type}"`);
			return credentials[type];
		},
		logger: {
			warn: (message: string) => warnings.push(message),
			info: () => undefined,
			debug: () => undefined,
			error: () => undefined,
		},
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			httpRequest: async (request: IHttpRequestOptions) => {
				requests.push(request);
				return await httpRequest(request);
			},
			async httpRequestWithAuthentication(type: string, request: IHttpRequestOptions) {
				requests.push(request);
				try {
					return await httpRequest(signWith(type, request));
				} catch (error) {
					throw new NodeApiError(node, error as never);
				}
			},
		},
	};
	return { context: context as unknown as IWebhookFunctions, response, requests, warnings };
}

type WebhookNode = { webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> };

export async function runWebhook(node: WebhookNode, call: WebhookCall): Promise<WebhookRun> {
	const { context, response, requests, warnings } = createWebhookContext(call);
	const result = await node.webhook.call(context);
	const items = result.workflowData?.[0]?.map((item) => item.json);
	return { result, response, requests, warnings, items };
}

/** Throwaway keys made for the test run; nothing here is a real GHL key. */
export function ed25519Pair(): { privateKey: KeyObject; publicKey: KeyObject; spkiBase64: string; pem: string } {
	const { privateKey, publicKey } = generateKeyPairSync('ed25519');
	return {
		privateKey,
		publicKey,
		spkiBase64: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
		pem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
	};
}

export function rsaPair(): { privateKey: KeyObject; publicKey: KeyObject; pem: string } {
	const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	return { privateKey, publicKey, pem: publicKey.export({ format: 'pem', type: 'spki' }).toString() };
}

export const signEd25519 = (privateKey: KeyObject, body: string | Buffer) =>
	sign(null, Buffer.from(body), privateKey).toString('base64');

export const signRsa = (privateKey: KeyObject, body: string | Buffer) =>
	sign('sha256', Buffer.from(body), privateKey).toString('base64');

export const hmacHex = (secret: string, body: string | Buffer) =>
	createHmac('sha256', secret).update(body).digest('hex');

/** Answered 200 with the fixed body, and nothing starts (the triggers' answer to an event they do not start for). */
export function expectIgnored(run: WebhookRun): void {
	expect(run.result).toEqual({ noWebhookResponse: true });
	expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
}
