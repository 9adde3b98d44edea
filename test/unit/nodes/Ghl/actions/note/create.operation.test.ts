import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = {
	resource: 'note',
	operation: 'create',
	location: locator('list', ''),
	contactId: locator('id', 'c1'),
	body: 'Called, left a voicemail',
	additionalFields: {},
};

describe('note → create', () => {
	it('sends NotesDTO with every field and returns the note, paired to its item', async () => {
		ghl()
			.post('/contacts/c1/notes', { body: 'Called, left a voicemail', title: 'Follow-up', color: '#FFAA00', pinned: true, userId: 'user_1' })
			.reply(201, { note: { id: 'n1', body: 'Called, left a voicemail', contactId: 'c1' } });
		const { output } = await runNode({
			parameters: { ...base, additionalFields: { title: 'Follow-up', color: '#FFAA00', pinned: true, userId: 'user_1' } },
		});
		expect(output).toEqual([{ json: { id: 'n1', body: 'Called, left a voicemail', contactId: 'c1' }, pairedItem: { item: 0 } }]);
	});

	it('sends only the body when nothing else is set: no userId, least of all the location ID', async () => {
		ghl().post('/contacts/c1/notes', { body: 'Called, left a voicemail' }).reply(201, { note: { id: 'n1' } });
		await runNode({ parameters: base });
	});

	it('refuses the location ID as user (what n8n\'s built-in node sends)', async () => {
		await expect(runNode({ parameters: { ...base, additionalFields: { userId: LOCATION_ID } } })).rejects.toMatchObject({
			message: `User: "${LOCATION_ID}" is this location's ID, not a user's (item 0)`,
		});
	});

	it('requires a body', async () => {
		await expect(runNode({ parameters: { ...base, body: '   ' } })).rejects.toMatchObject({ message: 'Body: is empty (item 0)' });
	});

	it('resolves the contact by phone first', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, number: '+14155550123' }).reply(200, { contact: { id: 'c5' } });
		ghl().post('/contacts/c5/notes', { body: 'hi' }).reply(201, { note: { id: 'n1', contactId: 'c5' } });
		const { output } = await runNode({ parameters: { ...base, body: 'hi', contactId: locator('phone', '+14155550123') } });
		expect(output[0].json).toEqual({ id: 'n1', contactId: 'c5' });
	});

	it('passes a 422 for an unknown property through with GHL\'s words', async () => {
		ghl().post('/contacts/c1/notes').reply(422, { statusCode: 422, message: ['property color should not exist', 'property pinned should not exist'], error: 'Unprocessable Entity' });
		await expect(runNode({ parameters: { ...base, additionalFields: { color: '#000000', pinned: false } } })).rejects.toMatchObject({
			httpCode: '422',
			message: 'property color should not exist; property pinned should not exist',
			description: expect.stringContaining('GHL rejected the request body'),
		});
	});

	it('waits out a 429, then creates', async () => {
		ghl().post('/contacts/c1/notes').reply(429, {}, { 'Retry-After': '1' });
		ghl().post('/contacts/c1/notes', { body: base.body }).reply(201, { note: { id: 'n1' } });
		const { output } = await runNode({ parameters: base });
		expect(output[0].json).toEqual({ id: 'n1' });
		expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
	});

	it('items naming one contact by the same email share one look-up per execution (case aside)', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'jane@example.com' }).once().reply(200, { contact: { id: 'c7' } });
		ghl().post('/contacts/c7/notes').times(3).reply(201, { note: { id: 'n1' } });
		const emails = ['jane@example.com', 'Jane@Example.com', 'jane@example.com'];
		const { output } = await runNode({
			items: emails.map(() => ({ json: {} })),
			parameters: (itemIndex) => ({ ...base, contactId: locator('email', emails[itemIndex]) }),
		});
		expect(output).toHaveLength(3);
	});
});

describe('contact look-ups when the run changes contacts', () => {
	it('Contact → Update by email looks each item up again (an earlier item may have changed it)', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'jane@example.com' }).twice().reply(200, { contact: { id: 'c7' } });
		ghl().put('/contacts/c7').twice().reply(200, { contact: { id: 'c7' } });
		await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: { resource: 'contact', operation: 'update', location: locator('list', ''), contactId: locator('email', 'jane@example.com'), updateFields: { firstName: 'Jane' }, options: {} },
		});
	});
});
