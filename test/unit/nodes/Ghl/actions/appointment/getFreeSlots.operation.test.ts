import { windows } from '../../../../../../nodes/Ghl/actions/appointment/getFreeSlots.operation';
import { locator } from '../../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';
const DAY = 86_400_000;
const WINDOW = 31 * DAY;

const base = {
	resource: 'appointment',
	operation: 'getFreeSlots',
	location: locator('list', ''),
	calendarId: locator('list', 'cal1'),
	options: {},
};

describe('appointment → getFreeSlots', () => {
	it('asks GET /calendars/:id/free-slots with epoch ms, timezone and user; one item per slot', async () => {
		const start = Date.UTC(2024, 9, 28, 5, 0, 0); // 2024-10-28 00:00 in Chicago (CDT, UTC-5)
		const end = Date.UTC(2024, 9, 30, 4, 59, 59, 999); // 2024-10-29 23:59:59.999 in Chicago
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query({ startDate: String(start), endDate: String(end), timezone: 'America/Chicago', userId: 'user_1' })
			.reply(200, {
				'2024-10-28': { slots: ['2024-10-28T10:00:00-05:00', '2024-10-28T11:00:00-05:00'] },
				'2024-10-29': { slots: ['2024-10-29T10:00:00-05:00'] },
				traceId: 'abc',
			});
		const { output } = await runNode({
			parameters: { ...base, startDate: '2024-10-28', endDate: '2024-10-29', options: { timezone: 'America/Chicago', userId: 'user_1' } },
		});
		expect(output).toEqual([
			{ json: { date: '2024-10-28', startTime: '2024-10-28T10:00:00-05:00' }, pairedItem: { item: 0 } },
			{ json: { date: '2024-10-28', startTime: '2024-10-28T11:00:00-05:00' }, pairedItem: { item: 0 } },
			{ json: { date: '2024-10-29', startTime: '2024-10-29T10:00:00-05:00' }, pairedItem: { item: 0 } },
		]);
	});

	it('sends no timezone when none is chosen and reads the dates in the workflow timezone', async () => {
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query({ startDate: String(Date.UTC(2026, 0, 14, 23)), endDate: String(Date.UTC(2026, 0, 15, 22, 59, 59, 999)) })
			.reply(200, {});
		const { output } = await runNode({ timezone: 'Europe/Berlin', parameters: { ...base, startDate: '2026-01-15', endDate: '2026-01-15' } });
		expect(output).toEqual([]);
	});

	it('splits a range over 31 days into 31-day windows and merges the answers', async () => {
		const start = Date.UTC(2026, 4, 1);
		const end = Date.UTC(2026, 6, 15, 23, 59, 59, 999); // 76 days
		const asked: Array<[number, number]> = [];
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query(true)
			.times(3)
			.reply((uri) => {
				const query = new URL(uri, 'https://x').searchParams;
				const from = Number(query.get('startDate'));
				const to = Number(query.get('endDate'));
				asked.push([from, to]);
				const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
				// Each window answers for its first and last day; the boundary day comes twice.
				return [
					200,
					{
						[day(from)]: { slots: [`${day(from)}T15:00:00Z`, `${day(from)}T09:00:00Z`] },
						[day(to)]: { slots: [`${day(to)}T09:00:00Z`] },
						traceId: 't',
					},
				];
			});
		const { output } = await runNode({ parameters: { ...base, startDate: start, endDate: end, options: { output: 'day' } } });
		expect(asked).toEqual([
			[start, start + WINDOW - 1],
			[start + WINDOW, start + 2 * WINDOW - 1],
			[start + 2 * WINDOW, end],
		]);
		for (const [from, to] of asked) expect(to - from).toBeLessThanOrEqual(WINDOW);
		expect(output.map((entry) => entry.json)).toEqual([
			{ date: '2026-05-01', slots: ['2026-05-01T09:00:00Z', '2026-05-01T15:00:00Z'] },
			{ date: '2026-05-31', slots: ['2026-05-31T09:00:00Z'] },
			{ date: '2026-06-01', slots: ['2026-06-01T09:00:00Z', '2026-06-01T15:00:00Z'] },
			{ date: '2026-07-01', slots: ['2026-07-01T09:00:00Z'] },
			{ date: '2026-07-02', slots: ['2026-07-02T09:00:00Z', '2026-07-02T15:00:00Z'] },
			{ date: '2026-07-15', slots: ['2026-07-15T09:00:00Z'] },
		]);
	});

	it('merges a day that two windows both return, without duplicates', async () => {
		const start = Date.UTC(2026, 4, 1, 12);
		const end = start + WINDOW + DAY;
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query({ startDate: String(start), endDate: String(start + WINDOW - 1) })
			.reply(200, { '2026-06-01': { slots: ['2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z'] } });
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query({ startDate: String(start + WINDOW), endDate: String(end) })
			.reply(200, { '2026-06-01': { slots: ['2026-06-01T10:00:00Z', '2026-06-01T14:00:00Z'] } });
		const { output } = await runNode({ parameters: { ...base, startDate: new Date(start).toISOString(), endDate: new Date(end).toISOString() } });
		expect(output.map((entry) => entry.json.startTime)).toEqual(['2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z', '2026-06-01T14:00:00Z']);
	});

	it('waits out a 429 in the middle of the windows and carries on', async () => {
		const start = Date.UTC(2026, 4, 1);
		const end = start + WINDOW + 10 * DAY;
		ghl(CALENDARS).get('/calendars/cal1/free-slots').query({ startDate: String(start), endDate: String(start + WINDOW - 1) }).reply(200, {});
		ghl(CALENDARS).get('/calendars/cal1/free-slots').query(true).reply(429, {}, { 'Retry-After': '2' });
		ghl(CALENDARS)
			.get('/calendars/cal1/free-slots')
			.query({ startDate: String(start + WINDOW), endDate: String(end) })
			.reply(200, { '2026-06-05': { slots: ['2026-06-05T09:00:00Z'] } });
		const { output } = await runNode({ parameters: { ...base, startDate: start, endDate: end } });
		expect(output.map((entry) => entry.json)).toEqual([{ date: '2026-06-05', startTime: '2026-06-05T09:00:00Z' }]);
		expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2_000);
	});

	it('rejects an unparseable date before any request', async () => {
		await expect(runNode({ parameters: { ...base, startDate: 'next week', endDate: '2026-05-31' } })).rejects.toMatchObject({
			message: 'Start: "next week" is not a date (item 0)',
		});
	});

	it('rejects an end before the start', async () => {
		await expect(runNode({ parameters: { ...base, startDate: '2026-05-31', endDate: '2026-05-01' } })).rejects.toMatchObject({
			message: 'End: is before Start (item 0)',
		});
	});

	it('refuses more than a year at once', async () => {
		await expect(runNode({ parameters: { ...base, startDate: '2026-01-01', endDate: '2027-06-01' } })).rejects.toMatchObject({
			message: 'End: is more than a year after Start (item 0)',
		});
	});

	it('items asking for the same calendar and dates share one read; other dates read their own', async () => {
		const day = (date: string) => ({ [date]: { slots: [`${date}T10:00:00Z`] } });
		ghl(CALENDARS).get('/calendars/cal1/free-slots').query({ startDate: String(Date.UTC(2026, 4, 1)), endDate: String(Date.UTC(2026, 4, 1, 23, 59, 59, 999)) }).once().reply(200, day('2026-05-01'));
		ghl(CALENDARS).get('/calendars/cal1/free-slots').query({ startDate: String(Date.UTC(2026, 4, 2)), endDate: String(Date.UTC(2026, 4, 2, 23, 59, 59, 999)) }).once().reply(200, day('2026-05-02'));
		const dates = ['2026-05-01', '2026-05-01', '2026-05-02', '2026-05-01'];
		const { output } = await runNode({
			items: dates.map(() => ({ json: {} })),
			parameters: (i) => ({ ...base, startDate: dates[i], endDate: dates[i] }),
		});
		expect(output.map((item) => [item.json.startTime, item.pairedItem])).toEqual(dates.map((date, item) => [`${date}T10:00:00Z`, { item }]));
	});

	it('names the calendar GHL does not know', async () => {
		ghl(CALENDARS).get('/calendars/nope/free-slots').query(true).reply(404, { statusCode: 404, message: 'Calendar not found' });
		await expect(
			runNode({ parameters: { ...base, calendarId: locator('id', 'nope'), startDate: '2026-05-01', endDate: '2026-05-02' } }),
		).rejects.toMatchObject({ httpCode: '404', description: expect.stringContaining('"nope" is not a valid Calendar ID') });
	});
});

describe('free-slot windows', () => {
	it('keeps a range of up to 31 days in one window', () => {
		const start = Date.UTC(2026, 4, 1);
		expect(windows(start, start + WINDOW - 1)).toEqual([[start, start + WINDOW - 1]]);
		expect(windows(start, start)).toEqual([[start, start]]);
	});

	it('cuts longer ranges into back-to-back windows that cover every millisecond once', () => {
		const start = Date.UTC(2026, 0, 1);
		const end = Date.UTC(2026, 11, 31, 23, 59, 59, 999);
		const parts = windows(start, end);
		expect(parts).toHaveLength(Math.ceil((end - start + 1) / WINDOW));
		expect(parts[0][0]).toBe(start);
		expect(parts[parts.length - 1][1]).toBe(end);
		for (let i = 1; i < parts.length; i++) expect(parts[i][0]).toBe(parts[i - 1][1] + 1);
		for (const [from, to] of parts) expect(to - from).toBeLessThan(WINDOW);
	});
});
