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

/** Reads status, headers and body from whatever n8n's request helpers threw. */
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
	const code = candidates
		.map((candidate) => (candidate as { code?: unknown })?.code)
		.find((value): value is string => typeof value === 'string');
	const httpCode = Number((error as { httpCode?: unknown })?.httpCode);
	return { statusCode: Number.isFinite(httpCode) && httpCode > 0 ? httpCode : undefined, code };
}

/** The wait GHL asks for (Retry-After), else the fallback; with jitter. */
export function retryAfterMs(headers: Record<string, unknown> | undefined, fallbackMs: number): number {
	const retryAfter = Number(headers?.['retry-after']);
	const base = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : fallbackMs;
	// Jitter spreads concurrent retries so they don't land in one burst.
	return Math.round(base * (1 + Math.random() * 0.2));
}


export interface RawRequest {
	method: IHttpRequestMethods;
	path: string;
	segments?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	form?: Record<string, string>;
	qs?: IDataObject;
	bearer?: string;
	itemIndex?: number;
	locationId?: string;
}

/** Sends one HTTP request and returns the full response; throws n8n's error untouched. */
export async function sendOnce(
	ctx: GhlContext,
	credentialType: GhlCredentialType,
	baseUrl: string,
	raw: RawRequest,
): Promise<{ body: unknown; headers: Record<string, unknown>; statusCode: number }> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		Version: apiVersionFor(raw.path),
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
