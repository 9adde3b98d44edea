import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, optionsCollection, timezoneOption, userProperty } from '../common.descriptions';
import type { TaskDto } from './body';

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
	return fieldsCollection(dto, TASK_FIELDS.filter((field) => dto === 'update' || !['title', 'dueDate'].includes(field.name)));
}

export const taskOptions = optionsCollection([timezoneOption]);
