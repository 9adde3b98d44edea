import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { toEpochMs } from '../../helpers/dates';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, filtersCollection, limitProperty, returnAllProperty } from '../common.descriptions';
import { readLimit, readTimeZoneOption } from '../parameters';
import { taskOptions } from './descriptions';

const properties: INodeProperties[] = [
	contactLocator(),
	returnAllProperty,
	limitProperty,
	filtersCollection(
		[
			{
				displayName: 'Due After',
				name: 'dueAfter',
				type: 'dateTime',
				default: '',
				description: 'Only tasks due at or after this time',
			},
			{
				displayName: 'Due Before',
				name: 'dueBefore',
				type: 'dateTime',
				default: '',
				description: 'Only tasks due at or before this time',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'completed' },
					{ name: 'Not Completed', value: 'open' },
				],
				default: 'open',
			},
		],
		{ description: 'GHL returns all of a contact\'s tasks at once; these filters are applied by the node' },
	),
	taskOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getAll'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const limit = readLimit.call(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	// Filter dates are read before any request, so a bad one stops the item early.
	const after = filters.dueAfter ? toEpochMs(node, itemIndex, 'Filters → Due After', filters.dueAfter, { timeZone }) : undefined;
	const before = filters.dueBefore
		? toEpochMs(node, itemIndex, 'Filters → Due Before', filters.dueBefore, { timeZone, endOfDay: true })
		: undefined;

	const contactId = await resolveContactId.call(this, client, itemIndex);
	const { tasks = [] } = await client.request<{ tasks?: IDataObject[] }>({
		method: 'GET',
		path: '/contacts/{contactId}/tasks', segments: { contactId },
		itemIndex,
	});
	return tasks
		.filter((task) => {
			if (filters.status === 'completed' && task.completed !== true) return false;
			if (filters.status === 'open' && task.completed === true) return false;
			if (after === undefined && before === undefined) return true;
			const due = Date.parse(String(task.dueDate ?? ''));
			if (Number.isNaN(due)) return false;
			return (after === undefined || due >= after) && (before === undefined || due <= before);
		})
		.slice(0, limit);
}
