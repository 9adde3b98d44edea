/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { locator, LOCATION_ID } from '../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

// Contact → Update, Create, Create or Update under each On Conflict policy: exact requests.
const location = locator('list', '');
const update = { resource: 'contact', operation: 'update', location, contactId: locator('id', 'c1'), options: {} };
const create = { resource: 'contact', operation: 'create', location, email: 'jane@x.io', phone: '+14155550123', options: {} };
const upsert = { ...create, operation: 'upsert' };
const fill = { onConflict: 'fillEmpty' };
const skipSince = (sourceUpdatedAt: string) => ({ onConflict: 'skipIfChanged', sourceUpdatedAt });
const duplicateSearch = { locationId: LOCATION_ID, email: 'jane@x.io', number: '+14155550123' };
const newer = '2026-03-01T12:00:00.000Z';
const skipped = { skipped: true, reason: 'Changed in GHL after the source', ghlUpdatedAt: newer, sourceUpdatedAt: '2026-03-01T11:00:00.000Z' };

function customFieldDefinitions() {
	ghl()
		.get(`/locations/${LOCATION_ID}/customFields`)
		.query({ model: 'contact' })
		.reply(200, { customFields: [{ id: 'cf1', fieldKey: 'contact.band', dataType: 'TEXT' }, { id: 'cf2', fieldKey: 'contact.score', dataType: 'TEXT' }] });
}

describe('Contact → Update', () => {
	it('Overwrite sends no extra request', async () => {
		ghl().put('/contacts/c1', { firstName: 'A' }).reply(200, { contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...update, onConflict: 'overwrite', updateFields: { firstName: 'A' } } });
		expect(output[0].json).toEqual({ id: 'c1' });
	});

	it('Fill Empty: GET the contact, PUT only what is empty (custom fields per id), add only new tags', async () => {
		customFieldDefinitions();
		ghl().get('/contacts/c1').reply(200, {
			contact: { id: 'c1', firstName: 'Jane', lastName: '', email: null, tags: ['old'], customFields: [{ id: 'cf1', value: 'hot' }, { id: 'cf2', value: '' }] },
		});
		ghl().put('/contacts/c1', { lastName: 'Doe', email: 'j@x.io', customFields: [{ id: 'cf2', field_value: '91' }] }).reply(200, { contact: { id: 'c1', tags: ['old'] } });
		ghl().post('/contacts/c1/tags', { tags: ['old', 'vip'] }).reply(201, { tags: ['old', 'vip'] });
		const updateFields = {
			firstName: 'J',
			lastName: 'Doe',
			email: 'j@x.io',
			tags: ['old', 'vip'],
			customFields: { field: [{ field: 'cf1', value: 'cold' }, { field: 'cf2', value: '91' }] },
		};
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields } });
		expect(output[0].json).toEqual({
			id: 'c1',
			tags: ['old', 'vip'],
			filled: ['lastName', 'email', 'customFields.cf2', 'tags'],
			kept: ['firstName', 'customFields.cf1'],
		});
	});

	it('Fill Empty with Replace All Tags: the PUT carries the union', async () => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', tags: ['old'] } });
		ghl().put('/contacts/c1', { tags: ['old', 'new'] }).reply(200, { contact: { id: 'c1', tags: ['old', 'new'] } });
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields: { tags: 'new' }, options: { tagMode: 'replace' } } });
		expect(output[0].json).toEqual({ id: 'c1', tags: ['old', 'new'], filled: ['tags'], kept: [] });
	});

	it('Fill Empty with nothing left: no write, GHL\'s record with filled: []', async () => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', firstName: 'Jane', tags: ['VIP'] } });
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields: { firstName: 'J', tags: 'vip' } } });
		expect(output[0].json).toEqual({ id: 'c1', firstName: 'Jane', tags: ['VIP'], filled: [], kept: ['firstName', 'tags'] });
	});

	it('Skip: GHL changed after the source → nothing written', async () => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', dateUpdated: newer, dateAdded: '2020-01-01T00:00:00Z' } });
		const { output } = await runNode({ parameters: { ...update, ...skipSince('2026-03-01T11:00:00Z'), updateFields: { firstName: 'A' } } });
		expect(output[0].json).toEqual({ ...skipped, id: 'c1' });
	});

	it.each([
		['equal', newer],
		['older', '2026-03-01T12:00:01Z'],
	])('Skip: GHL %s → written as Overwrite', async (_, source) => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', dateUpdated: newer } });
		ghl().put('/contacts/c1', { firstName: 'A' }).reply(200, { contact: { id: 'c1', firstName: 'A' } });
		const { output } = await runNode({ parameters: { ...update, ...skipSince(source), updateFields: { firstName: 'A' } } });
		expect(output[0].json).toEqual({ id: 'c1', firstName: 'A' });
	});

	it('the read is retried on 5xx and 429 like any GET', async () => {
		ghl().get('/contacts/c1').reply(502, { message: 'bad gateway' });
		ghl().get('/contacts/c1').reply(429, { message: 'slow down' });
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', firstName: '' } });
		ghl().put('/contacts/c1', { firstName: 'A' }).reply(200, { contact: { id: 'c1', firstName: 'A' } });
		const { output } = await runNode({ parameters: { ...update, ...fill, updateFields: { firstName: 'A' } } });
		expect(output[0].json).toMatchObject({ filled: ['firstName'] });
	});
});

