import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { readApiRequest } from './body';
import { apiRequestOptions, jsonBodyProperty, methodProperty, pathProperty, queryProperty, sendBodyProperty } from './descriptions';

const properties: INodeProperties[] = [methodProperty, pathProperty, queryProperty, sendBodyProperty, jsonBodyProperty, apiRequestOptions];

export const description = updateDisplayOptions({ show: { resource: ['apiRequest'], operation: ['send'] } }, properties);

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** GHL's answer as output: an object is the item; an array one item (or, split, one per element). */
export function toOutput(answer: unknown, splitArray: boolean): IDataObject | IDataObject[] {
	if (Array.isArray(answer)) return splitArray ? answer.map((entry) => (isObject(entry) ? entry : { value: entry })) : { data: answer };
	if (isObject(answer)) return answer;
	// An empty answer (204) is an empty item; text stays readable.
	return answer === undefined || answer === null || answer === '' ? {} : { data: answer };
}

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const request = readApiRequest.call(this, itemIndex);
	const { splitArray = false } = this.getNodeParameter('options', itemIndex, {}) as { splitArray?: boolean };
	// Same transport as every operation: pacing, 429 waits, retries only for GET/PUT/DELETE.
	const answer = await client.request<unknown>(request);
	return toOutput(answer, splitArray === true);
}
