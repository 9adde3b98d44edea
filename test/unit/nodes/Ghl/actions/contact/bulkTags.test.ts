import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { locator, LOCATION_ID, oauthCompanyCredentials } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
const MARKER_FIELD = { id: 'cfMarker', fieldKey: 'contact.n8n_sync_marker', dataType: 'TEXT' };
type SentBody = { contacts: string[]; tags: string[]; locationId: string };
const items = (count: number) => Array.from({ length: count }, () => ({ json: {} }));
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, n) => `c${from + n}`);
const parameters = (operation: string, tagsOf: (i: number) => unknown = () => ['vip', 'hot'], contactOf = (i: number) => locator('id', `c${i}`)) => (i: number) => ({
	resource: 'contact',
	operation,
	location: locator('list', ''),
	contactId: contactOf(i),
	tags: tagsOf(i),
});

/** GHL's answer to a bulk request: success for every contact sent, except `errors` (id → message) and `omit`. */
function answer(type: 'add' | 'remove', errors: Record<string, string> = {}, omit: string[] = []) {
	return (_uri: string, requestBody: nock.Body): [number, IDataObject] => {
		const body = requestBody as unknown as SentBody;
		const responses = body.contacts
			.filter((contactId) => !omit.includes(contactId))
			.map((contactId) =>
				errors[contactId]
					? { contactId, message: errors[contactId], type: 'error' }
					: { contactId, message: 'Tags updated', type: 'success', oldTags: ['old'], tagsAdded: type === 'add' ? body.tags : [], tagsRemoved: type === 'remove' ? ['old'] : [] },
			);
		return [201, { succeded: !Object.keys(errors).length, errorCount: Object.keys(errors).length, responses }];
	};
}
const bulk = (type: 'add' | 'remove', contacts: string[], tags: string[]) => ghl().post(`/contacts/bulk/tags/update/${type}`, { contacts, tags, locationId: LOCATION_ID });
const sent = (context: { requests: Array<{ method?: string; url: string }> }) => context.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);

