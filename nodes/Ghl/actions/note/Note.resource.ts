import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as create from './create.operation';
import * as deleteNote from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

/** Operation value → implementation (`delete` is a reserved word, hence deleteNote). */
export const operations = { create, get, getAll, update, delete: deleteNote };

type Operation = keyof typeof operations;

export const displayName = 'Note';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a note to a contact', action: 'Create a note' },
			{ name: 'Delete', value: 'delete', description: 'Delete a note', action: 'Delete a note' },
			{ name: 'Get', value: 'get', description: 'Get a note', action: 'Get a note' },
			{ name: 'Get Many', value: 'getAll', description: 'List a contact\'s notes', action: 'Get many notes' },
			{ name: 'Update', value: 'update', description: 'Update a note', action: 'Update a note' },
		],
		default: 'create',
	} satisfies OperationPicker<Operation>,
	// Each operation's own properties, in the order of `operations`.
	...Object.values(operations).flatMap((operation) => operation.description),
];
