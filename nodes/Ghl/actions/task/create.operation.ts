import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { buildTaskBody } from './body';
import { dueDateProperty, taskFieldsCollection, taskOptions, titleProperty } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	titleProperty,
	dueDateProperty,
	taskFieldsCollection('create'),
	taskOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const body = buildTaskBody.call(this, itemIndex, 'create');
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { task } = await client.request<{ task: IDataObject }>({
		method: 'POST',
		path: '/contacts/{contactId}/tasks', segments: { contactId },
		body,
		itemIndex,
	});
	return task;
}
