import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { runPool } from '../helpers/pool';
import { getGhlClient, readLocation, type GhlClient } from '../transport';
import { checkEveryItem } from './checkItems';
import { findOperation } from './resources';

/** Parallel requests per execution unless the node says otherwise; pacing keeps us under GHL's limit. */
export const DEFAULT_CONCURRENCY = 8;

function errorJson(error: Error & { description?: string | null; httpCode?: string | null }): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error.httpCode ? { httpCode: error.httpCode } : {}),
	};
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for resource "${resource}"`);
	}

	// One client per location: an agency workflow may address several locations in one run.
	const clients = new Map<string, Promise<GhlClient>>();
	const clientFor = async (itemIndex: number) => {
		const location = readLocation(this, itemIndex);
		let client = clients.get(location);
		if (!client) {
			// The location read once here is the one the client works in.
			client = getGhlClient.call(this, itemIndex, { location });
			clients.set(location, client);
			client.catch(() => clients.delete(location));
		}
		return await client;
	};

	const settings = this.getNodeParameter('requestOptions', 0, {}) as { concurrency?: number };
	const concurrency = Math.max(1, Math.floor(settings.concurrency ?? DEFAULT_CONCURRENCY));

	// Without Continue On Fail, one bad item must stop the node before anything is written.
	if (!this.continueOnFail() && items.length > 1) await checkEveryItem.call(this, items.length, operation, clientFor);

	const results = await runPool(
		items.length,
		concurrency,
		(itemIndex) => operation.lockKey?.call(this, itemIndex),
		async (itemIndex): Promise<INodeExecutionData[]> => {
			try {
				const client = await clientFor(itemIndex);
				const output = await operation.execute.call(this, client, itemIndex);
				return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), {
					itemData: { item: itemIndex },
				});
			} catch (error) {
				if (!this.continueOnFail()) {
					// Both constructors hand back an error that already is one of theirs.
					if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
					throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
				}
				return [{ json: errorJson(error as Error), pairedItem: { item: itemIndex } }];
			}
		},
	);
	return [results.flat()];
}
