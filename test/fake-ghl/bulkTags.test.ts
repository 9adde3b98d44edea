/**
 * POST /contacts/bulk/tags/update/{type} (README.md, "Not in the spec"): one result per contact id
 * sent, tags normalised as the other tag writes store them, errors for unknown and other-location
 * contacts, the same webhooks as the per-contact tag routes.
 */
import { DEFAULT_IDS } from './server.ts';
import { admin, receiver, until, useFake } from './testkit.ts';

const kit = useFake();
const { call, contact } = kit;
const { locationA, locationB } = DEFAULT_IDS;
const bulk = (type: string, body: Record<string, unknown>) => call('POST', `/contacts/bulk/tags/update/${type}`, { locationId: locationA, ...body });
const tagsOf = async (id: string) => (await call('GET', `/contacts/${id}`)).body.contact.tags;

describe('bulk tag update', () => {
	test('add: normalised tags, per-contact oldTags / tagsAdded; the tags join the location', async () => {
		const a = await contact({ tags: ['vip'] });
		const b = await contact();
		const r = await bulk('add', { contacts: [a, b], tags: [' VIP ', 'Quiz-Done'] });
		expect(r).toEqual({
			status: 201,
			body: {
				succeded: true,
				errorCount: 0,
				responses: [
					{ contactId: a, message: 'Tags updated', type: 'success', oldTags: ['vip'], tagsAdded: ['quiz-done'], tagsRemoved: [] },
					{ contactId: b, message: 'Tags updated', type: 'success', oldTags: [], tagsAdded: ['vip', 'quiz-done'], tagsRemoved: [] },
				],
			},
		});
		expect(await tagsOf(a)).toEqual(['vip', 'quiz-done']);
		expect(await tagsOf(b)).toEqual(['vip', 'quiz-done']);
		const locationTags = (await call('GET', `/locations/${locationA}/tags`)).body.tags.map((t: { name: string }) => t.name);
		expect(locationTags).toEqual(expect.arrayContaining(['vip', 'quiz-done']));
	});

	test('remove: only tags the contact has are reported; removeAllTags empties the list', async () => {
		const a = await contact({ tags: ['a', 'b', 'c'] });
		const r = await bulk('remove', { contacts: [a], tags: ['A', 'x'] });
		expect(r.body.responses).toEqual([{ contactId: a, message: 'Tags updated', type: 'success', oldTags: ['a', 'b', 'c'], tagsAdded: [], tagsRemoved: ['a'] }]);
		expect(await tagsOf(a)).toEqual(['b', 'c']);
		const all = await bulk('remove', { contacts: [a], tags: [], removeAllTags: true });
		expect(all.body.responses[0]).toMatchObject({ type: 'success', tagsRemoved: ['b', 'c'] });
		expect(await tagsOf(a)).toEqual([]);
	});

	test('unknown and other-location contacts fail on their own; the rest are written', async () => {
		const a = await contact();
		const tokenB = kit.fake.mintToken({ locationId: locationB }).access_token;
		const created = await call('POST', '/contacts/', { locationId: locationB, email: 'b@example.test' }, { token: tokenB });
		const other = created.body.contact.id as string;
		const r = await bulk('add', { contacts: ['nope0000000000000000', a, other], tags: ['t'] });
		expect(r.status).toBe(201);
		expect(r.body).toEqual({
			succeded: false,
			errorCount: 2,
			responses: [
				{ contactId: 'nope0000000000000000', message: 'contact not found', type: 'error' },
				{ contactId: a, message: 'Tags updated', type: 'success', oldTags: [], tagsAdded: ['t'], tagsRemoved: [] },
				{ contactId: other, message: 'contact does not belong to location', type: 'error' },
			],
		});
		expect((await call('GET', `/contacts/${other}`, undefined, { token: tokenB })).body.contact.tags).toEqual([]);
	});

	test('a contact sent twice gets two results; the second sees the first', async () => {
		const a = await contact();
		const r = await bulk('add', { contacts: [a, a], tags: ['t'] });
		expect(r.body.responses.map((x: { tagsAdded: string[] }) => x.tagsAdded)).toEqual([['t'], []]);
	});

	test('the request is checked: type, removeAllTags only with remove, UpdateTagsDTO, location access, scope', async () => {
		expect((await bulk('replace', { contacts: [], tags: [] })).status).toBe(422);
		expect((await bulk('add', { contacts: [], tags: [], removeAllTags: true })).body.message).toEqual(['removeAllTags can only be used with remove type']);
		expect((await bulk('add', { contacts: ['x'] })).body).toMatchObject({ statusCode: 422, message: expect.arrayContaining(['tags must be an array']) });
		expect((await bulk('add', { contacts: ['x'], tags: ['t'], locationId: locationB })).status).toBe(403);
		const readOnly = kit.fake.mintToken({ locationId: locationA, scopes: ['contacts.readonly'] }).access_token;
		const r = await call('POST', '/contacts/bulk/tags/update/add', { locationId: locationA, contacts: [], tags: [] }, { token: readOnly });
		expect(r.status).toBe(401);
	});
});

describe('bulk tag update webhooks', () => {
	let hook: Awaited<ReturnType<typeof receiver>>;
	beforeAll(async () => {
		hook = await receiver();
	});
	afterAll(async () => {
		await hook.close();
	});

	test('each changed contact sends ContactUpdate + ContactTagUpdate, an unchanged one nothing', async () => {
		const a = await contact();
		const b = await contact({ tags: ['t'] });
		expect((await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], delayMs: 0, concurrency: 1 })).status).toBe(200);
		await bulk('add', { contacts: [a, b], tags: ['t'] });
		await until(async () => (await admin(kit.fake, 'GET', '/webhooks')).body.pending === 0 && hook.got.length >= 2);
		expect(hook.got.map((g) => [g.body.type, g.body.id, g.body.tags])).toEqual([
			['ContactUpdate', a, ['t']],
			['ContactTagUpdate', a, ['t']],
		]);
	});
});
