import type { INodeProperties } from 'n8n-workflow';

import { fieldsCollection, optionsCollection, timezoneOption, userProperty } from '../common.descriptions';
import type { AppointmentDto } from './body';

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
	return fieldsCollection(dto, fields);
}

export const appointmentOptions = optionsCollection([
	{
		...timezoneOption,
		description:
			'IANA timezone for times written without an offset (e.g. 2026-05-01 14:30); times are sent to GHL with this zone\'s offset. Leave empty to use the workflow\'s timezone.',
	},
]);
