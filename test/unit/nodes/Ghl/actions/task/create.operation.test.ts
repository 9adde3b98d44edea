import { DateTime } from 'luxon';

import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'task',
	operation: 'create',
	location: locator('list', ''),
	contactId: locator('id', 'c1'),
	title: 'Call back',
	additionalFields: {},
	options: {},
};

describe('task → create', () => {
	it('sends CreateTaskParams with every field and returns the task, paired to its item', async () => {
		ghl()
			.post('/contacts/c1/tasks', {
				title: 'Call back',
				body: 'About the quote',
				dueDate: '2026-05-01T14:30:00.000Z',
				completed: true,
				assignedTo: 'user_1',
			})
			.reply(201, { task: { id: 't1', title: 'Call back', contactId: 'c1' } });
		const { output } = await runNode({
			parameters: {
				...base,
				dueDate: '2026-05-01T14:30:00Z',
				additionalFields: { body: 'About the quote', completed: true, assignedTo: 'user_1' },
			},
		});
		expect(output).toEqual([{ json: { id: 't1', title: 'Call back', contactId: 'c1' }, pairedItem: { item: 0 } }]);
	});

	it('always sends completed (the DTO requires it) and nothing that was not set', async () => {
		ghl()
			.post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-05-01T14:30:00.000Z', completed: false })
			.reply(201, { task: { id: 't1' } });
		await runNode({ parameters: { ...base, dueDate: '2026-05-01T14:30:00.000Z' } });
	});

	it('reads a due date without offset in the Timezone option', async () => {
		// 14:30 in New York in May is 18:30 UTC (EDT, UTC-4).
		ghl().post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-05-01T18:30:00.000Z', completed: false }).reply(201, { task: { id: 't1' } });
		await runNode({ parameters: { ...base, dueDate: '2026-05-01 14:30', options: { timezone: 'America/New_York' } } });
	});

	it('reads a due date without offset in the workflow timezone when no option is set', async () => {
		// n8n's date picker gives "2026-01-15T09:00:00"; Berlin in January is UTC+1.
		ghl().post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-01-15T08:00:00.000Z', completed: false }).reply(201, { task: { id: 't1' } });
		await runNode({ timezone: 'Europe/Berlin', parameters: { ...base, dueDate: '2026-01-15T09:00:00' } });
	});

	it('accepts an n8n DateTime and epoch milliseconds', async () => {
		ghl().post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-05-01T12:00:00.000Z', completed: false }).reply(201, { task: { id: 't1' } });
		ghl().post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-05-02T00:00:00.000Z', completed: false }).reply(201, { task: { id: 't2' } });
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) => ({
				...base,
				requestOptions: { concurrency: 1 },
				dueDate: i === 0 ? DateTime.fromISO('2026-05-01T14:00:00+02:00') : Date.UTC(2026, 4, 2),
			}),
		});
		expect(output.map((entry) => entry.json.id)).toEqual(['t1', 't2']);
	});

	it('resolves the contact by email before creating', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'j@x.io' }).reply(200, { contact: { id: 'c7' } });
		ghl().post('/contacts/c7/tasks').reply(201, { task: { id: 't1', contactId: 'c7' } });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io'), dueDate: '2026-05-01T14:30:00Z' } });
		expect(output[0].json).toEqual({ id: 't1', contactId: 'c7' });
	});

	it('rejects an unparseable due date before any request (not even the contact lookup)', async () => {
		await expect(
			runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io'), dueDate: 'soonish' } }),
		).rejects.toMatchObject({ message: 'Due Date: "soonish" is not a date (item 0)' });
	});

	it('names the item whose date is bad', async () => {
		// Item 0 is valid, but nothing is sent: every item is checked before the first request.
		await expect(
			runNode({
				items: [{ json: {} }, { json: {} }],
				parameters: (i) => ({ ...base, requestOptions: { concurrency: 1 }, dueDate: i === 1 ? '2026-05-01T25:00' : '2026-05-01' }),
			}),
		).rejects.toMatchObject({ message: 'Due Date: "2026-05-01T25:00" is not a date (item 1)' });
	});

	it('rejects an impossible calendar date', async () => {
		await expect(runNode({ parameters: { ...base, dueDate: '2026-02-30' } })).rejects.toMatchObject({
			message: 'Due Date: "2026-02-30" is not a date (item 0)',
		});
	});

	it('rejects an unknown timezone before any request', async () => {
		await expect(runNode({ parameters: { ...base, dueDate: '2026-05-01 10:00', options: { timezone: 'Mars/Olympus' } } })).rejects.toMatchObject({
			message: 'Options → Timezone: "Mars/Olympus" is not a timezone (item 0)',
		});
	});

	it('rejects an empty title', async () => {
		await expect(runNode({ parameters: { ...base, title: '  ', dueDate: '2026-05-01' } })).rejects.toMatchObject({
			message: 'Title: is empty (item 0)',
		});
	});

	it('passes GHL\'s 422 (unknown property) through with each refused property and a fix', async () => {
		ghl()
			.post('/contacts/c1/tasks')
			.reply(422, { statusCode: 422, message: ['property foo should not exist'], error: 'Unprocessable Entity' });
		await expect(runNode({ parameters: { ...base, dueDate: '2026-05-01T10:00:00Z' } })).rejects.toMatchObject({
			httpCode: '422',
			message: 'property foo should not exist',
			description: expect.stringContaining('remove or correct those fields'),
		});
	});

	it('waits out a 429 and sends the create again', async () => {
		ghl().post('/contacts/c1/tasks').reply(429, { message: 'Too many requests' }, { 'Retry-After': '3' });
		ghl().post('/contacts/c1/tasks').reply(201, { task: { id: 't1' } });
		const { output } = await runNode({ parameters: { ...base, dueDate: '2026-05-01T10:00:00Z' } });
		expect(output[0].json).toEqual({ id: 't1' });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		expect(waited).toBeGreaterThanOrEqual(3_000);
		expect(waited).toBeLessThanOrEqual(3_700);
	});

	it('returns the error on the item when "Continue On Fail" is on', async () => {
		const { output } = await runNode({ continueOnFail: true, parameters: { ...base, dueDate: 'never' } });
		expect(output).toEqual([
			{ json: { error: 'Due Date: "never" is not a date (item 0)', description: expect.stringContaining('ISO date') }, pairedItem: { item: 0 } },
		]);
	});
});
