import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'appointment',
	operation: 'getAll',
	location: locator('list', ''),
	contactId: locator('id', 'c1'),
	returnAll: true,
	options: {},
};

const events = [
	{ id: 'e1', calendarId: 'cal1', title: 'A', startTime: '2021-07-16 11:00:00', endTime: '2021-07-16 11:30:00', dateAdded: '2021-07-01 09:00:00', dateUpdated: '2021-07-02 10:15:00', users: ['u1'] },
	{ id: 'e2', calendarId: 'cal1', title: 'B', startTime: '2021-07-17T09:00:00+02:00', endTime: '2021-07-17T09:30:00+02:00' },
	{ id: 'e3', calendarId: 'cal1', title: 'C', startTime: '2021-07-18 08:00:00', endTime: '2021-07-18 08:30:00' },
];

describe('appointment → getAll', () => {
	it('lists a contact\'s appointments (contacts Version) with startTime and the other times as ISO 8601', async () => {
		ghl().get('/contacts/c1/appointments').reply(200, { events });
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual([
			{
				json: { ...events[0], startTime: '2021-07-16T11:00:00.000Z', endTime: '2021-07-16T11:30:00.000Z', dateAdded: '2021-07-01T09:00:00.000Z', dateUpdated: '2021-07-02T10:15:00.000Z' },
				pairedItem: { item: 0 },
			},
			{ json: { ...events[1], startTime: '2021-07-17T07:00:00.000Z', endTime: '2021-07-17T07:30:00.000Z' }, pairedItem: { item: 0 } },
			{ json: { ...events[2], startTime: '2021-07-18T08:00:00.000Z', endTime: '2021-07-18T08:30:00.000Z' }, pairedItem: { item: 0 } },
		]);
	});

	it('reads offset-less times in the GHL Timezone option', async () => {
		ghl().get('/contacts/c1/appointments').reply(200, { events: [events[0]] });
		const { output } = await runNode({ parameters: { ...base, options: { sourceTimezone: 'America/Chicago' } } });
		// Chicago in July is UTC-5.
		expect(output[0].json).toMatchObject({ startTime: '2021-07-16T16:00:00.000Z', endTime: '2021-07-16T16:30:00.000Z' });
	});

	it('applies the limit on our side', async () => {
		ghl().get('/contacts/c1/appointments').reply(200, { events });
		const { output } = await runNode({ parameters: { ...base, returnAll: false, limit: 1 } });
		expect(output.map((entry) => entry.json.id)).toEqual(['e1']);
	});

	it('leaves a time it cannot read as it came', async () => {
		ghl().get('/contacts/c1/appointments').reply(200, { events: [{ id: 'e9', startTime: 'TBD', endTime: null }] });
		const { output } = await runNode({ parameters: base });
		expect(output[0].json).toEqual({ id: 'e9', startTime: 'TBD', endTime: null });
	});

	it('resolves the contact by email', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'j@x.io' }).reply(200, { contact: { id: 'c4' } });
		ghl().get('/contacts/c4/appointments').reply(200, { events: [] });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io') } });
		expect(output).toEqual([]);
	});

	it('rejects an unknown GHL Timezone before any request', async () => {
		await expect(runNode({ parameters: { ...base, options: { sourceTimezone: 'Central' } } })).rejects.toMatchObject({
			message: 'Options → GHL Timezone: "Central" is not a timezone (item 0)',
		});
	});

	it('maps an unknown contact', async () => {
		ghl().get('/contacts/zz/appointments').reply(400, { statusCode: 400, message: 'Contact not found' });
		await expect(runNode({ parameters: { ...base, contactId: locator('id', 'zz') } })).rejects.toMatchObject({ httpCode: '400', message: 'Contact not found' });
	});
});
