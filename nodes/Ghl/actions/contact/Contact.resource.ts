import type { INodeProperties } from 'n8n-workflow';

import type { OperationPicker } from '../node.type';
import * as addTags from './addTags.operation';
import * as addToCampaign from './addToCampaign.operation';
import * as addToWorkflow from './addToWorkflow.operation';
import * as create from './create.operation';
import * as deleteContact from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as removeFromCampaign from './removeFromCampaign.operation';
import * as removeFromWorkflow from './removeFromWorkflow.operation';
import * as removeTags from './removeTags.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

/** Operation value → implementation (`delete` is a reserved word, hence deleteContact). */
export const operations = {
	create,
	upsert,
	get,
	getAll,
	update,
	delete: deleteContact,
	addTags,
	removeTags,
	addToWorkflow,
	removeFromWorkflow,
	addToCampaign,
	removeFromCampaign,
};

type Operation = keyof typeof operations;

export const displayName = 'Contact';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Add Tags', value: 'addTags', description: 'Add tags to a contact', action: 'Add tags to a contact' },
			{ name: 'Add to Campaign', value: 'addToCampaign', description: 'Add a contact to a GHL campaign', action: 'Add a contact to a campaign' },
			{ name: 'Add to Workflow', value: 'addToWorkflow', description: 'Start a GHL workflow for a contact', action: 'Add a contact to a workflow' },
			{ name: 'Create', value: 'create', description: 'Create a contact', action: 'Create a contact' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a contact', action: 'Delete a contact' },
			{ name: 'Get', value: 'get', description: 'Get a contact', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getAll', description: 'Search or list contacts', action: 'Get many contacts' },
			{ name: 'Remove From Campaign', value: 'removeFromCampaign', description: 'Remove a contact from one or every campaign', action: 'Remove a contact from a campaign' },
			{ name: 'Remove From Workflow', value: 'removeFromWorkflow', description: 'Stop a GHL workflow for a contact', action: 'Remove a contact from a workflow' },
			{ name: 'Remove Tags', value: 'removeTags', description: 'Remove tags from a contact', action: 'Remove tags from a contact' },
			{ name: 'Update', value: 'update', description: 'Update a contact', action: 'Update a contact' },
		],
		default: 'upsert',
	} satisfies OperationPicker<Operation>,
	// Each operation's own properties, in the order of `operations`.
	...Object.values(operations).flatMap((operation) => operation.description),
];
