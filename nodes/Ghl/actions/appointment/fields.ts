import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { timeZoneFor, toEpochMs, toZonedIso } from '../../helpers/dates';
import { explainUnknownId, recordIdParameter } from '../../helpers/records';
import { assertId, invalidInput } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { timezoneOption, userProperty } from '../common.descriptions';

/** Which DTO a body is for (calendars.json: AppointmentCreateSchema, AppointmentEditSchema). */
export type AppointmentDto = 'create' | 'update';

export function calendarLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Calendar',
		name: 'calendarId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a calendar...',
				typeOptions: { searchListMethod: 'searchCalendars', searchable: true },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'CVokAlI8fgw4WYWoCtQz',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid calendar ID' },
					},
				],
			},
		],
		...overrides,
	};
}

export const appointmentIdProperty: INodeProperties = {
	displayName: 'Appointment ID',
	name: 'appointmentId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'ocQHyuzHvysMo5N5VsXc',
	description: 'The event ID, or a recurring instance ID (for the whole series use its master event ID)',
};

export const startTimeProperty: INodeProperties = {
	displayName: 'Start Time',
	name: 'startTime',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'ISO date, n8n date or epoch milliseconds. Without an offset it is read in the Timezone option.',
};

const endTimeProperty: INodeProperties = {
	displayName: 'End Time',
	name: 'endTime',
	type: 'dateTime',
	default: '',
	description: 'Defaults to the start time plus the calendar\'s slot duration',
};

/** The optional AppointmentCreateSchema / AppointmentEditSchema properties, in one place. */
const APPOINTMENT_FIELDS: INodeProperties[] = [
	{
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		placeholder: 'https://zoom.us/j/123 or 1 Main St',
		description: 'Where the meeting happens; with an address GHL sets the meeting location type to Custom',
	},
	{ ...userProperty, displayName: 'Assigned User Name or ID', name: 'assignedUserId' },
	{
		displayName: 'Calendar ID',
		name: 'calendarId',
		type: 'string',
		default: '',
		description: 'Move the appointment to this calendar',
	},
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '' },
	{ ...endTimeProperty, description: 'Without a new end time, a moved appointment keeps its length' },
	{
		displayName: 'Ignore Date Range',
		name: 'ignoreDateRange',
		type: 'boolean',
		default: false,
		description: 'Whether to skip the calendar\'s minimum scheduling notice and bookable date range',
	},
	{
		displayName: 'Ignore Free Slot Validation',
		name: 'ignoreFreeSlotValidation',
		type: 'boolean',
		default: false,
		description: 'Whether to book even if the slot is not free (double booking). Needed for a recurrence rule.',
	},
	{
		displayName: 'Meeting Location ID',
		name: 'meetingLocationId',
		type: 'string',
		default: '',
		placeholder: 'custom_0',
		description: 'One of the calendar\'s configured meeting locations (calendar.locationConfigurations)',
	},
	{
		displayName: 'Meeting Location Type',
		name: 'meetingLocationType',
		type: 'options',
		options: [
			{ name: 'Address', value: 'address' },
			{ name: 'Custom', value: 'custom' },
			{ name: 'Google', value: 'google' },
			{ name: 'Google Meet', value: 'gmeet' },
			{ name: 'Microsoft Teams', value: 'ms_teams' },
			{ name: 'Phone', value: 'phone' },
			{ name: 'Zoom', value: 'zoom' },
		],
		default: 'custom',
		description: 'Given without a meeting location ID, the calendar\'s location settings are overridden',
	},
	{
		displayName: 'Notify',
		name: 'toNotify',
		type: 'boolean',
		default: true,
		description: 'Whether GHL runs the calendar\'s notifications and automations for this booking',
	},
	{
		displayName: 'Override Location Config',
		name: 'overrideLocationConfig',
		type: 'boolean',
		default: false,
		description:
			'Whether the meeting location given here replaces the calendar\'s. Left out, it is on when only a type is given and off when a location ID is given.',
	},
	{
		displayName: 'Recurrence Rule',
		name: 'rrule',
		type: 'string',
		default: '',
		placeholder: 'RRULE:FREQ=WEEKLY;COUNT=4',
		description: 'An iCalendar (RFC 5545) RRULE. GHL applies it only with "Ignore Free Slot Validation" on.',
	},
	startTimeProperty,
	{
		displayName: 'Status',
		name: 'appointmentStatus',
		type: 'options',
		options: [
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Confirmed', value: 'confirmed' },
			{ name: 'Invalid', value: 'invalid' },
			{ name: 'New', value: 'new' },
			{ name: 'No Show', value: 'noshow' },
			{ name: 'Showed', value: 'showed' },
		],
		default: 'confirmed',
	},
	{ displayName: 'Title', name: 'title', type: 'string', default: '' },
];

/** Create takes calendar and start at the top level, and its end time defaults differently. */
export function appointmentFieldsCollection(dto: AppointmentDto): INodeProperties {
	const fields =
		dto === 'update'
			? APPOINTMENT_FIELDS.map((field) => ({ ...field, required: false }))
			: APPOINTMENT_FIELDS.filter((field) => !['calendarId', 'startTime'].includes(field.name)).map((field) =>
					field.name === 'endTime' ? endTimeProperty : field,
				);
	return {
		displayName: dto === 'update' ? 'Update Fields' : 'Additional Fields',
		name: dto === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fields,
	};
}

export const appointmentOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			...timezoneOption,
			description:
				'IANA timezone for times written without an offset (e.g. 2026-05-01 14:30); times are sent to GHL with this zone\'s offset. Leave empty to use the workflow\'s timezone.',
		},
	],
};

export function appointmentTimeZone(this: IExecuteFunctions, itemIndex: number): string {
	const { timezone } = this.getNodeParameter('options', itemIndex, {}) as { timezone?: string };
	return timeZoneFor.call(this, itemIndex, timezone, 'Options → Timezone');
}

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

const durationsByClient = new WeakMap<GhlClient, Map<string, Promise<number>>>();

/** The calendar's slot duration in ms (GET /calendars/:id, slotDuration × slotDurationUnit), once per execution. */
export async function slotDurationMs(this: IExecuteFunctions, client: GhlClient, calendarId: string, itemIndex: number): Promise<number> {
	let durations = durationsByClient.get(client);
	if (!durations) {
		durations = new Map();
		durationsByClient.set(client, durations);
	}
	let duration = durations.get(calendarId);
	if (!duration) {
		duration = explainUnknownId(this.getNode(), 'Calendar', calendarId, async () =>
			await client.request<{ calendar?: IDataObject }>({ method: 'GET', path: '/calendars/{calendarId}', segments: { calendarId }, itemIndex }),
		).then(({ calendar }) => {
			const amount = Number(calendar?.slotDuration);
			// calendars.json: slotDuration defaults to 30, slotDurationUnit is "mins" or "hours".
			const value = Number.isFinite(amount) && amount > 0 ? amount : 30;
			return value * (calendar?.slotDurationUnit === 'hours' ? 3_600_000 : 60_000);
		});
		const cache = durations;
		duration.catch(() => cache.delete(calendarId));
		durations.set(calendarId, duration);
	}
	return await duration;
}

const appointmentRecord = recordIdParameter('appointmentId', 'Appointment ID');
export const appointmentIdOf = appointmentRecord.idOf;
export const appointmentLockKey = appointmentRecord.lockKey;
