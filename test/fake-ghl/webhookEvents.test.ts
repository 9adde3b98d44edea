/**
 * Which webhooks the fake sends for which change (README.md, "Webhooks"): contacts and
 * opportunities, through the API and through the admin UI edits, in the order they are queued
 * (one delivery at a time here, so they arrive in that order).
 */
import { DEFAULT_IDS } from './server.ts';
import { admin, receiver, until, useFake } from './testkit.ts';

const kit = useFake();
const { call, contact } = kit;
const { locationA, pipelineSales, stageNewLead, stageQualified, userA, customFieldA, lostReasonPrice } = DEFAULT_IDS;
let hook: Awaited<ReturnType<typeof receiver>>;

beforeAll(async () => {
	hook = await receiver();
});
afterAll(async () => {
	await hook.close();
});
beforeEach(async () => {
	expect((await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], delayMs: 0, concurrency: 1 })).status).toBe(200);
});

/** The event types `act` fires (waits for every delivery of them). */
async function typesOf(act: () => Promise<unknown>): Promise<string[]> {
	await until(async () => (await admin(kit.fake, 'GET', '/webhooks')).body.pending === 0);
	hook.got.length = 0;
	await act();
	await until(async () => (await admin(kit.fake, 'GET', '/webhooks')).body.pending === 0);
	return hook.got.map((g) => g.body.type);
}
const deal = async (extra: Record<string, unknown> = {}) => {
	const c = await contact();
	const r = await call('POST', '/opportunities/', { locationId: locationA, pipelineId: pipelineSales, contactId: c, name: 'Deal', status: 'open', monetaryValue: 100, ...extra });
	expect(r.status).toBe(201);
	return r.body.opportunity.id as string;
};

describe('contacts', () => {
	test('create → ContactCreate (even with tags); delete → ContactDelete', async () => {
		let id = '';
		expect(await typesOf(async () => (id = await contact({ tags: ['vip'] })))).toEqual(['ContactCreate']);
		expect(await typesOf(() => call('DELETE', `/contacts/${id}`))).toEqual(['ContactDelete']);
	});
	test('a field, a custom field → ContactUpdate; tags → also ContactTagUpdate; DND → also ContactDndUpdate', async () => {
		const id = await contact();
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { firstName: 'Other' }))).toEqual(['ContactUpdate']);
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { customFields: [{ id: customFieldA, field_value: '7' }] }))).toEqual(['ContactUpdate']);
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { tags: ['a', 'b'] }))).toEqual(['ContactUpdate', 'ContactTagUpdate']);
		expect(await typesOf(() => call('POST', `/contacts/${id}/tags`, { tags: ['c'] }))).toEqual(['ContactUpdate', 'ContactTagUpdate']);
		expect(await typesOf(() => call('DELETE', `/contacts/${id}/tags`, { tags: ['a'] }))).toEqual(['ContactUpdate', 'ContactTagUpdate']);
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { dnd: true }))).toEqual(['ContactUpdate', 'ContactDndUpdate']);
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { dndSettings: { SMS: { status: 'active' } } }))).toEqual(['ContactUpdate', 'ContactDndUpdate']);
		const dndEvent = hook.got[1].body;
		expect(dndEvent).toMatchObject({ type: 'ContactDndUpdate', dnd: true, dndSettings: { SMS: { status: 'active' } } });
	});
	test('a write that changes nothing sends nothing (tags in another order or case, same values) unless emitUnchanged', async () => {
		const id = await contact({ tags: ['a', 'b'] });
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { firstName: 'Lea', tags: ['B', ' a '] }))).toEqual([]);
		expect(await typesOf(() => call('POST', `/contacts/${id}/tags`, { tags: ['a'] }))).toEqual([]);
		await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], delayMs: 0, concurrency: 1, emitUnchanged: true });
		expect(await typesOf(() => call('PUT', `/contacts/${id}`, { firstName: 'Lea' }))).toEqual(['ContactUpdate']);
	});
	test('upsert: a new contact → ContactCreate, a match → ContactUpdate', async () => {
		const body = { locationId: locationA, email: 'ups@example.test', firstName: 'One' };
		expect(await typesOf(() => call('POST', '/contacts/upsert', body))).toEqual(['ContactCreate']);
		expect(await typesOf(() => call('POST', '/contacts/upsert', { ...body, firstName: 'Two' }))).toEqual(['ContactUpdate']);
	});
	test('a failed request sends nothing', async () => {
		expect(await typesOf(() => call('PUT', '/contacts/nope', { firstName: 'X' }))).toEqual([]);
	});
});

