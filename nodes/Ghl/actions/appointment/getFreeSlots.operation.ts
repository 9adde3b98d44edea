import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toEpochMs } from '../../helpers/dates';
import { readDefinitionOnce } from '../../helpers/definitions';
import { explainUnknownId } from '../../helpers/records';
import { assertId, invalidInput, updateDisplayOptions } from '../../helpers/utils';
import type { GhlClient } from '../../transport';
import { calendarLocator, optionsCollection, timezoneOption, userProperty } from '../common.descriptions';
import { readTimeZoneOption } from '../parameters';
import { calendarIdOf } from './body';

const DAY_MS = 86_400_000;
/** calendars.json: "Date range cannot be more than 31 days". */
export const MAX_WINDOW_MS = 31 * DAY_MS;
/** Longer ranges are split into windows; past a year it is more likely a mistake than a plan. */
const MAX_RANGE_MS = 366 * DAY_MS;

const properties: INodeProperties[] = [
	calendarLocator(),
	{
		displayName: 'Start',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First moment to look for free slots',
	},
	{
		displayName: 'End',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Last moment to look for free slots; a bare date (2026-05-31) includes that whole day. Ranges over 31 days are fetched in 31-day windows and merged.',
	},
	optionsCollection([
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Day', value: 'day', description: 'Items like { date, slots: [...] }' },
				{ name: 'One Item per Slot', value: 'slot', description: 'Items like { date, startTime }' },
			],
			default: 'slot',
		},
		{
			...timezoneOption,
			description:
				'IANA timezone GHL returns the slots in, also used to read Start and End when they have no offset. Leave empty for the calendar\'s timezone (inputs are then read in the workflow\'s).',
		},
		{ ...userProperty, displayName: 'User Name or ID', name: 'userId', description: 'Only slots this team member has free. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['appointment'], operation: ['getFreeSlots'] } }, properties);

/** [start, end] cut into windows GHL accepts (each at most 31 days long). */
export function windows(startMs: number, endMs: number): Array<[number, number]> {
	const result: Array<[number, number]> = [];
	for (let from = startMs; from <= endMs; ) {
		const to = Math.min(from + MAX_WINDOW_MS - 1, endMs);
		result.push([from, to]);
		from = to + 1;
	}
	return result;
}

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

export async function execute(this: IExecuteFunctions, client: GhlClient, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const calendarId = calendarIdOf.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { output?: string; timezone?: string; userId?: string };
	const timeZone = readTimeZoneOption.call(this, itemIndex);
	const start = toEpochMs(node, itemIndex, 'Start', this.getNodeParameter('startDate', itemIndex, ''), { timeZone });
	const end = toEpochMs(node, itemIndex, 'End', this.getNodeParameter('endDate', itemIndex, ''), { timeZone, endOfDay: true });
	if (end < start) {
		throw invalidInput(node, itemIndex, 'End', 'is before Start', 'Swap the two dates, or give an end after the start.');
	}
	if (end - start > MAX_RANGE_MS) {
		throw invalidInput(node, itemIndex, 'End', 'is more than a year after Start', 'Ask for at most 366 days at a time.');
	}
	const qs: IDataObject = {};
	if (String(options.timezone ?? '').trim()) qs.timezone = timeZone;
	if (String(options.userId ?? '').trim()) qs.userId = assertId(node, itemIndex, 'Options → User', options.userId);

	// Windows go one after another (the transport paces them); a day split across two is merged.
	// Items asking for the same window share one read per execution.
	const days = new Map<string, Set<string>>();
	for (const [from, to] of windows(start, end)) {
		const query = { startDate: from, endDate: to, ...qs };
		const response = await explainUnknownId(node, 'Calendar', calendarId, async () =>
			await readDefinitionOnce(client, `free-slots:${calendarId}:${JSON.stringify(query)}`, async () =>
				await client.request<IDataObject>({
					method: 'GET',
					path: '/calendars/{calendarId}/free-slots', segments: { calendarId },
					qs: query,
					itemIndex,
				}),
			),
		);
		for (const [date, value] of Object.entries(response ?? {})) {
			const slots = (value as { slots?: unknown } | null)?.slots;
			if (!DATE_KEY.test(date) || !Array.isArray(slots)) continue;
			let merged = days.get(date);
			if (!merged) {
				merged = new Set();
				days.set(date, merged);
			}
			for (const slot of slots) merged.add(String(slot));
		}
	}

	const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b) || a.localeCompare(b);
	const sorted = [...days.keys()].sort().map((date) => ({ date, slots: [...days.get(date)!].sort(byTime) }));
	if (options.output === 'day') return sorted;
	return sorted.flatMap(({ date, slots }) => slots.map((startTime) => ({ date, startTime })));
}
