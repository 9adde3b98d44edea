import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';
const base = { resource: 'appointment', location: locator('list', ''), appointmentId: 'ev1', options: {} };

describe('appointment → get', () => {
	it('gets GET /calendars/events/appointments/:eventId and returns the event', async () => {
		const event = { id: 'ev1', title: 'Call', startTime: '2026-05-01T14:30:00+00:00', endTime: '2026-05-01T15:00:00+00:00' };
		ghl(CALENDARS).get('/calendars/events/appointments/ev1').reply(200, { event });
		const { output } = await runNode({ parameters: { ...base, operation: 'get' } });
		expect(output).toEqual([{ json: event, pairedItem: { item: 0 } }]);
	});

	it('names the appointment ID on 404', async () => {
		ghl(CALENDARS).get('/calendars/events/appointments/gone').reply(404, { statusCode: 404, message: 'Event not found' });
		await expect(runNode({ parameters: { ...base, appointmentId: 'gone', operation: 'get' } })).rejects.toMatchObject({
			httpCode: '404',
			message: 'Event not found',
			description: expect.stringContaining('"gone" is not a valid Appointment ID'),
		});
	});

	it('rejects an empty ID before any request', async () => {
		await expect(runNode({ parameters: { ...base, appointmentId: '', operation: 'get' } })).rejects.toMatchObject({
			message: 'Appointment ID: is empty (item 0)',
		});
	});
});
