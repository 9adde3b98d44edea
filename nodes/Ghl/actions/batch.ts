import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readLocation, type GhlClient } from '../transport';
import type { GhlOperation } from './node.type';

/** What a failed item outputs with Continue On Fail. */
function errorJson(error: Error & { description?: string | null; httpCode?: string | null }): IDataObject {
	return {
		error: error.message,
		...(error.description ? { description: error.description } : {}),
		...(error.httpCode ? { httpCode: error.httpCode } : {}),
	};
}

/**
 * A failed item: without Continue On Fail it fails the node (the error names the item), with it
 * the item outputs `{ error, … }` for itself only.
 */
export function failedItem(this: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData[] {
	if (!this.continueOnFail()) {
		// Both constructors hand back an error that already is one of theirs.
		if (error instanceof NodeApiError) throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	}
	return [{ json: errorJson(error as Error), pairedItem: { item: itemIndex } }];
}

/** An item's output, paired with it. */
export function itemOutput(this: IExecuteFunctions, output: IDataObject | IDataObject[], itemIndex: number): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), { itemData: { item: itemIndex } });
}

type BatchResult = IDataObject | IDataObject[] | Error;

/**
 * Runs an operation's `executeBatch` once per location (items keep their order and pairing; the
 * locations run side by side). Without Continue On Fail the first failed item, in item order,
 * fails the node; with it each failed item outputs its own error.
 */
export async function runBatch(
	this: IExecuteFunctions,
	executeBatch: NonNullable<GhlOperation['executeBatch']>,
	count: number,
	clientFor: (itemIndex: number) => Promise<GhlClient>,
	concurrency: number,
): Promise<INodeExecutionData[]> {
	const groups = new Map<string, number[]>();
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const location = readLocation(this, itemIndex);
		groups.set(location, [...(groups.get(location) ?? []), itemIndex]);
	}
	const results = new Array<BatchResult>(count);
	await Promise.all(
		[...groups.values()].map(async (itemIndexes) => {
			let answers: BatchResult[];
			try {
				const client = await clientFor(itemIndexes[0]);
				answers = await executeBatch.call(this, client, itemIndexes, concurrency);
				if (answers.length !== itemIndexes.length) throw new Error(`executeBatch gave ${answers.length} results for ${itemIndexes.length} items`);
			} catch (error) {
				if (!this.continueOnFail()) failedItem.call(this, error, itemIndexes[0]);
				answers = itemIndexes.map(() => error as Error);
			}
			itemIndexes.forEach((itemIndex, n) => (results[itemIndex] = answers[n]));
		}),
	);
	return results.flatMap((result, itemIndex) =>
		result instanceof Error ? failedItem.call(this, result, itemIndex) : itemOutput.call(this, result, itemIndex),
	);
}
