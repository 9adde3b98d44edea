import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', operation: 'create', location: locator('list', '') };

describe('contact → create', () => {
	it('sends CreateContactDto with every field set and returns the contact, paired to its item', async () => {
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'contact' })
			.reply(200, { customFields: [{ id: 'cf_score', fieldKey: 'contact.lead_score', dataType: 'NUMERICAL', name: 'Lead Score' }, { id: 'cf_tags', fieldKey: 'contact.interests', dataType: 'CHECKBOX', name: 'Interests' }] });
		ghl()
			.post('/contacts/', {
				email: 'jane@example.com',
				phone: '+14155550123',
				firstName: 'Jane',
				lastName: 'Doe',
				name: 'Jane Doe',
				address1: '1 Main St',
				city: 'Austin',
				state: 'TX',
				postalCode: '78701',
				country: 'US',
				website: 'https://jane.example',
				timezone: 'America/Chicago',
				source: 'ScoreApp',
				companyName: 'Acme',
				gender: 'female',
				assignedTo: 'user_1',
				dateOfBirth: '1990-09-25',
				dnd: false,
				dndSettings: { SMS: { status: 'active', message: 'opted out' } },
				tags: ['hot', 'scoreapp'],
				customFields: [
					{ id: 'cf_score', field_value: 87 },
					{ id: 'cf_tags', field_value: ['a', 'b'] },
				],
				locationId: LOCATION_ID,
			})
			.reply(201, { contact: { id: 'c1', email: 'jane@example.com' } });

		const { output } = await runNode({
			parameters: {
				...base,
				email: 'jane@example.com',
				phone: '+14155550123',
				additionalFields: {
					firstName: 'Jane',
					lastName: 'Doe',
					name: 'Jane Doe',
					address1: '1 Main St',
					city: 'Austin',
					state: 'TX',
					postalCode: '78701',
					country: 'US',
					website: 'https://jane.example',
					timezone: 'America/Chicago',
					source: 'ScoreApp',
					companyName: 'Acme',
					gender: 'female',
					assignedTo: 'user_1',
					dateOfBirth: '1990-09-25T00:00:00.000Z',
					dnd: false,
					dndSettings: { channel: [{ channel: 'SMS', status: 'active', message: 'opted out' }] },
					tags: 'hot, scoreapp',
					customFields: { field: [{ field: 'lead_score', value: '87' }, { field: 'contact.interests', value: 'a,b' }] },
				},
				options: {},
			},
		});
		expect(output).toEqual([{ json: { id: 'c1', email: 'jane@example.com' }, pairedItem: { item: 0 } }]);
	});

	it('names the existing contact when GHL reports a duplicate', async () => {
		ghl()
			.post('/contacts/')
			.reply(400, { statusCode: 400, message: 'This location does not allow duplicated contacts.', meta: { contactName: 'Jane', contactId: 'c_existing', matchingField: 'email' } });
		await expect(runNode({ parameters: { ...base, email: 'jane@example.com', phone: '', additionalFields: {}, options: {} } })).rejects.toMatchObject({
			message: 'This location does not allow duplicated contacts.',
			description: expect.stringContaining('c_existing'),
			httpCode: '400',
		});
	});

	it('updates the existing contact when "If Duplicate" is "Update Existing" (without create-only fields)', async () => {
		ghl().post('/contacts/').reply(400, { statusCode: 400, message: 'duplicate', meta: { contactId: 'c_existing', matchingField: 'email' } });
		ghl()
			.put('/contacts/c_existing', { email: 'jane@example.com', firstName: 'Jane' })
			.reply(200, { contact: { id: 'c_existing', firstName: 'Jane' } });
		const { output } = await runNode({
			parameters: { ...base, email: 'jane@example.com', phone: '', additionalFields: { firstName: 'Jane', gender: 'female', companyName: 'Acme' }, options: { onDuplicate: 'update' } },
		});
		expect(output[0].json).toEqual({ id: 'c_existing', firstName: 'Jane', duplicate: true });
	});

	it('returns the existing contact when "If Duplicate" is "Return Existing"', async () => {
		ghl().post('/contacts/').reply(400, { statusCode: 400, message: 'duplicate', meta: { contactId: 'c_existing' } });
		ghl().get('/contacts/c_existing').reply(200, { contact: { id: 'c_existing' } });
		const { output } = await runNode({
			parameters: { ...base, email: 'jane@example.com', phone: '', additionalFields: {}, options: { onDuplicate: 'return' } },
		});
		expect(output[0].json).toEqual({ id: 'c_existing', duplicate: true });
	});

	it('rejects an invalid email before sending anything, naming field and item', async () => {
		// Item 0 is valid, but nothing is sent: every item is checked before the first request.
		await expect(
			runNode({
				items: [{ json: {} }, { json: {} }],
				parameters: (i) => ({ ...base, requestOptions: { concurrency: 1 }, email: i === 1 ? 'not-an-email' : 'ok@example.com', phone: '', additionalFields: {}, options: {} }),
			}),
		).rejects.toMatchObject({ message: expect.stringMatching(/^Email: "not-an-email" is not a valid email address \(item 1\)/) });
	});

	it('rejects an unparseable date of birth before sending anything', async () => {
		await expect(
			runNode({ parameters: { ...base, email: 'a@b.co', phone: '', additionalFields: { dateOfBirth: 'next tuesday-ish' }, options: {} } }),
		).rejects.toMatchObject({ message: expect.stringContaining('Date of Birth: "next tuesday-ish" is not a date (item 0)') });
	});

	it('rejects a contact with no email, phone or name', async () => {
		await expect(runNode({ parameters: { ...base, email: '', phone: '', additionalFields: {}, options: {} } })).rejects.toMatchObject({
			message: expect.stringContaining('Email / Phone / Name: all are empty (item 0)'),
		});
	});

	it('does not repeat a create after a 5xx (it might have landed)', async () => {
		ghl().post('/contacts/').once().reply(502, { message: 'Bad gateway' });
		await expect(runNode({ parameters: { ...base, email: 'a@b.co', phone: '', additionalFields: {}, options: {} } })).rejects.toMatchObject({ httpCode: '502' });
	});

	it('with continueOnFail, a failing item becomes an error item and the others go on', async () => {
		ghl().post('/contacts/', (body) => body.email === 'good@example.com').reply(201, { contact: { id: 'c_good' } });
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
			parameters: (i) => ({ ...base, email: i === 0 ? 'bad' : 'good@example.com', phone: '', additionalFields: {}, options: {} }),
		});
		expect(output).toHaveLength(2);
		expect(output[0]).toMatchObject({ json: { error: expect.stringContaining('Email') }, pairedItem: { item: 0 } });
		expect(output[1]).toEqual({ json: { id: 'c_good' }, pairedItem: { item: 1 } });
	});
});
