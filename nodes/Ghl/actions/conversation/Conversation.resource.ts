import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as getMessages from './getMessages.operation';
import * as sendMessage from './sendMessage.operation';

/** Operation value → implementation. */
export const operations = { sendMessage, getMessages };

type Operation = keyof typeof operations;

export const displayName = 'Conversation';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{ name: 'Get Messages', value: 'getMessages', description: 'List the messages of a contact\'s conversation', action: 'Get messages of a conversation' },
			{ name: 'Send Message', value: 'sendMessage', description: 'Send an SMS, email or other message to a contact', action: 'Send a message' },
		],
		default: 'sendMessage',
	} satisfies OperationPicker<Operation>,
	...Object.values(operations).flatMap((operation) => operation.description),
];
