import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { byRecordId } from '../lockKeys';
import { taskIdOf } from './body';
import { taskIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	taskIdProperty,
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: true,
		description: 'Whether to mark the task completed; turn off to reopen it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['complete'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const taskId = taskIdOf.call(this, itemIndex);
	const completed = this.getNodeParameter('completed', itemIndex, true) === true;
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { task } = await explainUnknownId(this.getNode(), 'Task', taskId, async () =>
		await client.request<{ task: IDataObject }>({
			method: 'PUT',
			path: '/contacts/{contactId}/tasks/{taskId}/completed', segments: { contactId, taskId },
			body: { completed },
			itemIndex,
		}),
	);
	return task;
}

export const lockKey = byRecordId('taskId');
