import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toZonedIso } from '../../helpers/dates';
import { explainUnknownId } from '../../helpers/records';
import { invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { byRecordId } from '../lockKeys';
import { readFields, readTimeZoneOption } from '../parameters';
import { appointmentBodyFields, appointmentIdOf, readTimes } from './body';
import { appointmentFieldsCollection, appointmentIdProperty, appointmentOptions } from './descriptions';

const properties: INodeProperties[] = [appointmentIdProperty, appointmentFieldsCollection('update'), appointmentOptions];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['update'] } }, properties);

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject> {
	const appointmentId = appointmentIdOf.call(this, itemIndex);
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	const fields = readFields.call(this, itemIndex, 'update');
	const section = 'Update Fields → ';
	const times = readTimes.call(this, itemIndex, fields.startTime, fields.endTime, timeZone, section);
	const body = appointmentBodyFields.call(this, itemIndex, fields, section);
	if (times.start === undefined && times.end === undefined && !Object.keys(body).length) {
		throw invalidInput(this.getNode(), itemIndex, 'Update Fields', 'nothing to update', 'Add at least one field under "Update Fields".');
	}

	const send = async <T>(method: 'GET' | 'PUT', payload?: IDataObject) =>
		await explainUnknownId(this.getNode(), 'Appointment', appointmentId, async () =>
			await client.request<T>({ method, path: '/calendars/events/appointments/{appointmentId}', segments: { appointmentId }, body: payload, itemIndex }),
		);

	if (times.start !== undefined) {
		body.startTime = toZonedIso(times.start, timeZone);
		let end = times.end;
		if (end === undefined) {
			// Moved without a new end: keep the appointment's length.
			const { event } = await send<{ event?: IDataObject }>('GET');
			const length = Date.parse(String(event?.endTime)) - Date.parse(String(event?.startTime));
			if (Number.isFinite(length) && length > 0) end = times.start + length;
		}
		if (end !== undefined) body.endTime = toZonedIso(end, timeZone);
	} else if (times.end !== undefined) {
		body.endTime = toZonedIso(times.end, timeZone);
	}
	return await send<IDataObject>('PUT', body);
}

export const lockKey = byRecordId('appointmentId');
