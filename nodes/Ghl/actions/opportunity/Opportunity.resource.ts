import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as create from './create.operation';
import * as deleteOpportunity from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';
import * as upsert from './upsert.operation';

/** Operation value → implementation (`delete` is a reserved word, hence deleteOpportunity). */
export const operations = { create, upsert, get, getAll, update, updateStatus, delete: deleteOpportunity };

type Operation = keyof typeof operations;

export const displayName = 'Opportunity';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['opportunity'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a deal in a pipeline stage', action: 'Create an opportunity' },
			{ name: 'Create or Update', value: 'upsert', description: 'Create a new record, or update the current one if it already exists (upsert)', action: 'Create or update an opportunity' },
			{ name: 'Delete', value: 'delete', description: 'Delete a deal', action: 'Delete an opportunity' },
			{ name: 'Get', value: 'get', description: 'Get a deal', action: 'Get an opportunity' },
			{ name: 'Get Many', value: 'getAll', description: 'Search deals by pipeline, stage, status, owner, contact or date', action: 'Get many opportunities' },
			{ name: 'Update', value: 'update', description: 'Change a deal\'s fields, pipeline or stage', action: 'Update an opportunity' },
			{ name: 'Update Status', value: 'updateStatus', description: 'Mark a deal open, won, lost or abandoned', action: 'Update an opportunity status' },
		],
		default: 'upsert',
	} satisfies OperationPicker<Operation>,
	...Object.values(operations).flatMap((operation) => operation.description),
];
