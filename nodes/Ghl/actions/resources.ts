import type { INodeProperties } from 'n8n-workflow';

import * as apiRequest from './apiRequest/ApiRequest.resource';
import * as appointment from './appointment/Appointment.resource';
import * as contact from './contact/Contact.resource';
import * as conversation from './conversation/Conversation.resource';
import * as note from './note/Note.resource';
import * as opportunity from './opportunity/Opportunity.resource';
import * as task from './task/Task.resource';
import type { GhlOperation, GhlResource } from './node.type';

/**
 * Resource value → its module; the one list of resources. `satisfies` type-checks every operation
 * module against GhlOperation (a missing `execute` does not compile).
 */
export const resources = { contact, opportunity, task, note, appointment, conversation, apiRequest } satisfies Record<string, GhlResource>;

export type ResourceName = keyof typeof resources;

export const resourceProperty = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: Object.entries(resources)
		.map(([value, resource]) => ({ name: resource.displayName, value }))
		.sort((a, b) => a.name.localeCompare(b.name)),
	default: 'contact',
} satisfies INodeProperties & { default: ResourceName };

export const resourceDescriptions = Object.values(resources).flatMap((resource) => resource.description);

/** The operation a resource and operation value name, or undefined (own keys only). */
export function findOperation(resource: string, operation: string): GhlOperation | undefined {
	const all: Record<string, GhlResource> = resources;
	if (!Object.hasOwn(all, resource)) return undefined;
	const operations = all[resource].operations;
	return Object.hasOwn(operations, operation) ? operations[operation] : undefined;
}
