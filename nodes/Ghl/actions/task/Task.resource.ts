import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as deleteTask from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → implementation (`delete` is a reserved word, hence deleteTask). */
export const operations = { create, get, getAll, update, complete, delete: deleteTask };

type Operation = keyof typeof operations;

export const displayName = 'Task';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Complete',
				value: 'complete',
				description: 'Mark a task completed, or reopen it',
				action: 'Complete or reopen a task',
			},
			{ name: 'Create', value: 'create', description: 'Create a task on a contact', action: 'Create a task' },
			{ name: 'Delete', value: 'delete', description: 'Delete a task', action: 'Delete a task' },
			{ name: 'Get', value: 'get', description: 'Get a task', action: 'Get a task' },
			{ name: 'Get Many', value: 'getAll', description: 'List a contact\'s tasks', action: 'Get many tasks' },
			{ name: 'Update', value: 'update', description: 'Update a task', action: 'Update a task' },
		],
		default: 'create',
	} satisfies OperationPicker<Operation>,
	// Each operation's own properties, in the order of `operations`.
	...Object.values(operations).flatMap((operation) => operation.description),
];
