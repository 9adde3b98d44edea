import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { GhlClient } from '../transport';

/** What every `<operation>.operation.ts` exports. */
export interface GhlOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject | IDataObject[]>;
	/** Items with the same key are never in flight together (same contact, same record). */
	lockKey?(this: IExecuteFunctions, itemIndex: number): string | undefined;
}

export type GhlResource = 'contact' | 'task' | 'note' | 'appointment';
