import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { resolveContactId } from '../../helpers/contact';
import { toEpochMs, toZonedIso } from '../../helpers/dates';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { contactLocator } from '../common.descriptions';
import {
	appointmentBodyFields,
	appointmentFieldsCollection,
	appointmentOptions,
	appointmentTimeZone,
	calendarIdOf,
	calendarLocator,
	readTimes,
	slotDurationMs,
	startTimeProperty,
} from './fields';

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
	const timeZone = appointmentTimeZone.call(this, itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const times = readTimes.call(this, itemIndex, this.getNodeParameter('startTime', itemIndex, ''), fields.endTime, timeZone, '');
	if (times.start === undefined) {
		throw invalidInput(this.getNode(), itemIndex, 'Start Time', 'is empty', 'Give the appointment\'s start, e.g. 2026-05-01T14:30:00-04:00.');
	}
	const start = times.start;
	const extra = appointmentBodyFields.call(this, itemIndex, fields, '');

	const contactId = await resolveContactId.call(this, client, itemIndex);
	const end = times.end ?? start + (await slotDurationMs.call(this, client, calendarId, itemIndex));
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

/** Items booking the same start on the same calendar go one after another, so the second sees the first. */
export function lockKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		const calendar = String(this.getNodeParameter('calendarId', itemIndex, '', { extractValue: true }) ?? '').trim();
		const start = this.getNodeParameter('startTime', itemIndex, '');
		let key = String(start);
		try {
			key = String(toEpochMs(this.getNode(), itemIndex, 'Start Time', start, { timeZone: appointmentTimeZone.call(this, itemIndex) }));
		} catch {
			// Bad input fails in execute, with the proper message.
		}
		return calendar ? `slot:${calendar}:${key}` : undefined;
	} catch {
		return undefined;
	}
}
