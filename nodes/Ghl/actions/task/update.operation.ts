import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { explainUnknownId } from '../../helpers/records';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byRecordId } from '../lockKeys';
import { buildTaskBody, taskIdOf } from './body';
import { taskFieldsCollection, taskIdProperty, taskOptions } from './descriptions';

const properties: INodeProperties[] = [contactLocator(), taskIdProperty, taskFieldsCollection('update'), taskOptions];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const taskId = taskIdOf.call(this, itemIndex);
	const body = buildTaskBody.call(this, itemIndex, 'update');
	if (!Object.keys(body).length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Add at least one field under "Update Fields".');
	}
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { task } = await explainUnknownId(this.getNode(), 'Task', taskId, async () =>
		await client.request<{ task: IDataObject }>({ method: 'PUT', path: '/contacts/{contactId}/tasks/{taskId}', segments: { contactId, taskId }, body, itemIndex }),
	);
	return task;
}

export const lockKey = byRecordId('taskId');
