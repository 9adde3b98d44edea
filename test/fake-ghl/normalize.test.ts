/**
 * What the fake stores for contact fields, the way GHL stores them (README.md, "Normalisation"):
 * phone in E.164, email trimmed with its case kept (matched case-insensitively), names trimmed,
 * tags trimmed, lower-cased and de-duplicated; through create, update, upsert, tags, seed and
 * the admin UI edit alike.
 */
import { e164, normalizeContactInput } from './core/normalize.ts';
import { DEFAULT_IDS, MESSAGES } from './server.ts';
import { admin, useFake } from './testkit.ts';

const kit = useFake();
const { call } = kit;
const { locationA, locationB } = DEFAULT_IDS;

test.each([
	['(415) 555-0101', '+14155550101'],
	['415.555.0101', '+14155550101'],
	['1 415 555 0101', '+14155550101'],
	['+1 (415) 555-0101', '+14155550101'],
	['+44 20 7946 0958', '+442079460958'],
	['0044 20 7946 0958', '+442079460958'],
	['  +919509597501 ', '+919509597501'],
	['', ''],
])('phone %j → %j', (input, stored) => {
	expect(e164(input)).toBe(stored);
});

test('normalizeContactInput touches only the fields it is given', () => {
	expect(normalizeContactInput({ firstName: ' Ann ', city: ' Paris ' })).toEqual({ firstName: 'Ann', city: ' Paris ' });
	expect(normalizeContactInput({ tags: [' VIP', 'vip ', 'Lead', ''] })).toEqual({ tags: ['vip', 'lead'] });
	expect(normalizeContactInput({})).toEqual({});
});

test('create stores the normalised fields (email keeps its case, emailLowerCase beside it)', async () => {
	const r = await call('POST', '/contacts/', { locationId: locationA, firstName: '  Grace ', lastName: ' Hopper  ', email: '  Grace.Hopper@Example.test ', phone: '(415) 555-0199', tags: [' Hot ', 'hot', 'COLD'] });
	expect(r.status).toBe(201);
	expect(r.body.contact).toMatchObject({ firstName: 'Grace', lastName: 'Hopper', name: 'Grace Hopper', email: 'Grace.Hopper@Example.test', emailLowerCase: 'grace.hopper@example.test', phone: '+14155550199', tags: ['hot', 'cold'] });
	expect(kit.fake.state.contacts.get(r.body.contact.id)).toMatchObject({ phone: '+14155550199', email: 'Grace.Hopper@Example.test' });
});

test('update, upsert, tags and the admin UI edit normalise the same way; matching ignores case, spaces and formatting', async () => {
	const id = await kit.contact({ email: 'Mixed@Example.test', phone: '+14155550111' });
	const put = await call('PUT', `/contacts/${id}`, { phone: '415-555-0112', firstName: ' Lin ' });
	expect(put.body.contact).toMatchObject({ phone: '+14155550112', firstName: 'Lin', email: 'Mixed@Example.test' });
	const up = await call('POST', '/contacts/upsert', { locationId: locationA, email: ' mixed@example.TEST ', lastName: ' Wu ' });
	expect(up.body).toMatchObject({ new: false, contact: { id, lastName: 'Wu', email: 'mixed@example.TEST' } });
	const dup = await call('POST', '/contacts/', { locationId: locationA, phone: '(415) 555 0112' });
	expect(dup.status).toBe(400);
	expect(dup.body.message).toBe(MESSAGES.duplicate);
	expect((await call('GET', `/contacts/search/duplicate?locationId=${locationA}&email=${encodeURIComponent(' MIXED@example.test')}`)).body.contact.id).toBe(id);
	expect((await call('POST', `/contacts/${id}/tags`, { tags: [' New ', 'NEW'] })).body.tags).toEqual(['new']);
	const ui = await admin(kit.fake, 'POST', `/ui/contacts/${id}`, { phone: '0044 20 7946 0958', email: ' UI@Example.test ' });
	expect(ui.body.contact).toMatchObject({ phone: '+442079460958', email: 'UI@Example.test', emailLowerCase: 'ui@example.test' });
});

test('seeded contacts are normalised too', () => {
	const [c] = kit.fake.seed({ contacts: [{ locationId: locationB, firstName: ' Sid ', phone: '415 555 0177', email: ' Sid@Example.test', tags: ['A', 'a'] }] }).contacts;
	expect(c).toMatchObject({ firstName: 'Sid', phone: '+14155550177', email: 'Sid@Example.test', tags: ['a'] });
});