describe('opportunities', () => {
	test('create → OpportunityCreate; delete → OpportunityDelete', async () => {
		const c = await contact();
		let id = '';
		expect(await typesOf(async () => (id = (await call('POST', '/opportunities/', { locationId: locationA, pipelineId: pipelineSales, contactId: c, name: 'D', status: 'open' })).body.opportunity.id))).toEqual(['OpportunityCreate']);
		expect(await typesOf(() => call('DELETE', `/opportunities/${id}`))).toEqual(['OpportunityDelete']);
	});
	test('stage, status, assigned user, monetary value → OpportunityUpdate plus the specific event', async () => {
		const id = await deal();
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { pipelineStageId: stageQualified }))).toEqual(['OpportunityUpdate', 'OpportunityStageUpdate']);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}/status`, { status: 'lost', lostReasonId: lostReasonPrice }))).toEqual(['OpportunityUpdate', 'OpportunityStatusUpdate']);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { assignedTo: userA }))).toEqual(['OpportunityUpdate', 'OpportunityAssignedToUpdate']);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { monetaryValue: 250 }))).toEqual(['OpportunityUpdate', 'OpportunityMonetaryValueUpdate']);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { name: 'Renamed' }))).toEqual(['OpportunityUpdate']);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { name: 'Renamed', monetaryValue: 250 }))).toEqual([]);
		expect(await typesOf(() => call('PUT', `/opportunities/${id}`, { pipelineStageId: stageNewLead, status: 'open', monetaryValue: 5 }))).toEqual([
			'OpportunityUpdate',
			'OpportunityStageUpdate',
			'OpportunityStatusUpdate',
			'OpportunityMonetaryValueUpdate',
		]);
	});
	test('followers → OpportunityUpdate; upsert creates or updates', async () => {
		const id = await deal();
		expect(await typesOf(() => call('POST', `/opportunities/${id}/followers`, { followers: [userA] }))).toEqual(['OpportunityUpdate']);
		const up = { locationId: locationA, pipelineId: pipelineSales, name: 'Up', status: 'open', followers: [], isRemoveAllFollowers: false, followersActionType: 'add' };
		let upId = '';
		expect(await typesOf(async () => (upId = (await call('POST', '/opportunities/upsert', up)).body.opportunity.id))).toEqual(['OpportunityCreate']);
		expect(await typesOf(() => call('POST', '/opportunities/upsert', { ...up, id: upId, pipelineStageId: stageQualified }))).toEqual(['OpportunityUpdate', 'OpportunityStageUpdate']);
	});
});

describe('a person in the GHL UI (/__admin/ui/…)', () => {
	test('editing a contact updates dateUpdated, normalises and fires the same webhooks', async () => {
		const id = await contact({ tags: ['a'] });
		const stored = kit.fake.state.contacts.get(id)!;
		kit.fake.advanceClock(60_000);
		let edit: any; // eslint-disable-line @typescript-eslint/no-explicit-any
		expect(await typesOf(async () => (edit = await admin(kit.fake, 'POST', `/ui/contacts/${id}`, { lastName: ' Lovelace ', tags: ['a', ' New '] })))).toEqual(['ContactUpdate', 'ContactTagUpdate']);
		expect(edit.status).toBe(200);
		expect(edit.body.contact).toMatchObject({ id, lastName: 'Lovelace', tags: ['a', 'new'] });
		expect(Date.parse(edit.body.contact.dateUpdated)).toBeGreaterThanOrEqual(Date.parse(stored.dateUpdated) + 60_000);
		expect(hook.got[0].body).toMatchObject({ type: 'ContactUpdate', id, lastName: 'Lovelace', locationId: locationA });
		expect(await typesOf(() => admin(kit.fake, 'DELETE', `/ui/contacts/${id}`))).toEqual(['ContactDelete']);
		expect((await admin(kit.fake, 'POST', `/ui/contacts/${id}`, { firstName: 'X' })).status).toBe(404);
	});
	test('editing an opportunity checks its references and fires the same webhooks', async () => {
		const id = await deal();
		expect(await typesOf(() => admin(kit.fake, 'POST', `/ui/opportunities/${id}`, { pipelineStageId: stageQualified }))).toEqual(['OpportunityUpdate', 'OpportunityStageUpdate']);
		expect(hook.got[1].body).toMatchObject({ type: 'OpportunityStageUpdate', id, pipelineStageId: stageQualified, pipelineId: pipelineSales, status: 'open', monetaryValue: 100 });
		expect((await admin(kit.fake, 'POST', `/ui/opportunities/${id}`, { pipelineStageId: 'nope' })).status).toBe(400);
		expect(await typesOf(() => admin(kit.fake, 'DELETE', `/ui/opportunities/${id}`))).toEqual(['OpportunityDelete']);
		expect((await admin(kit.fake, 'POST', '/ui/opportunities/nope', {})).status).toBe(404);
	});
});
