import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as create from './create.operation';
import * as deleteAppointment from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getFreeSlots from './getFreeSlots.operation';
import * as update from './update.operation';

/** Operation value → implementation (`delete` is a reserved word, hence deleteAppointment). */
export const operations = { create, get, getAll, update, delete: deleteAppointment, getFreeSlots };

type Operation = keyof typeof operations;

export const displayName = 'Appointment';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['appointment'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Book an appointment for a contact', action: 'Create an appointment' },
			{ name: 'Delete', value: 'delete', description: 'Delete an appointment', action: 'Delete an appointment' },
			{ name: 'Get', value: 'get', description: 'Get an appointment', action: 'Get an appointment' },
			{
				name: 'Get Free Slots',
				value: 'getFreeSlots',
				description: 'List a calendar\'s free slots in a date range',
				action: 'Get free slots of a calendar',
			},
			{ name: 'Get Many', value: 'getAll', description: 'List a contact\'s appointments', action: 'Get many appointments' },
			{ name: 'Update', value: 'update', description: 'Update or reschedule an appointment', action: 'Update an appointment' },
		],
		default: 'create',
	} satisfies OperationPicker<Operation>,
	// Each operation's own properties, in the order of `operations`.
	...Object.values(operations).flatMap((operation) => operation.description),
];
