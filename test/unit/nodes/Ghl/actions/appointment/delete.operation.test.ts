import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const CALENDARS = '2021-04-15';
const base = { resource: 'appointment', location: locator('list', ''), appointmentId: 'ev1', options: {} };

describe('appointment → delete', () => {
	it('deletes with DELETE /calendars/events/:eventId and the empty body the spec requires', async () => {
		ghl(CALENDARS).delete('/calendars/events/ev1', {}).reply(201, { succeeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output).toEqual([{ json: { id: 'ev1', deleted: true }, pairedItem: { item: 0 } }]);
	});

	it('names the appointment ID on 404', async () => {
		ghl(CALENDARS).delete('/calendars/events/gone').reply(404, { statusCode: 404, message: 'Not Found' });
		await expect(runNode({ parameters: { ...base, appointmentId: 'gone', operation: 'delete' } })).rejects.toMatchObject({
			httpCode: '404',
			description: expect.stringContaining('"gone" is not a valid Appointment ID'),
		});
	});

	it('retries after a 429', async () => {
		ghl(CALENDARS).delete('/calendars/events/ev1').reply(429, {}, { 'Retry-After': '1' });
		ghl(CALENDARS).delete('/calendars/events/ev1').reply(201, { succeeded: true });
		const { output } = await runNode({ parameters: { ...base, operation: 'delete' } });
		expect(output[0].json).toEqual({ id: 'ev1', deleted: true });
	});
});
