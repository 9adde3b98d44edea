import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { invalidInput } from '../../helpers/utils';
import { isApiVersion } from '../../transport/constants';
import { userPathTemplate } from '../../transport/path';
import type { GhlRequest } from '../../transport';

export const API_REQUEST_METHODS = ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'] as const satisfies readonly IHttpRequestMethods[];

function readMethod(this: IExecuteFunctions, itemIndex: number): IHttpRequestMethods {
	const method = String(this.getNodeParameter('method', itemIndex, 'GET')).toUpperCase();
	const known = API_REQUEST_METHODS.find((candidate) => candidate === method);
	if (!known) throw invalidInput(this.getNode(), itemIndex, 'Method', `"${method.slice(0, 20)}" is not supported`, `Use one of ${API_REQUEST_METHODS.join(', ')}.`);
	return known;
}

/** Query Parameters as qs: names must be set and unique (a repeated name would be ambiguous). */
function readQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const { parameter = [] } = this.getNodeParameter('queryParameters', itemIndex, {}) as { parameter?: Array<{ name?: unknown; value?: unknown }> };
	const qs: IDataObject = {};
	for (const row of parameter) {
		const name = String(row.name ?? '').trim();
		if (!name) throw invalidInput(this.getNode(), itemIndex, 'Query Parameters', 'a parameter has no name', 'Give every parameter a name, or remove it.');
		if (Object.hasOwn(qs, name)) throw invalidInput(this.getNode(), itemIndex, 'Query Parameters', `"${name}" is given twice`, 'Give each parameter once.');
		qs[name] = String(row.value ?? '');
	}
	return qs;
}

function readBody(this: IExecuteFunctions, itemIndex: number, method: IHttpRequestMethods): IDataObject | IDataObject[] | undefined {
	if (method === 'GET' || !this.getNodeParameter('sendBody', itemIndex, false)) return undefined;
	let value = this.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		try {
			value = JSON.parse(value);
		} catch (error) {
			throw invalidInput(this.getNode(), itemIndex, 'JSON Body', `is not valid JSON (${(error as Error).message})`, 'Write a JSON object such as {"name": "x"}, or switch Send Body off.');
		}
	}
	if (!value || typeof value !== 'object') {
		throw invalidInput(this.getNode(), itemIndex, 'JSON Body', 'is not a JSON object or array', 'Write a JSON object such as {"name": "x"}.');
	}
	return value as IDataObject | IDataObject[];
}

function readVersion(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const { version } = this.getNodeParameter('options', itemIndex, {}) as { version?: unknown };
	const text = String(version ?? '').trim();
	if (!text) return undefined;
	if (!isApiVersion(text)) {
		throw invalidInput(this.getNode(), itemIndex, 'Options → Version', `${JSON.stringify(text.slice(0, 40))} is not a GHL API version`, 'GHL versions are dates such as 2021-07-28; leave the option empty for the endpoint\'s own.');
	}
	return text;
}

/** The request an item describes, every part checked before it is sent. */
export function readApiRequest(this: IExecuteFunctions, itemIndex: number): GhlRequest {
	const method = readMethod.call(this, itemIndex);
	const { template, segments } = userPathTemplate(this.getNode(), itemIndex, 'Path', this.getNodeParameter('path', itemIndex, ''));
	const request: GhlRequest = { method, path: template, segments, qs: readQuery.call(this, itemIndex), itemIndex };
	const body = readBody.call(this, itemIndex, method);
	if (body !== undefined) request.body = body;
	const version = readVersion.call(this, itemIndex);
	if (version) request.version = version;
	return request;
}
