import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { timeZoneFor, toIso } from '../../helpers/dates';
import { recordIdParameter } from '../../helpers/records';
import { invalidInput } from '../../helpers/utils';
import { timezoneOption, userProperty } from '../common.descriptions';

/** Which DTO a body is for (contacts.json: CreateTaskParams, UpdateTaskBody). */
export type TaskDto = 'create' | 'update';

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'lJpzYrWdpkC2hX6t2yue',
	description: 'ID of the task on this contact (from Task → Create or Get Many)',
};

export const titleProperty: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Call back about the quote',
};

export const dueDateProperty: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'ISO date, n8n date or epoch milliseconds. Without an offset it is read in the Timezone option.',
};

/** Every task property both DTOs share; create takes title and due date at the top level. */
const TASK_FIELDS: INodeProperties[] = [
	{ ...userProperty, displayName: 'Assigned User Name or ID', name: 'assignedTo' },
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: false,
		description: 'Whether the task is done',
	},
	{
		displayName: 'Description',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{ ...dueDateProperty, required: false },
	{ ...titleProperty, required: false },
];

/** "Additional Fields" (create) or "Update Fields" (update): the one list, filtered per DTO. */
export function taskFieldsCollection(dto: TaskDto): INodeProperties {
	return {
		displayName: dto === 'update' ? 'Update Fields' : 'Additional Fields',
		name: dto === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: TASK_FIELDS.filter((field) => dto === 'update' || !['title', 'dueDate'].includes(field.name)),
	};
}

export const taskOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [timezoneOption],
};

/** The item's timezone for reading dates: the Timezone option, else the workflow's. */
export function taskTimeZone(this: IExecuteFunctions, itemIndex: number): string {
	const { timezone } = this.getNodeParameter('options', itemIndex, {}) as { timezone?: string };
	return timeZoneFor.call(this, itemIndex, timezone, 'Options → Timezone');
}

/** Builds CreateTaskParams / UpdateTaskBody from an item; every date is checked before any request. */
export function buildTaskBody(this: IExecuteFunctions, itemIndex: number, dto: TaskDto): IDataObject {
	const node = this.getNode();
	const timeZone = taskTimeZone.call(this, itemIndex);
	const fields = (this.getNodeParameter(dto === 'update' ? 'updateFields' : 'additionalFields', itemIndex, {}) ?? {}) as IDataObject;
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

const taskRecord = recordIdParameter('taskId', 'Task ID');
export const taskIdOf = taskRecord.idOf;
export const taskLockKey = taskRecord.lockKey;