describe('Contact → Create', () => {
	it('Overwrite sends no look-up', async () => {
		ghl().post('/contacts/', { email: 'jane@x.io', phone: '+14155550123', locationId: LOCATION_ID }).reply(201, { contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...create, additionalFields: {} } });
		expect(output[0].json).toEqual({ id: 'c1' });
	});

	it('Fill Empty, no match: the look-up, then everything is written', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: null });
		ghl().post('/contacts/', { email: 'jane@x.io', phone: '+14155550123', firstName: 'Jane', locationId: LOCATION_ID }).reply(201, { contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...create, ...fill, additionalFields: { firstName: 'Jane' } } });
		expect(output[0].json).toEqual({ id: 'c1', filled: ['firstName', 'phone', 'email'], kept: [] });
	});

	it('Fill Empty, duplicate updated: the PUT has only what the matched contact lacks', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', email: 'jane@x.io', phone: '', firstName: 'Jane' } });
		ghl().post('/contacts/').reply(400, { statusCode: 400, message: 'duplicate', meta: { contactId: 'c9', matchingField: 'email' } });
		ghl().put('/contacts/c9', { phone: '+14155550123', lastName: 'Doe' }).reply(200, { contact: { id: 'c9', lastName: 'Doe' } });
		const { output } = await runNode({ parameters: { ...create, ...fill, additionalFields: { firstName: 'J', lastName: 'Doe' }, options: { onDuplicate: 'update' } } });
		expect(output[0].json).toEqual({ id: 'c9', lastName: 'Doe', duplicate: true, filled: ['lastName', 'phone'], kept: ['firstName', 'email'] });
	});

	it('Fill Empty, GHL names another duplicate than the look-up: that one is read', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: null });
		ghl().post('/contacts/').reply(400, { statusCode: 400, message: 'duplicate', meta: { contactId: 'c8' } });
		ghl().get('/contacts/c8').reply(200, { contact: { id: 'c8', email: 'jane@x.io', phone: '+14155550123' } });
		const { output } = await runNode({ parameters: { ...create, ...fill, additionalFields: {}, options: { onDuplicate: 'update' } } });
		expect(output[0].json).toEqual({ id: 'c8', email: 'jane@x.io', phone: '+14155550123', duplicate: true, filled: [], kept: ['phone', 'email'] });
	});

	it('Skip: the match changed in GHL after the source → no create', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', dateUpdated: newer } });
		const { output } = await runNode({ parameters: { ...create, ...skipSince('2026-03-01T11:00:00Z'), additionalFields: {} } });
		expect(output[0].json).toEqual({ ...skipped, id: 'c9' });
	});

	it('Skip: the match is older → created as Overwrite', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', dateUpdated: '2026-01-01T00:00:00Z' } });
		ghl().post('/contacts/').reply(201, { contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...create, ...skipSince(newer), additionalFields: {} } });
		expect(output[0].json).toEqual({ id: 'c1' });
	});

	it('the look-up is retried on 5xx', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(500, { message: 'oops' });
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: null });
		ghl().post('/contacts/').reply(201, { contact: { id: 'c1' } });
		await runNode({ parameters: { ...create, ...skipSince(newer), additionalFields: {} } });
	});
});

