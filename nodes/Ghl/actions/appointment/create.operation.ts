import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { calendarSlotDurationMs } from '../../helpers/calendars';
import { resolveContactId } from '../../helpers/contact';
import { toZonedIso } from '../../helpers/dates';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { calendarLocator, contactLocator } from '../common.descriptions';
import { byCalendarSlot } from '../lockKeys';
import { readFields, readTimeZoneOption } from '../parameters';
import { appointmentBodyFields, calendarIdOf, readTimes } from './body';
import { appointmentFieldsCollection, appointmentOptions, startTimeProperty } from './descriptions';

const properties: INodeProperties[] = [
	calendarLocator(),
	contactLocator(),
	startTimeProperty,
	appointmentFieldsCollection('create'),
	appointmentOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	// Everything the item says is checked before the first request.
	const calendarId = calendarIdOf.call(this, itemIndex);
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	const fields = readFields.call(this, itemIndex, 'create');
	const times = readTimes.call(this, itemIndex, this.getNodeParameter('startTime', itemIndex, ''), fields.endTime, timeZone, '');
	if (times.start === undefined) {
		throw invalidInput(this.getNode(), itemIndex, 'Start Time', 'is empty', 'Give the appointment\'s start, e.g. 2026-05-01T14:30:00-04:00.');
	}
	const start = times.start;
	const extra = appointmentBodyFields.call(this, itemIndex, fields, '');

	const contactId = await resolveContactId.call(this, client, itemIndex);
	const end = times.end ?? start + (await calendarSlotDurationMs(this.getNode(), client, calendarId, itemIndex));
	const body: IDataObject = {
		calendarId,
		locationId: client.locationId,
		contactId,
		startTime: toZonedIso(start, timeZone),
		endTime: toZonedIso(end, timeZone),
		...extra,
	};
	return await client.request<IDataObject>({ method: 'POST', path: '/calendars/events/appointments', body, itemIndex });
}

export const lockKey = byCalendarSlot;
