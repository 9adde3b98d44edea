import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { contactKeyOf } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { changeTags, tagProperties } from './tags';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['addTags'] } }, tagProperties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	return await changeTags.call(this, client, itemIndex, 'POST');
}

export function lockKey(this: IExecuteFunctions, itemIndex: number) {
	return contactKeyOf.call(this, itemIndex);
}
