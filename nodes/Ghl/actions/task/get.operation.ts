import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { explainUnknownId } from '../../helpers/records';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { taskIdOf } from './body';
import { taskIdProperty } from './descriptions';

const properties: INodeProperties[] = [contactLocator(), taskIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const taskId = taskIdOf.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { task } = await explainUnknownId(this.getNode(), 'Task', taskId, async () =>
		await client.request<{ task: IDataObject }>({ method: 'GET', path: '/contacts/{contactId}/tasks/{taskId}', segments: { contactId, taskId }, itemIndex }),
	);
	return task;
}
