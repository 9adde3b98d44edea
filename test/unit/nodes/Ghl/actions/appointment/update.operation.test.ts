import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';
const base = { resource: 'appointment', location: locator('list', ''), appointmentId: 'ev1', options: {} };

describe('appointment → update', () => {
	it('sends only the given fields to PUT /calendars/events/appointments/:eventId (AppointmentEditSchema)', async () => {
		ghl(CALENDARS)
			.put('/calendars/events/appointments/ev1', { title: 'Renamed', appointmentStatus: 'cancelled', calendarId: 'cal2', toNotify: false })
			.reply(200, { id: 'ev1', title: 'Renamed', appointmentStatus: 'cancelled' });
		const { output } = await runNode({
			parameters: { ...base, operation: 'update', updateFields: { title: 'Renamed', appointmentStatus: 'cancelled', calendarId: 'cal2', toNotify: false } },
		});
		expect(output).toEqual([{ json: { id: 'ev1', title: 'Renamed', appointmentStatus: 'cancelled' }, pairedItem: { item: 0 } }]);
	});

	it('moves an appointment with start and end', async () => {
		ghl(CALENDARS)
			.put('/calendars/events/appointments/ev1', { startTime: '2026-05-02T10:00:00-04:00', endTime: '2026-05-02T11:00:00-04:00' })
			.reply(200, { id: 'ev1' });
		await runNode({
			parameters: { ...base, operation: 'update', updateFields: { startTime: '2026-05-02 10:00', endTime: '2026-05-02 11:00' }, options: { timezone: 'America/New_York' } },
		});
	});

	it('moved without an end, keeps its length (reads the appointment first)', async () => {
		ghl(CALENDARS)
			.get('/calendars/events/appointments/ev1')
			.reply(200, { event: { id: 'ev1', startTime: '2026-05-01T14:30:00+00:00', endTime: '2026-05-01T15:45:00+00:00' } });
		ghl(CALENDARS)
			.put('/calendars/events/appointments/ev1', { startTime: '2026-05-03T09:00:00+00:00', endTime: '2026-05-03T10:15:00+00:00' })
			.reply(200, { id: 'ev1' });
		await runNode({ parameters: { ...base, operation: 'update', updateFields: { startTime: '2026-05-03T09:00:00Z' } } });
	});

	it('says the slot is taken when GHL does', async () => {
		ghl(CALENDARS)
			.put('/calendars/events/appointments/ev1')
			.reply(400, { statusCode: 400, message: 'The slot you have selected is no longer available.' });
		await expect(
			runNode({ parameters: { ...base, operation: 'update', updateFields: { startTime: '2026-05-03T09:00:00Z', endTime: '2026-05-03T09:30:00Z' } } }),
		).rejects.toMatchObject({ httpCode: '400', description: expect.stringContaining('That time slot is taken') });
	});

	it('refuses an update with no fields', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: {} } })).rejects.toMatchObject({
			message: 'Update Fields: nothing to update (item 0)',
		});
	});

	it('rejects an unparseable start before any request', async () => {
		await expect(runNode({ parameters: { ...base, operation: 'update', updateFields: { startTime: '3rd of May' } } })).rejects.toMatchObject({
			message: 'Update Fields → Start Time: "3rd of May" is not a date (item 0)',
		});
	});

	it('names the appointment ID GHL does not know (400)', async () => {
		ghl(CALENDARS).put('/calendars/events/appointments/nope').reply(400, { statusCode: 400, message: 'Appointment not found' });
		await expect(runNode({ parameters: { ...base, appointmentId: 'nope', operation: 'update', updateFields: { title: 'x' } } })).rejects.toMatchObject({
			description: expect.stringContaining('"nope" is not a valid Appointment ID'),
		});
	});
});
