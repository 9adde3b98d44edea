import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { GhlClient } from '../transport';

/** What every `<operation>.operation.ts` exports. */
export interface GhlOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/**
	 * Many items at once, for runs of more than one item (the router calls it per location, actions/batch.ts):
	 * one result per index, in the order given; an Error fails only its own item. Throwing fails
	 * every item given (without Continue On Fail: the node, with that error).
	 */
	executeBatch?(this: IExecuteFunctions, client: GhlClient, itemIndexes: number[], concurrency: number): Promise<Array<IDataObject | IDataObject[] | Error>>;
	/** Items with the same key are never in flight together (same contact, same record). */
	lockKey?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}

/** What every `<Resource>.resource.ts` exports; its value is its key in resources.ts. */
export interface GhlResource {
	displayName: string;
	/** Operation value → implementation. */
	operations: Record<string, GhlOperation>;
	description: INodeProperties[];
}

/** A resource's Operation picker: every option and the default must name one of its operations. */
export type OperationPicker<Operation extends string> = INodeProperties & {
	options: Array<INodePropertyOptions & { value: Operation }>;
	default: Operation;
};