describe('Contact → Create or Update', () => {
	it('Overwrite sends no look-up', async () => {
		ghl().post('/contacts/upsert').reply(200, { new: false, contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...upsert, additionalFields: {} } });
		expect(output[0].json).toEqual({ id: 'c1', isNew: false });
	});

	it('Fill Empty: only what the match lacks, its email kept so GHL finds it, tags merged', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', email: 'Jane@x.io', firstName: 'Jane', phone: null, tags: ['old'] } });
		ghl()
			.post('/contacts/upsert', { email: 'jane@x.io', phone: '+14155550123', lastName: 'Doe', tags: ['old', 'new'], locationId: LOCATION_ID })
			.reply(200, { new: false, contact: { id: 'c9' } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill, additionalFields: { firstName: 'J', lastName: 'Doe', tags: 'new' } } });
		expect(output[0].json).toEqual({ id: 'c9', isNew: false, filled: ['lastName', 'phone', 'tags'], kept: ['firstName', 'email'] });
	});

	it('Fill Empty matched by phone: the phone is what is sent to match', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', email: 'other@x.io', phone: '+14155550123', firstName: '' } });
		ghl().post('/contacts/upsert', { phone: '+14155550123', firstName: 'Jane', locationId: LOCATION_ID }).reply(200, { new: false, contact: { id: 'c9' } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill, additionalFields: { firstName: 'Jane' } } });
		expect(output[0].json).toEqual({ id: 'c9', isNew: false, filled: ['firstName'], kept: ['phone', 'email'] });
	});

	it('Fill Empty with nothing left: no upsert', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', email: 'jane@x.io', phone: '+14155550123' } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill, additionalFields: {} } });
		expect(output[0].json).toEqual({ id: 'c9', email: 'jane@x.io', phone: '+14155550123', isNew: false, filled: [], kept: ['phone', 'email'] });
	});

	it('Fill Empty, no match: everything, it is new', async () => {
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'jane@x.io' }).reply(200, { contact: null });
		ghl().post('/contacts/upsert', { email: 'jane@x.io', firstName: 'Jane', locationId: LOCATION_ID }).reply(200, { new: true, contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...upsert, ...fill, phone: '', additionalFields: { firstName: 'Jane' } } });
		expect(output[0].json).toEqual({ id: 'c1', isNew: true, filled: ['firstName', 'email'], kept: [] });
	});

	it('Skip: newer in GHL → skipped; older → upserted', async () => {
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', dateUpdated: newer } });
		const first = await runNode({ parameters: { ...upsert, ...skipSince('2026-03-01T11:00:00Z'), additionalFields: {} } });
		expect(first.output[0].json).toEqual({ ...skipped, id: 'c9' });
		ghl().get('/contacts/search/duplicate').query(duplicateSearch).reply(200, { contact: { id: 'c9', dateUpdated: newer } });
		ghl().post('/contacts/upsert').reply(200, { new: false, contact: { id: 'c9' } });
		const second = await runNode({ parameters: { ...upsert, ...skipSince('2026-03-01T13:00:00+01:00'), additionalFields: {} } });
		expect(second.output[0].json).toEqual({ id: 'c9', isNew: false });
	});

	it('Fill Empty with "Create New if Duplicates Allowed" is refused before any request', async () => {
		await expect(runNode({ parameters: { ...upsert, ...fill, additionalFields: {}, options: { createNewIfDuplicateAllowed: true } } })).rejects.toMatchObject({
			message: expect.stringContaining('On Conflict: Fill Empty Fields Only cannot be combined'),
		});
	});

	it('items for one email stay one after another, look-up included', async () => {
		let inFlight = 0;
		let maxInFlight = 0;
		const slow = async (answer: object) => {
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			await new Promise((resolve) => setTimeout(resolve, 10));
			inFlight--;
			return [200, answer];
		};
		ghl().get('/contacts/search/duplicate').query(true).times(3).reply(async () => await slow({ contact: null }));
		ghl().post('/contacts/upsert').times(3).reply(async () => await slow({ new: true, contact: { id: 'c1' } }));
		const { output } = await runNode({ items: [{ json: {} }, { json: {} }, { json: {} }], parameters: { ...upsert, ...fill, additionalFields: {} } });
		expect(output).toHaveLength(3);
		expect(maxInFlight).toBe(1);
	});
});
