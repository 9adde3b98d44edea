import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';
const base = { resource: 'appointment', location: locator('list', ''), calendarId: locator('list', 'cal1'), contactId: locator('id', 'c1'), appointmentId: 'ev1', options: {} };
const every = {
	title: 'T',
	appointmentStatus: 'confirmed',
	assignedUserId: 'user_1',
	address: 'A',
	description: 'D',
	meetingLocationType: 'zoom',
	meetingLocationId: 'custom_0',
	overrideLocationConfig: true,
	ignoreDateRange: true,
	ignoreFreeSlotValidation: true,
	toNotify: false,
	rrule: 'RRULE:FREQ=DAILY;COUNT=2',
};

/** Every request of every appointment operation, with every field set, checked against calendars.json and contacts.json. */
describe('appointment requests conform to the spec', () => {
	it('create with every field', async () => {
		ghl(CALENDARS).post('/calendars/events/appointments').reply(200, { id: 'ev1' });
		const { context } = await runNode({ parameters: { ...base, operation: 'create', startTime: '2026-05-01T10:00:00Z', additionalFields: { ...every, endTime: '2026-05-01T11:00:00Z' } } });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('create without an end (reads the calendar first)', async () => {
		ghl(CALENDARS).get('/calendars/cal1').reply(200, { calendar: { slotDuration: 30, slotDurationUnit: 'mins' } });
		ghl(CALENDARS).post('/calendars/events/appointments').reply(200, { id: 'ev1' });
		const { context } = await runNode({ parameters: { ...base, operation: 'create', startTime: '2026-05-01T10:00:00Z', additionalFields: {} } });
		expect(context.requests).toHaveLength(2);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('update with every field, and a move that keeps the length', async () => {
		ghl(CALENDARS).put('/calendars/events/appointments/ev1').reply(200, { id: 'ev1' });
		ghl(CALENDARS).get('/calendars/events/appointments/ev1').reply(200, { event: { startTime: '2026-05-01T10:00:00Z', endTime: '2026-05-01T10:30:00Z' } });
		ghl(CALENDARS).put('/calendars/events/appointments/ev1').reply(200, { id: 'ev1' });
		const first = await runNode({
			parameters: { ...base, operation: 'update', updateFields: { ...every, calendarId: 'cal2', startTime: '2026-05-02T10:00:00Z', endTime: '2026-05-02T11:00:00Z' } },
		});
		const second = await runNode({ parameters: { ...base, operation: 'update', updateFields: { startTime: '2026-05-03T10:00:00Z' } } });
		const requests = [...first.context.requests, ...second.context.requests];
		expect(requests).toHaveLength(3);
		expect(requests.flatMap(specProblems)).toEqual([]);
	});

	it.each([
		['get', 'GET', /\/calendars\/events\/appointments\/ev1/, CALENDARS, { ...base, operation: 'get' }],
		['delete', 'DELETE', /\/calendars\/events\/ev1/, CALENDARS, { ...base, operation: 'delete' }],
		['getAll', 'GET', /\/contacts\/c1\/appointments/, '2021-07-28', { ...base, operation: 'getAll', returnAll: true }],
		[
			'getFreeSlots',
			'GET',
			/\/calendars\/cal1\/free-slots.*/,
			CALENDARS,
			{ ...base, operation: 'getFreeSlots', startDate: '2026-05-01', endDate: '2026-05-02', options: { timezone: 'America/Chicago', userId: 'user_1' } },
		],
	])('%s', async (_name, method, path, version, parameters) => {
		ghl(version).intercept(path, method).reply(200, { event: { id: 'ev1' }, events: [] });
		const { context } = await runNode({ parameters });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});
});
