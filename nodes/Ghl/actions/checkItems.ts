import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { GhlClient, GhlRequest } from '../transport';
import type { GhlOperation } from './node.type';

/** Items checked between yields to the event loop (other executions in this process go on sending). */
const ITEMS_PER_TURN = 50;

/** Stops a checking run at the operation's first request: everything before it has been checked. */
class FirstRequestReached extends Error {}

/** The client a checking run gets: definition reads go through, anything else stops the run. */
function checkingClient(client: GhlClient): GhlClient {
	return {
		...client,
		async request<T>(request: GhlRequest): Promise<T> {
			if (request.definitionRead) return await client.request<T>(request);
			throw new FirstRequestReached();
		},
	};
}

/**
 * Runs every item up to its first request and throws the first input error, so that without
 * Continue On Fail bad input in item 3 stops the node before items 0–2 are written. Operations
 * read and check all their parameters before their first request; this makes that count for the
 * whole run, not one item.
 */
export async function checkEveryItem(
	this: IExecuteFunctions,
	count: number,
	operation: GhlOperation,
	clientFor: (itemIndex: number) => Promise<GhlClient>,
): Promise<void> {
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		if (itemIndex > 0 && itemIndex % ITEMS_PER_TURN === 0) await sleep(0);
		try {
			await operation.execute.call(this, checkingClient(await clientFor(itemIndex)), itemIndex);
		} catch (error) {
			// Input errors are NodeOperationErrors; anything else (a GHL answer wrapped on the way
			// out, the stop signal) is the real run's business.
			// (The constructor hands back the same error: item index and message stay as they are.)
			if (error instanceof NodeOperationError) throw new NodeOperationError(this.getNode(), error, { itemIndex });
		}
	}
}
