import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A real HTTP client for unit tests (fetch, so nock intercepts it) that behaves like n8n's
 * httpRequest: qs, JSON bodies, returnFullResponse, and axios-shaped errors on status >= 400.
 */
export async function httpRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = new URL(options.url);
	for (const [key, value] of Object.entries(options.qs ?? {})) {
		if (value !== undefined) url.searchParams.set(key, String(value));
	}
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {})) headers[key] = String(value);
	let body: string | undefined;
	if (options.body !== undefined && options.method !== 'GET') {
		if (typeof options.body === 'string') body = options.body;
		else {
			body = JSON.stringify(options.body);
			headers['Content-Type'] ??= 'application/json';
		}
	}
	const response = await fetch(url, { method: options.method ?? 'GET', headers, body });
	const text = await response.text();
	let data: unknown = text;
	try {
		data = text ? JSON.parse(text) : undefined;
	} catch {
		// Plain text answer.
	}
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => (responseHeaders[key] = value));
	if (response.status >= 400) {
		const error = new Error(`Request failed with status code ${response.status}`) as Error & {
			response: unknown;
		};
		error.response = { status: response.status, headers: responseHeaders, data };
		throw error;
	}
	return options.returnFullResponse
		? { body: data, headers: responseHeaders, statusCode: response.status }
		: data;
}
