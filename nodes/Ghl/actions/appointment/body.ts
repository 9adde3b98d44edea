import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toEpochMs, toZonedIso } from '../../helpers/dates';
import { recordIdReader } from '../../helpers/records';
import { assertId, invalidInput } from '../../helpers/utils';

/** Which DTO a body is for (calendars.json: AppointmentCreateSchema, AppointmentEditSchema). */
export type AppointmentDto = 'create' | 'update';

export const appointmentIdOf = recordIdReader('appointmentId', 'Appointment ID');

export function calendarIdOf(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('calendarId', itemIndex, '', { extractValue: true });
	return assertId(this.getNode(), itemIndex, 'Calendar', value);
}

/** Everything but the times, as the DTO names it; unset fields are left out. */
export function appointmentBodyFields(this: IExecuteFunctions, itemIndex: number, fields: IDataObject, section: string): IDataObject {
	const node = this.getNode();
	const body: IDataObject = {};
	for (const key of ['title', 'appointmentStatus', 'address', 'description', 'meetingLocationType', 'meetingLocationId', 'rrule']) {
		const value = fields[key];
		if (value !== undefined && value !== null && String(value).trim() !== '') body[key] = String(value).trim();
	}
	if (fields.assignedUserId !== undefined && String(fields.assignedUserId).trim()) {
		body.assignedUserId = assertId(node, itemIndex, `${section}Assigned User`, fields.assignedUserId);
	}
	if (fields.calendarId !== undefined && String(fields.calendarId).trim()) {
		body.calendarId = assertId(node, itemIndex, `${section}Calendar ID`, fields.calendarId);
	}
	for (const key of ['ignoreDateRange', 'ignoreFreeSlotValidation', 'toNotify', 'overrideLocationConfig']) {
		if (fields[key] !== undefined) body[key] = fields[key] === true;
	}
	// The spec's rule: override when only a type is given, not when a configured location is picked.
	if (body.overrideLocationConfig === undefined && (body.meetingLocationType || body.meetingLocationId)) {
		body.overrideLocationConfig = !body.meetingLocationId;
	}
	if (body.rrule && body.ignoreFreeSlotValidation !== true) {
		throw invalidInput(
			node,
			itemIndex,
			`${section}Recurrence Rule`,
			'GHL ignores it unless "Ignore Free Slot Validation" is on',
			'Turn on "Ignore Free Slot Validation" to book a recurring series, or remove the rule.',
		);
	}
	return body;
}

/** Start and end as epoch ms, read before any request; the end (if given) must follow the start. */
export function readTimes(
	this: IExecuteFunctions,
	itemIndex: number,
	start: unknown,
	end: unknown,
	timeZone: string,
	section: string,
): { start?: number; end?: number } {
	const node = this.getNode();
	const given = (value: unknown) => value !== undefined && value !== null && value !== '';
	const startMs = given(start) ? toEpochMs(node, itemIndex, `${section}Start Time`, start, { timeZone }) : undefined;
	const endMs = given(end) ? toEpochMs(node, itemIndex, `${section}End Time`, end, { timeZone }) : undefined;
	if (startMs !== undefined && endMs !== undefined && endMs <= startMs) {
		throw invalidInput(
			node,
			itemIndex,
			`${section}End Time`,
			`${toZonedIso(endMs, timeZone)} is not after the start (${toZonedIso(startMs, timeZone)})`,
			'Give an end time after the start, or leave it empty.',
		);
	}
	return { start: startMs, end: endMs };
}
