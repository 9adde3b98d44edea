import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { byContactLocator } from '../lockKeys';
import { tagProperties } from './descriptions';
import { changeTags } from './tags';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['removeTags'] } }, tagProperties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	return await changeTags.call(this, client, itemIndex, 'DELETE');
}

export const lockKey = byContactLocator;
