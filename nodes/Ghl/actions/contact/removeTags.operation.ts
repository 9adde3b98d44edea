import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { echoGuardOptions } from '../../sync/echoWrite';
import { optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { tagProperties } from './descriptions';
import { changeTagsBatch } from './bulkTags';
import { changeTags, ECHO_GUARD_COST } from './tags';

const properties = [
	...tagProperties,
	optionsCollection(echoGuardOptions('contact', ECHO_GUARD_COST)),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['removeTags'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	return await changeTags.call(this, client, itemIndex, 'DELETE');
}

/** Many items: one bulk request per tag list and 100 contacts (bulkTags.ts). */
export async function executeBatch(this: IExecuteFunctions, client: GhlClient, itemIndexes: number[], concurrency: number): Promise<Array<IDataObject | Error>> {
	return await changeTagsBatch.call(this, client, itemIndexes, concurrency, 'remove');
}

export const lockKey = byContactLocator;
