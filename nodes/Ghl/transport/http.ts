import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import type { GhlContext } from './auth';
import { apiVersionFor, type GhlCredentialType, USER_AGENT } from './constants';

/** One HTTP exchange with GHL: sending it, and reading what n8n's helpers threw when it failed. */

export interface HttpFailure {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Network error code such as ECONNRESET, when no response arrived. */
	code?: string;
}

/** Network error codes n8n 1.x leaves in NodeApiError's httpCode when no answer came. */
const NETWORK_CODES = /^(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|EHOSTUNREACH|ENETUNREACH)$/;

/**
 * Reads status, headers and body from whatever n8n's request helpers threw.
 *
 * n8n 2.x: a NodeApiError whose `cause` is the axios error (`response.status/headers/data`).
 * n8n 1.x: the same NodeApiError, but its `cause` is `undefined` (n8n-workflow 1.x declares `cause`
 * as a class field, initialised after `super()` set it), so the response is gone. What survives:
 * `httpCode` (the status, or the network code) and, for an object body, `context.data`.
 * Response headers (Retry-After, X-RateLimit-*) are lost there.
 */
export function readFailure(error: unknown): HttpFailure {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: number; headers?: unknown; data?: unknown } })
			?.response;
		if (response?.status) {
			return {
				statusCode: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
	}
	const rawHttpCode = (error as { httpCode?: unknown })?.httpCode;
	const code =
		candidates
			.map((candidate) => (candidate as { code?: unknown })?.code)
			.find((value): value is string => typeof value === 'string') ??
		(typeof rawHttpCode === 'string' && NETWORK_CODES.test(rawHttpCode) ? rawHttpCode : undefined);
	const httpCode = Number(rawHttpCode);
	const statusCode = Number.isInteger(httpCode) && httpCode >= 100 && httpCode < 600 ? httpCode : undefined;
	const data = (error as { context?: { data?: unknown } })?.context?.data;
	return {
		statusCode,
		code,
		...(statusCode !== undefined && data !== undefined ? { headers: {}, body: data } : {}),
	};
}

/** How requests of one client reach GHL: which credential signs them, which host, which app. */
export interface Connection {
	credentialType: GhlCredentialType;
	baseUrl: string;
	/** The marketplace app (OAuth2 client ID), or the Private Integration: GHL's limits are per app. */
	appId: string;
	/** OAuth2: the access token stored when the client was made (to detect a lost refresh race). */
	startToken?: string;
}

export interface RawRequest {
	method: IHttpRequestMethods;
	/** A path template and its segments (see path.ts). */
	path: string;
	segments?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	form?: Record<string, string>;
	qs?: IDataObject;
	/** Overrides the endpoint family's `Version` header (checked by the client before sending). */
	version?: string;
	/** Marked safe to send twice although its method isn't (upserts, searches, token mints). */
	idempotent?: boolean;
	/** A token we hold (agency location token); otherwise n8n signs with the credential. */
	bearer?: string;
	itemIndex?: number;
	/** The location whose rate limit the request counts against. */
	locationId?: string;
}

/** Sends one HTTP request and returns the full response; throws n8n's error untouched. */
export async function sendOnce(
	ctx: GhlContext,
	{ credentialType, baseUrl }: Connection,
	raw: RawRequest,
): Promise<{ body: unknown; headers: Record<string, unknown>; statusCode: number }> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		Version: raw.version ?? apiVersionFor(raw.path),
		'User-Agent': USER_AGENT,
	};
	const options: IHttpRequestOptions = {
		method: raw.method,
		url: `${baseUrl}${raw.path}`,
		headers,
		returnFullResponse: true,
	};
	if (raw.qs && Object.keys(raw.qs).length) options.qs = raw.qs;
	if (raw.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		options.body = new URLSearchParams(raw.form).toString();
	} else if (raw.body !== undefined) {
		options.body = raw.body;
		options.json = true;
	} else {
		options.json = true;
	}
	if (raw.bearer) {
		headers.Authorization = `Bearer ${raw.bearer}`;
		return (await ctx.helpers.httpRequest(options)) as never;
	}
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)) as never;
}
