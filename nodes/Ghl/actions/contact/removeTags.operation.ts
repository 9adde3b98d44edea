import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { echoGuardOptions } from '../../sync/echoWrite';
import { optionsCollection } from '../common.descriptions';
import { byContactLocator } from '../lockKeys';
import { tagProperties } from './descriptions';
import { changeTags } from './tags';

const properties = [
	...tagProperties,
	optionsCollection(echoGuardOptions('contact', 'Reads the contact first (one GET) and sends one PUT with the changed tag list and the marker, because the tag endpoints cannot carry a custom field.')),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['removeTags'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	return await changeTags.call(this, client, itemIndex, 'DELETE');
}

export const lockKey = byContactLocator;
