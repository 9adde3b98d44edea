/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, not shipped */
import * as http from 'node:http';
import * as https from 'node:https';
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A real HTTP client for unit tests (node:http, so nock intercepts it) that behaves like n8n's
 * httpRequest: qs, JSON bodies, returnFullResponse, axios-shaped errors on status >= 400 and
 * network errors carrying their `code`.
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
	if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
	const transport = url.protocol === 'https:' ? https : http;
	const { status, responseHeaders, text } = await new Promise<{ status: number; responseHeaders: Record<string, string>; text: string }>(
		(resolve, reject) => {
			const request = transport.request(url, { method: options.method ?? 'GET', headers }, (response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						responseHeaders: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, String(v)])),
						text: Buffer.concat(chunks).toString('utf8'),
					}),
				);
				response.on('error', reject);
			});
			request.on('error', reject);
			if (body !== undefined) request.write(body);
			request.end();
		},
	);
	let data: unknown = text;
	try {
		data = text ? JSON.parse(text) : undefined;
	} catch {
		// Plain text answer.
	}
	if (status >= 400) {
		const error = new Error(`Request failed with status code ${status}`) as Error & { response: unknown };
		error.response = { status, headers: responseHeaders, data };
		throw error;
	}
	return options.returnFullResponse ? { body: data, headers: responseHeaders, statusCode: status } : data;
}
