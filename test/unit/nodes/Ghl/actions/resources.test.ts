import type { INodeProperties } from 'n8n-workflow';

import { Ghl } from '../../../../../nodes/Ghl/Ghl.node';
import type { GhlOperation, OperationPicker } from '../../../../../nodes/Ghl/actions/node.type';
import { findOperation, resourceProperty, resources, type ResourceName } from '../../../../../nodes/Ghl/actions/resources';

describe('resources: one list for the router and the node description', () => {
	it('the Resource picker lists every resource, by name, and nothing else', () => {
		const picker = new Ghl().description.properties.find((property) => property.name === 'resource');
		expect(picker).toBe(resourceProperty);
		expect((picker!.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(Object.keys(resources).sort());
	});

	it.each(Object.entries(resources))('%s: its Operation picker offers exactly its operations', (name, resource) => {
		const picker = resource.description.find((property) => property.name === 'operation') as INodeProperties;
		expect(picker.displayOptions).toEqual({ show: { resource: [name] } });
		const values = (picker.options as Array<{ value: string }>).map((option) => option.value);
		expect(values.sort()).toEqual(Object.keys(resource.operations).sort());
		for (const value of values) expect(typeof findOperation(name, value)?.execute).toBe('function');
	});

	it('findOperation knows only own names', () => {
		expect(findOperation('contact', 'upsert')).toBe(resources.contact.operations.upsert);
		expect(findOperation('contact', 'constructor')).toBeUndefined();
		expect(findOperation('toString', 'call')).toBeUndefined();
		expect(findOperation('deal', 'get')).toBeUndefined();
	});
});

// Type-level: tsconfig.test.json checks these lines; an @ts-expect-error that no longer errs fails it.
describe('types', () => {
	it('an operation without execute, a misspelt operation or resource does not compile', () => {
		// @ts-expect-error execute is missing
		const noExecute = { description: [] } satisfies GhlOperation;
		const misspelt = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			// @ts-expect-error 'gte' is not one of the resource's operations
			options: [{ name: 'Get', value: 'gte' }],
			default: 'get',
		} satisfies OperationPicker<keyof typeof resources.contact.operations>;
		// @ts-expect-error there is no such resource
		const resource: ResourceName = 'contacts';
		expect([noExecute, misspelt, resource]).toHaveLength(3);
	});
});
