/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';

const base = {
	resource: 'appointment',
	operation: 'create',
	location: locator('list', ''),
	calendarId: locator('list', 'cal1'),
	contactId: locator('id', 'c1'),
	startTime: '2026-05-01T14:30:00Z',
	additionalFields: {},
	options: {},
};

const booked = (body: Record<string, unknown>) => ({ id: 'ev1', ...body });

describe('appointment → create', () => {
	it('sends AppointmentCreateSchema with every field (Version 2021-04-15) and returns GHL\'s answer', async () => {
		const body = {
			calendarId: 'cal1',
			locationId: LOCATION_ID,
			contactId: 'c1',
			startTime: '2026-05-01T14:30:00-04:00',
			endTime: '2026-05-01T15:15:00-04:00',
			title: 'Discovery call',
			appointmentStatus: 'confirmed',
			assignedUserId: 'user_1',
			address: 'https://zoom.us/j/1',
			description: 'Bring the quote',
			meetingLocationType: 'zoom',
			overrideLocationConfig: true,
			ignoreDateRange: true,
			ignoreFreeSlotValidation: true,
			toNotify: false,
			rrule: 'RRULE:FREQ=WEEKLY;COUNT=4',
		};
		ghl(CALENDARS).post('/calendars/events/appointments', body).reply(200, booked(body));
		const { output } = await runNode({
			parameters: {
				...base,
				startTime: '2026-05-01 14:30',
				additionalFields: {
					endTime: '2026-05-01 15:15',
					title: 'Discovery call',
					appointmentStatus: 'confirmed',
					assignedUserId: 'user_1',
					address: 'https://zoom.us/j/1',
					description: 'Bring the quote',
					meetingLocationType: 'zoom',
					ignoreDateRange: true,
					ignoreFreeSlotValidation: true,
					toNotify: false,
					rrule: 'RRULE:FREQ=WEEKLY;COUNT=4',
				},
				options: { timezone: 'America/New_York' },
			},
		});
		expect(output).toEqual([{ json: booked(body), pairedItem: { item: 0 } }]);
	});

	it('without an end: end = start + the calendar\'s slot duration (GET /calendars/:id)', async () => {
		ghl(CALENDARS).get('/calendars/cal1').reply(200, { calendar: { id: 'cal1', slotDuration: 45, slotDurationUnit: 'mins' } });
		ghl(CALENDARS)
			.post('/calendars/events/appointments', {
				calendarId: 'cal1',
				locationId: LOCATION_ID,
				contactId: 'c1',
				startTime: '2026-05-01T14:30:00+00:00',
				endTime: '2026-05-01T15:15:00+00:00',
			})
			.reply(200, { id: 'ev1' });
		const { output } = await runNode({ parameters: base });
		expect(output[0].json).toEqual({ id: 'ev1' });
	});

	it('reads slotDurationUnit "hours"', async () => {
		ghl(CALENDARS).get('/calendars/cal1').reply(200, { calendar: { id: 'cal1', slotDuration: 2, slotDurationUnit: 'hours' } });
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => body.startTime === '2026-05-01T14:30:00+00:00' && body.endTime === '2026-05-01T16:30:00+00:00')
			.reply(200, { id: 'ev1' });
		await runNode({ parameters: base });
	});

	it('falls back to the spec\'s default of 30 minutes when the calendar has no slot duration', async () => {
		ghl(CALENDARS).get('/calendars/cal1').reply(200, { calendar: { id: 'cal1' } });
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => body.endTime === '2026-05-01T15:00:00+00:00')
			.reply(200, { id: 'ev1' });
		await runNode({ parameters: base });
	});

	it('reads the calendar once for all items of a run', async () => {
		ghl(CALENDARS).get('/calendars/cal1').once().reply(200, { calendar: { slotDuration: 15, slotDurationUnit: 'mins' } });
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => Date.parse(body.endTime) - Date.parse(body.startTime) === 15 * 60_000)
			.times(3)
			.reply(200, (_uri, body) => ({ id: `ev_${(body as { startTime: string }).startTime}` }));
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }, { json: {} }],
			parameters: (i) => ({ ...base, startTime: `2026-05-0${i + 1}T10:00:00Z` }),
		});
		expect(output).toHaveLength(3);
	});

	it('reads a start without offset in the workflow timezone and sends that zone\'s offset', async () => {
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => body.startTime === '2026-01-15T09:00:00+01:00' && body.endTime === '2026-01-15T09:30:00+01:00')
			.reply(200, { id: 'ev1' });
		await runNode({ timezone: 'Europe/Berlin', parameters: { ...base, startTime: '2026-01-15T09:00:00', additionalFields: { endTime: '2026-01-15T09:30:00' } } });
	});

	it('takes a calendar ID typed in, and looks the contact up by email (contacts Version) first', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'j@x.io' }).reply(200, { contact: { id: 'c7' } });
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => body.calendarId === 'calX' && body.contactId === 'c7')
			.reply(200, { id: 'ev1' });
		await runNode({
			parameters: { ...base, calendarId: locator('id', 'calX'), contactId: locator('email', 'j@x.io'), additionalFields: { endTime: 1777647000000 + 1800_000 }, startTime: 1777647000000 },
		});
	});

	it('says the slot is taken when GHL answers 400 "no longer available"', async () => {
		ghl(CALENDARS)
			.post('/calendars/events/appointments')
			.reply(400, { statusCode: 400, message: 'The slot you have selected is no longer available.' });
		await expect(runNode({ parameters: { ...base, additionalFields: { endTime: '2026-05-01T15:00:00Z' } } })).rejects.toMatchObject({
			httpCode: '400',
			message: 'The slot you have selected is no longer available.',
			description: expect.stringContaining('That time slot is taken'),
		});
	});

	it('books two items for one slot one after another, so the second gets "slot taken"', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		let calls = 0;
		ghl(CALENDARS)
			.post('/calendars/events/appointments')
			.times(2)
			.reply((_uri, _body, callback) => {
				inFlight++;
				maxInFlight = Math.max(maxInFlight, inFlight);
				const first = calls++ === 0;
				setTimeout(() => {
					inFlight--;
					callback(null, first ? [200, { id: 'ev1' }] : [400, { statusCode: 400, message: 'The slot you have selected is no longer available.' }]);
				}, 20);
			});
		const { output } = await runNode({
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
			// Same instant written two ways.
			parameters: (i) => ({ ...base, startTime: i === 0 ? '2026-05-01T14:30:00Z' : '2026-05-01T10:30:00-04:00', additionalFields: { endTime: '2026-05-01T15:00:00Z' } }),
		});
		expect(maxInFlight).toBe(1);
		expect(output[0].json).toEqual({ id: 'ev1' });
		expect(output[1].json).toMatchObject({ error: 'The slot you have selected is no longer available.', httpCode: '400' });
	});

	it('rejects an unparseable start before any request (not even the contact lookup)', async () => {
		await expect(runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io'), startTime: '2026-05-01 2pm' } })).rejects.toMatchObject({
			message: 'Start Time: "2026-05-01 2pm" is not a date (item 0)',
		});
	});

	it('rejects an unparseable end, naming the item', async () => {
		// Item 0 is valid, but nothing is sent: every item is checked before the first request.
		await expect(
			runNode({
				items: [{ json: {} }, { json: {} }],
				parameters: (i) => ({ ...base, requestOptions: { concurrency: 1 }, additionalFields: { endTime: i === 1 ? 'later' : '2026-05-01T15:00:00Z' } }),
			}),
		).rejects.toMatchObject({ message: 'End Time: "later" is not a date (item 1)' });
	});

	it('rejects an end before the start', async () => {
		await expect(runNode({ parameters: { ...base, additionalFields: { endTime: '2026-05-01T14:00:00Z' } } })).rejects.toMatchObject({
			message: 'End Time: 2026-05-01T14:00:00+00:00 is not after the start (2026-05-01T14:30:00+00:00) (item 0)',
		});
	});

	it('rejects an empty start', async () => {
		await expect(runNode({ parameters: { ...base, startTime: '' } })).rejects.toMatchObject({ message: 'Start Time: is empty (item 0)' });
	});

	it('refuses a recurrence rule GHL would silently drop', async () => {
		await expect(runNode({ parameters: { ...base, additionalFields: { rrule: 'RRULE:FREQ=DAILY;COUNT=3' } } })).rejects.toMatchObject({
			message: expect.stringContaining('Recurrence Rule: GHL ignores it unless "Ignore Free Slot Validation" is on'),
		});
	});

	it('does not override the location config when a configured meeting location is picked', async () => {
		ghl(CALENDARS)
			.post('/calendars/events/appointments', (body) => body.meetingLocationId === 'custom_0' && body.overrideLocationConfig === false)
			.reply(200, { id: 'ev1' });
		await runNode({ parameters: { ...base, additionalFields: { endTime: '2026-05-01T15:00:00Z', meetingLocationId: 'custom_0' } } });
	});

	it('names the calendar ID GHL does not know', async () => {
		ghl(CALENDARS).get('/calendars/nope').reply(400, { statusCode: 400, message: 'Calendar not found' });
		await expect(runNode({ parameters: { ...base, calendarId: locator('id', 'nope') } })).rejects.toMatchObject({
			httpCode: '400',
			description: expect.stringContaining('"nope" is not a valid Calendar ID'),
		});
	});

	it('passes a 422 for an unknown property through with GHL\'s words', async () => {
		ghl(CALENDARS).post('/calendars/events/appointments').reply(422, { statusCode: 422, message: ['property notes should not exist'], error: 'Unprocessable Entity' });
		await expect(runNode({ parameters: { ...base, additionalFields: { endTime: '2026-05-01T15:00:00Z' } } })).rejects.toMatchObject({
			httpCode: '422',
			message: 'property notes should not exist',
		});
	});

	it('waits out a 429 and books', async () => {
		ghl(CALENDARS).post('/calendars/events/appointments').reply(429, {}, { 'Retry-After': '5' });
		ghl(CALENDARS).post('/calendars/events/appointments').reply(200, { id: 'ev1' });
		const { output } = await runNode({ parameters: { ...base, additionalFields: { endTime: '2026-05-01T15:00:00Z' } } });
		expect(output[0].json).toEqual({ id: 'ev1' });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		expect(waited).toBeGreaterThanOrEqual(5_000);
		expect(waited).toBeLessThanOrEqual(6_100);
	});
});
