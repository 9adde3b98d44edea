import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as send from './send.operation';

/** Operation value → implementation. */
export const operations = { send };

type Operation = keyof typeof operations;

export const displayName = 'API Request';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiRequest'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Call any GHL endpoint with this credential, through the node\'s checked transport',
				action: 'Send an API request',
			},
		],
		default: 'send',
	} satisfies OperationPicker<Operation>,
	...Object.values(operations).flatMap((operation) => operation.description),
];
