import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', operation: 'get', location: locator('list', ''), options: {} };

describe('contact → get', () => {
	it('gets by ID', async () => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', email: 'j@x.io' } });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('id', 'c1') } });
		expect(output).toEqual([{ json: { id: 'c1', email: 'j@x.io' }, pairedItem: { item: 0 } }]);
	});

	it('looks the contact up by email first', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'j@x.io' }).reply(200, { contact: { id: 'c1' } });
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', email: 'j@x.io' } });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('email', 'j@x.io') } });
		expect(output[0].json).toEqual({ id: 'c1', email: 'j@x.io' });
	});

	it('looks the contact up by phone', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, number: '+14155550123' }).reply(200, { contact: { id: 'c9' } });
		ghl().get('/contacts/c9').reply(200, { contact: { id: 'c9' } });
		const { output } = await runNode({ parameters: { ...base, contactId: locator('phone', '+14155550123') } });
		expect(output[0].json).toEqual({ id: 'c9' });
	});

	it('says so when no contact has that email', async () => {
		ghl().get('/contacts/search/duplicate').query(true).reply(200, { contact: null });
		await expect(runNode({ parameters: { ...base, contactId: locator('email', 'nobody@x.io') } })).rejects.toMatchObject({
			message: expect.stringContaining('Contact: no contact with email "nobody@x.io"'),
		});
	});

	it('rejects an empty ID before any request', async () => {
		await expect(runNode({ parameters: { ...base, contactId: locator('id', '  ') } })).rejects.toMatchObject({
			message: 'Contact: is empty (item 0)',
		});
	});

	it('maps 404 to an error that says to check the ID', async () => {
		ghl().get('/contacts/missing').reply(404, { statusCode: 404, message: 'Contact not found' });
		await expect(runNode({ parameters: { ...base, contactId: locator('id', 'missing') } })).rejects.toMatchObject({
			message: 'Contact not found',
			httpCode: '404',
			description: expect.stringContaining('Check the ID'),
		});
	});
});
