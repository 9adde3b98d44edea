import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertTimeZone, ghlTimeToIso } from '../../helpers/dates';
import { resolveContactId } from '../../helpers/contact';
import { updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator, limitProperty, optionsCollection, returnAllProperty, timezoneOption } from '../common.descriptions';
import { readLimit } from '../parameters';

const properties: INodeProperties[] = [
	contactLocator(),
	returnAllProperty,
	limitProperty,
	optionsCollection([
		{
			...timezoneOption,
			displayName: 'GHL Timezone',
			name: 'sourceTimezone',
			placeholder: 'UTC',
			description:
				'This endpoint answers times without an offset (e.g. 2021-07-16 11:00:00); they are read in this IANA timezone and output as ISO 8601 UTC. Default: UTC.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['getAll'] } }, properties);

const TIME_FIELDS = ['startTime', 'endTime', 'dateAdded', 'dateUpdated'];

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const { sourceTimezone } = this.getNodeParameter('options', itemIndex, {}) as { sourceTimezone?: string };
	const timeZone = String(sourceTimezone ?? '').trim()
		? assertTimeZone(this.getNode(), itemIndex, 'Options → GHL Timezone', sourceTimezone)
		: 'UTC';

	const contactId = await resolveContactId.call(this, client, itemIndex);
	// GHL returns all of the contact's appointments at once; the limit is ours.
	const { events = [] } = await client.request<{ events?: IDataObject[] }>({
		method: 'GET',
		path: '/contacts/{contactId}/appointments', segments: { contactId },
		itemIndex,
	});
	return events.slice(0, limit).map((event) => {
		const output = { ...event };
		for (const field of TIME_FIELDS) if (field in output) output[field] = ghlTimeToIso(output[field], timeZone) as string;
		return output;
	});
}
