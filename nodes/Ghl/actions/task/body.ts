import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toIso } from '../../helpers/dates';
import { recordIdReader } from '../../helpers/records';
import { invalidInput } from '../../helpers/utils';
import { readFields, readTimeZoneOption } from '../parameters';

/** Which DTO a body is for (contacts.json: CreateTaskParams, UpdateTaskBody). */
export type TaskDto = 'create' | 'update';

export const taskIdOf = recordIdReader('taskId', 'Task ID');

/** Builds CreateTaskParams / UpdateTaskBody from an item; every date is checked before any request. */
export function buildTaskBody(this: IExecuteFunctions, itemIndex: number, dto: TaskDto): IDataObject {
	const node = this.getNode();
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	const fields = readFields.call(this, itemIndex, dto);
	if (dto === 'create') {
		fields.title = this.getNodeParameter('title', itemIndex, '');
		fields.dueDate = this.getNodeParameter('dueDate', itemIndex, '');
	}
	const section = dto === 'update' ? 'Update Fields → ' : '';

	const body: IDataObject = {};
	if (fields.title !== undefined) {
		const title = String(fields.title ?? '').trim();
		if (!title) throw invalidInput(node, itemIndex, `${section}Title`, 'is empty', 'Give the task a title.');
		body.title = title;
	}
	if (fields.body !== undefined) body.body = String(fields.body ?? '');
	if (fields.dueDate !== undefined) {
		body.dueDate = toIso(node, itemIndex, `${section}Due Date`, fields.dueDate, { timeZone });
	}
	// CreateTaskParams requires `completed`; a new task is open unless told otherwise.
	if (fields.completed !== undefined || dto === 'create') body.completed = fields.completed === true;
	if (fields.assignedTo !== undefined && String(fields.assignedTo).trim()) body.assignedTo = String(fields.assignedTo).trim();
	return body;
}
