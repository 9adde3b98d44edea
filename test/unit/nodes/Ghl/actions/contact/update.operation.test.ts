import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', operation: 'update', location: locator('list', ''), contactId: locator('id', 'c1') };

describe('contact → update', () => {
	it('PUTs UpdateContactDto fields only (no create-only properties) and adds tags without replacing', async () => {
		ghl()
			.put('/contacts/c1', { email: 'new@x.io', firstName: 'New', dnd: true })
			.reply(200, { contact: { id: 'c1', tags: ['old'] } });
		ghl().post('/contacts/c1/tags', { tags: ['vip'] }).reply(201, { tags: ['old', 'vip'] });
		const { output } = await runNode({
			parameters: { ...base, updateFields: { email: 'new@x.io', firstName: 'New', dnd: true, tags: ['vip'] }, options: {} },
		});
		expect(output[0].json).toEqual({ id: 'c1', tags: ['old', 'vip'] });
	});

	it('replaces the tag list when asked', async () => {
		ghl().put('/contacts/c1', { tags: ['only'] }).reply(200, { contact: { id: 'c1', tags: ['only'] } });
		const { output } = await runNode({ parameters: { ...base, updateFields: { tags: 'only' }, options: { tagMode: 'replace' } } });
		expect(output[0].json).toEqual({ id: 'c1', tags: ['only'] });
	});

	it('refuses an update with nothing to change', async () => {
		await expect(runNode({ parameters: { ...base, updateFields: {}, options: {} } })).rejects.toMatchObject({
			message: expect.stringContaining('Update Fields: nothing to update (item 0)'),
		});
	});

	it('shows GHL\'s 422 messages joined, with a fix', async () => {
		ghl().put('/contacts/c1').reply(422, { statusCode: 422, message: ['property foo should not exist', 'email must be an email'], error: 'Unprocessable Entity' });
		await expect(runNode({ parameters: { ...base, updateFields: { firstName: 'X' }, options: {} } })).rejects.toMatchObject({
			message: 'property foo should not exist; email must be an email',
			httpCode: '422',
			description: expect.stringContaining('remove or correct those fields'),
		});
	});

	it('sets custom fields by id with GHL\'s { id, field_value } shape', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).reply(200, { customFields: [{ id: 'cf1', fieldKey: 'contact.band', dataType: 'TEXT' }] });
		ghl().put('/contacts/c1', { customFields: [{ id: 'cf1', field_value: 'hot' }] }).reply(200, { contact: { id: 'c1' } });
		await runNode({ parameters: { ...base, updateFields: { customFields: { field: [{ field: 'cf1', value: 'hot' }] } }, options: {} } });
	});
});