describe('Add / Remove Tags over many items: POST /contacts/bulk/tags/update/{type}', () => {
	it('250 items with the same tags: 3 requests of 100, 100, 50 contacts; every item gets its own result, in order', async () => {
		bulk('add', ids(0, 100), ['vip', 'hot']).reply(answer('add'));
		bulk('add', ids(100, 200), ['vip', 'hot']).reply(answer('add'));
		bulk('add', ids(200, 250), ['vip', 'hot']).reply(answer('add'));
		const { output, context } = await runNode({ items: items(250), parameters: parameters('addTags') });
		expect(context.requests).toHaveLength(3);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
		expect(context.requests.every((request) => request.method === 'POST')).toBe(true);
		expect(output).toHaveLength(250);
		expect(output[0]).toEqual({ json: { id: 'c0', tags: ['old', 'vip', 'hot'], oldTags: ['old'], tagsAdded: ['vip', 'hot'], tagsRemoved: [] }, pairedItem: { item: 0 } });
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual(ids(0, 250).map((id, item) => [id, { item }]));
	});

	it('1,000 contacts with the same tags take 10 requests (1 % of one per contact)', async () => {
		for (let from = 0; from < 1000; from += 100) bulk('add', ids(from, from + 100), ['vip', 'hot']).reply(answer('add'));
		const { output, context } = await runNode({ items: items(1000), parameters: parameters('addTags') });
		expect(context.requests).toHaveLength(10);
		expect(output.filter((item) => item.json.error)).toEqual([]);
	});

	it('mixed tags: one request per tag list (exactly as given); a contact twice in one list goes into a later request', async () => {
		const tags = [['a'], ['b'], ['a'], ['a', 'b'], ['b'], ['a']];
		const contacts = ['c0', 'c1', 'c2', 'c3', 'c4', 'c0'];
		bulk('add', ['c0', 'c2'], ['a']).reply(answer('add'));
		bulk('add', ['c1', 'c4'], ['b']).reply(answer('add'));
		bulk('add', ['c3'], ['a', 'b']).reply(answer('add'));
		bulk('add', ['c0'], ['a']).reply(answer('add'));
		const { output, context } = await runNode({ items: items(6), parameters: parameters('addTags', (i) => tags[i], (i) => locator('id', contacts[i])) });
		expect(context.requests.map((request) => request.body)).toEqual([
			{ contacts: ['c0', 'c2'], tags: ['a'], locationId: LOCATION_ID },
			{ contacts: ['c1', 'c4'], tags: ['b'], locationId: LOCATION_ID },
			{ contacts: ['c3'], tags: ['a', 'b'], locationId: LOCATION_ID },
			{ contacts: ['c0'], tags: ['a'], locationId: LOCATION_ID },
		]);
		expect(output.map((item) => [item.json.id, item.json.tagsAdded])).toEqual(contacts.map((id, i) => [id, tags[i]]));
	});

	it('Remove Tags: POST …/update/remove; tags is the list after GHL removed them', async () => {
		bulk('remove', ['c0', 'c1'], ['old']).reply(answer('remove'));
		const { output, context } = await runNode({ items: items(2), parameters: parameters('removeTags', () => 'old') });
		expect(output.map((item) => item.json)).toEqual(['c0', 'c1'].map((id) => ({ id, tags: [], oldTags: ['old'], tagsAdded: [], tagsRemoved: ['old'] })));
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	describe('a contact GHL reports as failed fails only its own item', () => {
		beforeEach(() => bulk('add', ['c0', 'c1', 'c2'], ['vip', 'hot']).reply(answer('add', { c1: 'contact does not belong to location' })));

		it('with Continue On Fail: item 1 outputs the error, items 0 and 2 their results', async () => {
			const { output } = await runNode({ continueOnFail: true, items: items(3), parameters: parameters('addTags') });
			expect(output).toEqual([
				{ json: expect.objectContaining({ id: 'c0', tagsAdded: ['vip', 'hot'] }), pairedItem: { item: 0 } },
				{ json: { error: 'Contact c1: contact does not belong to location (item 1)', description: expect.stringContaining('this contact only') }, pairedItem: { item: 1 } },
				{ json: expect.objectContaining({ id: 'c2' }), pairedItem: { item: 2 } },
			]);
		});

		it('without: the node fails with an error naming item 1', async () => {
			await expect(runNode({ items: items(3), parameters: parameters('addTags') })).rejects.toMatchObject({
				name: 'NodeOperationError',
				message: 'Contact c1: contact does not belong to location (item 1)',
				context: { itemIndex: 1 },
			});
		});
	});

	it('a contact missing from the answer fails its item with a clear message', async () => {
		bulk('add', ['c0', 'c1'], ['vip', 'hot']).reply(answer('add', {}, ['c0']));
		const { output } = await runNode({ continueOnFail: true, items: items(2), parameters: parameters('addTags') });
		expect(output[0].json).toEqual({ error: "Contact c0: GHL's bulk tag answer has no result for it (item 0)", description: expect.stringContaining('Running the item again is safe') });
		expect(output[1].json.id).toBe('c1');
	});

	it('a failed request fails every item in it; other requests are unaffected', async () => {
		bulk('add', ['c0', 'c2'], ['a']).reply(422, { statusCode: 422, message: ['tags must be an array'] });
		bulk('add', ['c1'], ['b']).reply(answer('add'));
		const { output } = await runNode({ continueOnFail: true, items: items(3), parameters: parameters('addTags', (i) => (i === 1 ? ['b'] : ['a'])) });
		expect(output.map((item) => [Boolean(item.json.error), item.pairedItem])).toEqual([
			[true, { item: 0 }],
			[false, { item: 1 }],
			[true, { item: 2 }],
		]);
	});

	it('is marked safe to repeat: a 502 is retried', async () => {
		bulk('add', ['c0', 'c1'], ['vip', 'hot']).reply(502, 'Bad Gateway');
		bulk('add', ['c0', 'c1'], ['vip', 'hot']).reply(answer('add'));
		const { output, context } = await runNode({ items: items(2), parameters: parameters('addTags') });
		expect(context.requests).toHaveLength(2);
		expect(output.map((item) => item.json.id)).toEqual(['c0', 'c1']);
	});

	it('email locators are looked up one by one, then batched with the IDs', async () => {
		const contactOf = (i: number) => (i < 2 ? locator('email', `a${i}@example.com`) : locator('id', `c${i}`));
		for (const i of [0, 1]) ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: `a${i}@example.com` }).reply(200, { contact: { id: `found${i}` } });
		bulk('add', ['found0', 'found1', 'c2'], ['vip', 'hot']).reply(answer('add'));
		const { output, context } = await runNode({ items: items(3), parameters: parameters('addTags', undefined, contactOf) });
		expect(sent(context)).toEqual(['GET /contacts/search/duplicate', 'GET /contacts/search/duplicate', 'POST /contacts/bulk/tags/update/add']);
		expect(output.map((item) => item.json.id)).toEqual(['found0', 'found1', 'c2']);
	});

	it('an email with no contact: without Continue On Fail the node fails before any bulk request', async () => {
		const contactOf = (i: number) => (i === 1 ? locator('email', 'nobody@example.com') : locator('id', `c${i}`));
		ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: 'nobody@example.com' }).reply(200, { contact: null });
		const run = runNode({ items: items(3), parameters: parameters('addTags', undefined, contactOf) });
		await expect(run).rejects.toMatchObject({ message: expect.stringContaining('no contact with email "nobody@example.com"'), context: { itemIndex: 1 } });
		expect(nock.pendingMocks()).toEqual([]);
	});

	it('bad input in any item stops the node before anything is sent (the pre-check)', async () => {
		await expect(runNode({ items: items(3), parameters: parameters('addTags', (i) => (i === 2 ? [] : ['a'])) })).rejects.toMatchObject({
			message: 'Tags: no tag given (item 2)',
		});
	});

	it('agency installs: one bulk request per location, each with its own token and locationId', async () => {
		for (const location of ['loc_B2', 'loc_C3']) {
			ghl('2021-07-28', 'company-access').post('/oauth/locationToken', (body: IDataObject) => body.locationId === location).reply(201, { access_token: `token-${location}`, expires_in: 86_399 });
		}
		ghl('2021-07-28', 'token-loc_B2').post('/contacts/bulk/tags/update/add', { contacts: ['c0', 'c2'], tags: ['vip'], locationId: 'loc_B2' }).reply(answer('add'));
		ghl('2021-07-28', 'token-loc_C3').post('/contacts/bulk/tags/update/add', { contacts: ['c1'], tags: ['vip'], locationId: 'loc_C3' }).reply(answer('add'));
		const inLocation = (i: number) => ({ ...parameters('addTags', () => ['vip'])(i), location: locator('id', i === 1 ? 'loc_C3' : 'loc_B2') });
		const { output } = await runNode({ items: items(3), parameters: inLocation, credentials: oauthCompanyCredentials });
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([['c0', { item: 0 }], ['c1', { item: 1 }], ['c2', { item: 2 }]]);
	});

	it('a single item uses the per-contact endpoint (one request either way, same output shape)', async () => {
		ghl().post('/contacts/c0/tags', { tags: ['vip', 'hot'] }).reply(201, { tags: ['vip', 'hot'] });
		const { output, context } = await runNode({ items: items(1), parameters: parameters('addTags') });
		expect(sent(context)).toEqual(['POST /contacts/c0/tags']);
		expect(output[0].json).toEqual({ id: 'c0', tags: ['vip', 'hot'] });
	});

	it('with the echo guard on, items keep the per-item path: a GET and a marked PUT per contact, no bulk request', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).reply(200, { customFields: [MARKER_FIELD] });
		for (const id of ['c0', 'c1']) {
			ghl().get(`/contacts/${id}`).reply(200, { contact: { id, tags: ['old'] } });
			ghl().put(`/contacts/${id}`).reply(200, { contact: { id, tags: ['old', 'vip'] } });
		}
		const guarded = (i: number) => ({ ...parameters('addTags', () => ['vip'])(i), options: { markEcho: true } });
		const { output, context } = await runNode({ items: items(2), parameters: guarded });
		expect(sent(context).filter((request) => !request.includes('customFields')).sort()).toEqual(['GET /contacts/c0', 'GET /contacts/c1', 'PUT /contacts/c0', 'PUT /contacts/c1']);
		expect(output.map((item) => item.json)).toEqual([{ id: 'c0', tags: ['old', 'vip'] }, { id: 'c1', tags: ['old', 'vip'] }]);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});
});
