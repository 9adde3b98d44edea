import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { runGroupedPool } from '../helpers/pool';
import { getGhlClient, readLocation, type GhlClient } from '../transport';
import { failedItem, itemOutput, runBatch } from './batch';
import { checkEveryItem } from './checkItems';
import { withParametersEvaluatedOnce } from './parameterMemo';
import { findOperation } from './resources';

/** Parallel requests per location when the node sets them; unset, each location's client suggests. */
export const DEFAULT_CONCURRENCY = 8;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route.call(withParametersEvaluatedOnce(this));
}

async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for resource "${resource}"`);
	}

	// One client per location: an agency workflow may address several locations in one run.
	const clients = new Map<string, Promise<GhlClient>>();
	const ready = new Map<string, GhlClient>();
	const clientFor = async (itemIndex: number) => {
		const location = readLocation(this, itemIndex);
		let client = clients.get(location);
		if (!client) {
			// The location read once here is the one the client works in.
			client = getGhlClient.call(this, itemIndex, { location });
			clients.set(location, client);
			client.then((made) => ready.set(location, made)).catch(() => clients.delete(location));
		}
		return await client;
	};

	const settings = this.getNodeParameter('requestOptions', 0, {}) as { concurrency?: number };
	const fixed = settings.concurrency === undefined ? undefined : Math.max(1, Math.floor(settings.concurrency));
	const concurrency = fixed ?? DEFAULT_CONCURRENCY;

	// Without Continue On Fail, one bad item must stop the node before anything is written.
	if (!this.continueOnFail() && items.length > 1) await checkEveryItem.call(this, items.length, operation, clientFor);

	// Operations that can write many items in one request (Add / Remove Tags) do so.
	const { executeBatch } = operation;
	if (executeBatch && items.length > 1) return [await runBatch.call(this, executeBatch, items.length, clientFor, concurrency)];

	// Each location paces on its own: its items run side by side with the other locations', with as
	// many in flight as its answer times need (or the node's Parallel Requests, per location).
	const byLocation = new Map<string, number[]>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const location = readLocation(this, itemIndex);
		const group = byLocation.get(location);
		if (group) group.push(itemIndex);
		else byLocation.set(location, [itemIndex]);
	}
	const locations = [...byLocation.keys()];
	const results = await runGroupedPool(
		[...byLocation.values()],
		items.length,
		(group) => fixed ?? ready.get(locations[group])?.suggestedInFlight() ?? DEFAULT_CONCURRENCY,
		(itemIndex) => operation.lockKey?.call(this, itemIndex),
		async (itemIndex): Promise<INodeExecutionData[]> => {
			try {
				return itemOutput.call(this, await operation.execute.call(this, await clientFor(itemIndex), itemIndex), itemIndex);
			} catch (error) {
				return failedItem.call(this, error, itemIndex);
			}
		},
	);
	return [results.flat()];
}
