/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- runs in Node, not shipped */
/**
 * Proves each rule the fake GHL API enforces. Runs in-process (createFakeGhl)
 * plus one check of the HTTP admin API and the CLI entry point.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createFakeGhl, DEFAULT_IDS, MESSAGES } from './server.ts';
import type { FakeGhl } from './server.ts';

const { locationA, locationB, companyId, clientId, clientSecret, calendarA } = DEFAULT_IDS;
const V_CONTACTS = '2021-07-28';
const V_CALENDARS = '2021-04-15';

interface Res {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	headers: Headers;
}

let fake: FakeGhl;
const jsonOf = (res: Response): Promise<any> => res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(
	method: string,
	path: string,
	opts: { token?: string; version?: string | null; body?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Res> {
	const headers: Record<string, string> = { Accept: 'application/json', ...(opts.headers ?? {}) };
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	const version = opts.version === undefined ? (path.startsWith('/calendars') ? V_CALENDARS : V_CONTACTS) : opts.version;
	if (version) headers.Version = version;
	let payload: string | undefined;
	if (opts.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		payload = new URLSearchParams(opts.form).toString();
	} else if (opts.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		payload = JSON.stringify(opts.body);
	}
	const res = await fetch(fake.url + path, { method, headers, body: payload, redirect: 'manual' });
	const text = await res.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		/* not JSON */
	}
	return { status: res.status, body, headers: res.headers };
}

const tokenFor = (locationId: string = locationA, extra: Record<string, unknown> = {}) =>
	fake.mintToken({ locationId, ...extra }).access_token as string;

beforeAll(async () => {
	fake = await createFakeGhl({ seed: 'default' });
});
afterAll(async () => {
	await fake.close();
});
beforeEach(() => {
	fake.reset('default');
});

describe('Version header', () => {
	test('missing → 400', async () => {
		const r = await call('GET', `/locations/${locationA}`, { token: tokenFor(), version: null });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ statusCode: 400, message: MESSAGES.versionMissing, error: 'Bad Request' });
	});
	test('calendars need 2021-04-15, everything else 2021-07-28', async () => {
		const t = tokenFor();
		expect((await call('GET', `/calendars/?locationId=${locationA}`, { token: t, version: V_CONTACTS })).status).toBe(400);
		expect((await call('GET', `/calendars/?locationId=${locationA}`, { token: t, version: V_CALENDARS })).status).toBe(200);
		const wrong = await call('GET', `/locations/${locationA}`, { token: t, version: V_CALENDARS });
		expect(wrong.status).toBe(400);
		expect(wrong.body.message).toContain(V_CONTACTS);
		expect((await call('GET', `/locations/${locationA}`, { token: t, version: V_CONTACTS })).status).toBe(200);
	});
});

describe('Bearer auth', () => {
	test('expired access token → 401 Invalid JWT (clock control)', async () => {
		const t = fake.mintToken({ locationId: locationA, expiresInSec: 60 }).access_token;
		expect((await call('GET', `/locations/${locationA}`, { token: t })).status).toBe(200);
		fake.advanceClock(61_000);
		const r = await call('GET', `/locations/${locationA}`, { token: t });
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ statusCode: 401, message: MESSAGES.tokenExpired });
		expect(r.headers.get('x-ratelimit-max')).toBe('100');
	});
	test('token minted already expired, garbage and missing tokens → 401', async () => {
		const expired = fake.mintToken({ locationId: locationA, expiresInSec: -1 }).access_token;
		expect((await call('GET', `/locations/${locationA}`, { token: expired })).body.message).toBe(MESSAGES.tokenExpired);
		// Flip the signature's first character: the last one carries padding bits, and flipping it
		// can leave the bytes unchanged (a valid token, a flaky test).
		const [header, payload, signature] = tokenFor().split('.');
		const forged = [header, payload, (signature[0] === 'A' ? 'B' : 'A') + signature.slice(1)].join('.');
		expect((await call('GET', `/locations/${locationA}`, { token: forged })).status).toBe(401);
		const none = await call('GET', `/locations/${locationA}`);
		expect(none.status).toBe(401);
		expect(none.body.message).toBe(MESSAGES.tokenInvalid);
	});
	test('tokens are JWT-shaped with GHL-like claims', () => {
		const t = tokenFor();
		const [, payload] = t.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		expect(claims).toMatchObject({ authClass: 'Location', authClassId: locationA, sourceId: clientId });
		expect(claims.exp - claims.iat).toBe(86399);
	});
	test('private integration tokens work and never expire', async () => {
		fake.advanceClock(400 * 86_400_000);
		expect((await call('GET', `/locations/${locationA}`, { token: DEFAULT_IDS.privateTokenA })).status).toBe(200);
	});
	test('Company token on a Location-only endpoint → 401 authClass', async () => {
		const company = fake.mintToken({ userType: 'Company', companyId }).access_token;
		const r = await call('POST', '/contacts/', { token: company, body: { locationId: locationA } });
		expect(r.status).toBe(401);
		expect(r.body.message).toBe(MESSAGES.authClass);
		// but agency access to its own location is fine
		expect((await call('GET', `/locations/${locationA}`, { token: company })).status).toBe(200);
	});
	test('missing scope → 401', async () => {
		const t = fake.mintToken({ locationId: locationA, scopes: ['contacts.readonly'] }).access_token;
		const r = await call('POST', '/contacts/', { token: t, body: { locationId: locationA } });
		expect(r.status).toBe(401);
		expect(r.body.message).toBe(MESSAGES.scope);
	});
});

describe('location access', () => {
	test('a token for location A cannot touch location B → 403', async () => {
		const t = tokenFor(locationA);
		for (const r of [
			await call('GET', `/locations/${locationB}`, { token: t }),
			await call('POST', '/contacts/', { token: t, body: { locationId: locationB, email: 'x@y.z' } }),
			await call('POST', '/contacts/search', { token: t, body: { locationId: locationB } }),
			await call('GET', `/users/?locationId=${locationB}`, { token: t }),
		]) {
			expect(r.status).toBe(403);
			expect(r.body).toEqual({ statusCode: 403, message: MESSAGES.location });
		}
		const [c] = fake.seed({ contacts: [{ locationId: locationB, email: 'b@example.test' }] }).contacts;
		expect((await call('GET', `/contacts/${c.id}`, { token: t })).status).toBe(403);
		expect((await call('GET', `/contacts/${c.id}`, { token: tokenFor(locationB) })).status).toBe(200);
	});
});

describe('strict request bodies (spec DTOs)', () => {
	test('unknown property and missing required → 422 with class-validator messages', async () => {
		const r = await call('POST', '/contacts/', { token: tokenFor(), body: { foo: 1, email: 'a@b.c' } });
		expect(r.status).toBe(422);
		expect(r.body.error).toBe('Unprocessable Entity');
		expect(r.body.message).toEqual(expect.arrayContaining(['property foo should not exist', 'locationId should not be empty']));
	});
	test('types, enums and nested objects are checked', async () => {
		const r = await call('POST', '/contacts/', {
			token: tokenFor(),
			body: { locationId: locationA, dnd: 'yes', tags: 'vip', dndSettings: { Call: { status: 'nope', extra: 1 } } },
		});
		expect(r.status).toBe(422);
		expect(r.body.message).toEqual(
			expect.arrayContaining([
				'dnd must be a boolean value',
				'tags must be an array',
				'dndSettings.Call.property extra should not exist',
				'dndSettings.Call.status must be one of the following values: active, inactive, permanent',
			]),
		);
	});
	test('UpdateContactDto has no locationId; task DTO requires title/dueDate/completed', async () => {
		const [c] = fake.seed({ contacts: [{ locationId: locationA, email: 'u@example.test' }] }).contacts;
		const put = await call('PUT', `/contacts/${c.id}`, { token: tokenFor(), body: { locationId: locationA, firstName: 'X' } });
		expect(put.status).toBe(422);
		expect(put.body.message).toEqual(['property locationId should not exist']);
		const task = await call('POST', `/contacts/${c.id}/tasks`, { token: tokenFor(), body: { body: 'x' } });
		expect(task.status).toBe(422);
		expect(task.body.message).toEqual(
			expect.arrayContaining(['title should not be empty', 'dueDate should not be empty', 'completed should not be empty', 'completed must be a boolean value']),
		);
	});
	test('unknown or missing query parameters → 422', async () => {
		const t = tokenFor();
		const unknown = await call('GET', `/calendars/?locationId=${locationA}&foo=1`, { token: t });
		expect(unknown.status).toBe(422);
		expect(unknown.body.message).toEqual(['property foo should not exist']);
		const missing = await call('GET', `/calendars/${calendarA}/free-slots?startDate=1`, { token: t });
		expect(missing.status).toBe(422);
		expect(missing.body.message).toEqual(['endDate should not be empty']);
	});
});

describe('duplicate contacts', () => {
	test('same email or phone in a no-duplicates location → 400 with meta', async () => {
		const t = tokenFor();
		const first = await call('POST', '/contacts/', { token: t, body: { locationId: locationA, firstName: 'Ann', lastName: 'Lee', email: 'Ann@Example.test', phone: '+1 555 010 0001' } });
		expect(first.status).toBe(201);
		const id = first.body.contact.id;
		const byEmail = await call('POST', '/contacts/', { token: t, body: { locationId: locationA, email: 'ann@example.test' } });
		expect(byEmail.status).toBe(400);
		expect(byEmail.body).toEqual({
			statusCode: 400,
			message: 'This location does not allow duplicated contacts.',
			meta: { contactName: 'Ann Lee', contactId: id, matchingField: 'email' },
		});
		const byPhone = await call('POST', '/contacts/', { token: t, body: { locationId: locationA, phone: '(555) 010-0001' } });
		expect(byPhone.status).toBe(400);
		expect(byPhone.body.meta).toEqual({ contactName: 'Ann Lee', contactId: id, matchingField: 'phone' });
	});
	test('GET /contacts/search/duplicate finds a contact by email or phone, and says null otherwise', async () => {
		const t = tokenFor();
		const created = await call('POST', '/contacts/', { token: t, body: { locationId: locationA, email: 'look@example.test', phone: '+1 555 010 0009' } });
		const id = created.body.contact.id;
		const byEmail = await call('GET', `/contacts/search/duplicate?locationId=${locationA}&email=LOOK@example.test`, { token: t });
		expect(byEmail).toMatchObject({ status: 200, body: { contact: { id } } });
		const byPhone = await call('GET', `/contacts/search/duplicate?locationId=${locationA}&number=${encodeURIComponent('(555) 010-0009')}`, { token: t });
		expect(byPhone.body.contact.id).toBe(id);
		const none = await call('GET', `/contacts/search/duplicate?locationId=${locationA}&email=nobody@example.test`, { token: t });
		expect(none.body).toEqual({ contact: null });
		expect((await call('GET', `/contacts/search/duplicate?locationId=${locationB}&email=look@example.test`, { token: t })).status).toBe(403);
	});
	test('locations that allow duplicates accept them; upsert updates the match', async () => {
		const tb = tokenFor(locationB);
		for (let i = 0; i < 2; i++) {
			expect((await call('POST', '/contacts/', { token: tb, body: { locationId: locationB, email: 'dup@example.test' } })).status).toBe(201);
		}
		const t = tokenFor();
		const created = await call('POST', '/contacts/upsert', { token: t, body: { locationId: locationA, email: 'up@example.test', firstName: 'One' } });
		expect(created.body.new).toBe(true);
		const updated = await call('POST', '/contacts/upsert', { token: t, body: { locationId: locationA, email: 'UP@example.test', firstName: 'Two' } });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ new: false, contact: { id: created.body.contact.id, firstName: 'Two' } });
	});
});

describe('OAuth', () => {
	const form = (extra: Record<string, string>) => ({ client_id: clientId, client_secret: clientSecret, ...extra });

	test('authorization_code → Location token; refresh tokens are single-use and rotate', async () => {
		const code = fake.createAuthCode({ clientId, locationId: locationA, redirectUri: 'http://localhost/cb' });
		const tok = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost/cb', user_type: 'Location' }) });
		expect(tok.status).toBe(200);
		expect(tok.body).toMatchObject({ token_type: 'Bearer', expires_in: 86399, userType: 'Location', locationId: locationA, companyId });
		expect(typeof tok.body.refresh_token).toBe('string');
		expect(typeof tok.body.userId).toBe('string');
		// the code is single-use too
		const again = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'authorization_code', code }) });
		expect(again.status).toBe(400);
		expect(again.body.error).toBe('invalid_grant');

		const r1 = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'refresh_token', refresh_token: tok.body.refresh_token }) });
		expect(r1.status).toBe(200);
		expect(r1.body.refresh_token).not.toBe(tok.body.refresh_token);
		expect((await call('GET', `/locations/${locationA}`, { token: r1.body.access_token })).status).toBe(200);

		const reuse = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'refresh_token', refresh_token: tok.body.refresh_token }) });
		expect(reuse.status).toBe(400);
		expect(reuse.body.error).toBe('invalid_grant');

		const r2 = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'refresh_token', refresh_token: r1.body.refresh_token }) });
		expect(r2.status).toBe(200);
	});
	test('GET /oauth/chooselocation approves at once and redirects with code + state', async () => {
		const r = await call('GET', `/oauth/chooselocation?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent('http://localhost:5678/rest/oauth2-credential/callback')}&state=xyz&scope=contacts.readonly`, { version: null });
		expect(r.status).toBe(302);
		const loc = new URL(r.headers.get('location')!);
		expect(loc.searchParams.get('state')).toBe('xyz');
		const tok = await call('POST', '/oauth/token', {
			version: null,
			form: form({ grant_type: 'authorization_code', code: loc.searchParams.get('code')!, redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback' }),
		});
		expect(tok.status).toBe(200);
		expect(tok.body).toMatchObject({ userType: 'Location', locationId: locationA, scope: 'contacts.readonly' });
	});
	test('the consent page answers on /v2/oauth/chooselocation too (the path the credential uses), with the agency choice', async () => {
		const r = await call('GET', `/v2/oauth/chooselocation?response_type=code&client_id=${clientId}&redirect_uri=${encodeURIComponent('http://localhost:5678/rest/oauth2-credential/callback')}&state=s2&user_type=Company`, { version: null });
		expect(r.status).toBe(302);
		const loc = new URL(r.headers.get('location')!);
		expect(loc.origin + loc.pathname).toBe('http://localhost:5678/rest/oauth2-credential/callback');
		const tok = await call('POST', '/oauth/token', {
			version: null,
			form: form({ grant_type: 'authorization_code', code: loc.searchParams.get('code')!, redirect_uri: 'http://localhost:5678/rest/oauth2-credential/callback' }),
		});
		expect(tok.status).toBe(200);
		expect(tok.body).toMatchObject({ userType: 'Company', companyId });
		expect(tok.body.locationId).toBeUndefined();
	});
	test('bad client secret → 401 invalid_client; unknown form field → 422', async () => {
		const bad = await call('POST', '/oauth/token', { version: null, form: { client_id: clientId, client_secret: 'nope', grant_type: 'refresh_token', refresh_token: 'x' } });
		expect(bad.status).toBe(401);
		expect(bad.body.error).toBe('invalid_client');
		const extra = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'refresh_token', refresh_token: 'x', scope: 'contacts.readonly' }) });
		expect(extra.status).toBe(422);
		expect(extra.body.message).toEqual(['property scope should not exist']);
	});
	test('Company token → /oauth/locationToken → Location token; installedLocations', async () => {
		const code = fake.createAuthCode({ clientId, userType: 'Company', companyId });
		const company = await call('POST', '/oauth/token', { version: null, form: form({ grant_type: 'authorization_code', code }) });
		expect(company.body).toMatchObject({ userType: 'Company', companyId });
		expect(company.body.locationId).toBeUndefined();
		expect(company.body.approvedLocations).toEqual(expect.arrayContaining([locationA, locationB]));

		const lt = await call('POST', '/oauth/locationToken', { token: company.body.access_token, form: { companyId, locationId: locationB } });
		expect(lt.status).toBe(200);
		expect(lt.body).toMatchObject({ token_type: 'Bearer', locationId: locationB });
		expect(lt.body.refresh_token).toBeUndefined();
		expect((await call('POST', '/contacts/search', { token: lt.body.access_token, body: { locationId: locationB } })).status).toBe(200);
		expect((await call('POST', '/contacts/search', { token: lt.body.access_token, body: { locationId: locationA } })).status).toBe(403);

		const byLocationToken = await call('POST', '/oauth/locationToken', { token: tokenFor(), form: { companyId, locationId: locationA } });
		expect(byLocationToken.status).toBe(401);
		const noVersion = await call('POST', '/oauth/locationToken', { token: company.body.access_token, version: null, form: { companyId, locationId: locationA } });
		expect(noVersion.status).toBe(400);

		const appId = fake.state.clients.get(clientId)!.appId;
		const inst = await call('GET', `/oauth/installedLocations?companyId=${companyId}&appId=${appId}`, { token: company.body.access_token });
		expect(inst.status).toBe(200);
		expect(inst.body.count).toBe(2);
		expect(inst.body.locations[0]).toMatchObject({ isInstalled: true });
	});
});

describe('rate limits', () => {
	test('headers on every response, 429 once the burst is used, refills after the interval', async () => {
		fake.setConfig({ rateLimit: { max: 3, intervalMs: 10_000, daily: 1000 } });
		const t = tokenFor();
		const seen: Res[] = [];
		for (let i = 0; i < 4; i++) seen.push(await call('GET', `/locations/${locationA}`, { token: t }));
		expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 429]);
		expect(seen.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
		const h = seen[3].headers;
		expect([h.get('x-ratelimit-max'), h.get('x-ratelimit-interval-milliseconds'), h.get('x-ratelimit-limit-daily'), h.get('x-ratelimit-daily-remaining')]).toEqual(['3', '10000', '1000', '996']);
		expect(seen[3].body).toEqual({ statusCode: 429, message: MESSAGES.rateLimited });
		// other location = other bucket
		expect((await call('GET', `/locations/${locationB}`, { token: tokenFor(locationB) })).status).toBe(200);
		fake.advanceClock(10_000);
		expect((await call('GET', `/locations/${locationA}`, { token: t })).status).toBe(200);
	});
	test('sliding window: a slot frees when the oldest arrival ages out, not at a window boundary', async () => {
		fake.setConfig({ rateLimit: { max: 3, intervalMs: 10_000, daily: 1000, window: 'sliding' } });
		const t = tokenFor();
		const status = async () => (await call('GET', `/locations/${locationA}`, { token: t })).status;
		expect(await status()).toBe(200);
		fake.advanceClock(4_000);
		expect([await status(), await status(), await status()]).toEqual([200, 200, 429]);
		// at 10 s the first arrival ages out, but the three of t = 4 s (the refused one too) still count
		fake.advanceClock(6_001);
		expect(await status()).toBe(429);
		// at 14 s those age out; the refused one of t = 10 s is the only arrival left
		fake.advanceClock(4_000);
		expect([await status(), await status(), await status()]).toEqual([200, 200, 429]);
	});
	test('injected 429s report the room left, or a full window with faults.full429', async () => {
		const t = tokenFor();
		fake.injectFault({ status: 429, path: '/locations/' });
		const roomLeft = await call('GET', `/locations/${locationA}`, { token: t });
		expect([roomLeft.status, roomLeft.headers.get('x-ratelimit-remaining')]).toEqual([429, '99']);
		fake.setConfig({ faults: { full429: true } });
		fake.injectFault({ status: 429, path: '/locations/' });
		const full = await call('GET', `/locations/${locationA}`, { token: t });
		expect([full.status, full.headers.get('x-ratelimit-remaining')]).toEqual([429, '0']);
		expect((await call('GET', `/locations/${locationA}`, { token: t })).headers.get('x-ratelimit-remaining')).toBe('97');
	});
	test('daily quota', async () => {
		fake.setConfig({ rateLimit: { max: 100, daily: 2 } });
		const t = tokenFor();
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call('GET', `/locations/${locationA}`, { token: t })).status);
		expect(statuses).toEqual([200, 200, 429]);
	});
	test('injected faults: scripted and seeded random', async () => {
		fake.injectFault({ status: 500, count: 2, path: '/locations/' });
		const t = tokenFor();
		const a = [];
		for (let i = 0; i < 3; i++) a.push((await call('GET', `/locations/${locationA}`, { token: t })).status);
		expect(a).toEqual([500, 500, 200]);
		fake.setConfig({ rateLimit: { enabled: false }, faults: { rate429: 0.3, rate500: 0.05, seed: 42 } });
		const statuses: number[] = [];
		for (let i = 0; i < 200; i++) statuses.push((await call('GET', `/locations/${locationA}`, { token: t })).status);
		const n429 = statuses.filter((s) => s === 429).length;
		const n500 = statuses.filter((s) => s === 500).length;
		expect(n429).toBeGreaterThan(35);
		expect(n429).toBeLessThan(85);
		expect(n500).toBeGreaterThan(0);
		expect(n500).toBeLessThan(25);
	});
});

describe('contacts search pagination', () => {
	beforeEach(() => {
		const base = Date.parse('2024-01-01T00:00:00Z');
		fake.seed({
			contacts: Array.from({ length: 25 }, (_, i) => ({
				locationId: locationA,
				email: `c${i}@example.test`,
				tags: i % 2 ? ['odd'] : ['even'],
				dateAdded: new Date(base + i * 60_000).toISOString(),
			})),
		});
	});
	test('page / pageLimit', async () => {
		const t = tokenFor();
		const ids: string[] = [];
		const sizes: number[] = [];
		for (let page = 1; page <= 3; page++) {
			const r = await call('POST', '/contacts/search', { token: t, body: { locationId: locationA, page, pageLimit: 10 } });
			expect(r.status).toBe(200);
			expect(r.body.total).toBe(25);
			sizes.push(r.body.contacts.length);
			ids.push(...r.body.contacts.map((c: { id: string }) => c.id));
		}
		expect(sizes).toEqual([10, 10, 5]);
		expect(new Set(ids).size).toBe(25);
	});
	test('searchAfter walks everything in sort order', async () => {
		const t = tokenFor();
		let searchAfter: unknown[] | undefined;
		const emails: string[] = [];
		for (let i = 0; i < 10; i++) {
			const r = await call('POST', '/contacts/search', {
				token: t,
				body: { locationId: locationA, pageLimit: 7, sort: [{ field: 'dateAdded', direction: 'asc' }], ...(searchAfter ? { searchAfter } : {}) },
			});
			expect(r.status).toBe(200);
			if (!r.body.contacts.length) break;
			emails.push(...r.body.contacts.map((c: { email: string }) => c.email));
			searchAfter = r.body.contacts[r.body.contacts.length - 1].searchAfter;
		}
		expect(emails).toEqual(Array.from({ length: 25 }, (_, i) => `c${i}@example.test`));
	});
	test('filters and limits', async () => {
		const t = tokenFor();
		const odd = await call('POST', '/contacts/search', { token: t, body: { locationId: locationA, pageLimit: 100, filters: [{ field: 'tags', operator: 'eq', value: 'odd' }] } });
		expect(odd.body.total).toBe(12);
		const group = await call('POST', '/contacts/search', {
			token: t,
			body: { locationId: locationA, filters: [{ group: 'OR', filters: [{ field: 'email', operator: 'eq', value: 'C1@example.test' }, { field: 'email', operator: 'eq', value: 'c2@example.test' }] }] },
		});
		expect(group.body.total).toBe(2);
		const badOp = await call('POST', '/contacts/search', { token: t, body: { locationId: locationA, filters: [{ field: 'email', operator: 'like', value: 'x' }] } });
		expect(badOp.status).toBe(422);
		const tooDeep = await call('POST', '/contacts/search', { token: t, body: { locationId: locationA, page: 101, pageLimit: 100 } });
		expect(tooDeep.status).toBe(400);
		const tooBig = await call('POST', '/contacts/search', { token: t, body: { locationId: locationA, pageLimit: 501 } });
		expect(tooBig.status).toBe(422);
	});
});

describe('deprecated GET /contacts/ (n8n built-in node)', () => {
	test('startAfter/startAfterId cursor walks the location oldest first; limit ≤ 100; locationId required', async () => {
		const base = Date.parse('2023-06-01T00:00:00Z');
		fake.seed({ contacts: Array.from({ length: 45 }, (_, i) => ({ locationId: locationB, email: `legacy${i}@example.test`, dateAdded: new Date(base + i * 1000).toISOString() })) });
		const expected = [...fake.state.contacts.values()]
			.filter((c) => c.locationId === locationB)
			.sort((x, y) => Date.parse(x.dateAdded) - Date.parse(y.dateAdded) || (x.id < y.id ? -1 : 1))
			.map((c) => c.id);
		const t = tokenFor(locationB);
		const ids: string[] = [];
		let cursor = '';
		for (let i = 0; i < 20; i++) {
			const r = await call('GET', `/contacts/?locationId=${locationB}&limit=20${cursor}`, { token: t });
			expect(r.status).toBe(200);
			expect(r.body.meta.total).toBe(expected.length);
			ids.push(...r.body.contacts.map((c: { id: string }) => c.id));
			if (ids.length >= r.body.meta.total) break;
			cursor = `&startAfter=${r.body.meta.startAfter}&startAfterId=${r.body.meta.startAfterId}`;
		}
		expect(ids).toEqual(expected);
		expect((await call('GET', `/contacts/?locationId=${locationB}&limit=101`, { token: t })).status).toBe(422);
		expect((await call('GET', '/contacts/', { token: t })).status).toBe(422);
		expect((await call('GET', `/contacts/?locationId=${locationB}&bogus=1`, { token: t })).status).toBe(422);
	});
});

describe('calendars and contact sub-resources', () => {
	test('free slots, booking, conflicts, contact appointments', async () => {
		const t = tokenFor();
		const [c] = fake.seed({ contacts: [{ locationId: locationA, email: 'appt@example.test' }] }).contacts;
		// Monday 2030-01-07, calendar A: Mon–Fri 09:00–17:00 America/New_York, 30-min slots
		const start = Date.parse('2030-01-07T00:00:00-05:00');
		const slots = await call('GET', `/calendars/${calendarA}/free-slots?startDate=${start}&endDate=${start + 86_399_000}`, { token: t });
		expect(slots.status).toBe(200);
		expect(slots.body['2030-01-07'].slots).toHaveLength(16);
		expect(slots.body['2030-01-07'].slots[0]).toBe('2030-01-07T09:00:00-05:00');
		const book = { calendarId: calendarA, locationId: locationA, contactId: c.id, startTime: '2030-01-07T09:00:00-05:00' };
		const ok = await call('POST', '/calendars/events/appointments', { token: t, body: book });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ calendarId: calendarA, contactId: c.id });
		const clash = await call('POST', '/calendars/events/appointments', { token: t, body: book });
		expect(clash.status).toBe(400);
		expect(clash.body.message).toBe(MESSAGES.slotUnavailable);
		const after = await call('GET', `/calendars/${calendarA}/free-slots?startDate=${start}&endDate=${start + 86_399_000}`, { token: t });
		expect(after.body['2030-01-07'].slots).toHaveLength(15);
		const events = await call('GET', `/contacts/${c.id}/appointments`, { token: t });
		expect(events.body.events.map((e: { id: string }) => e.id)).toEqual([ok.body.id]);
		expect((await call('DELETE', `/calendars/events/${ok.body.id}`, { token: t })).status).toBe(201);
	});
	test('tags, tasks and notes round-trip', async () => {
		const t = tokenFor();
		const [c] = fake.seed({ contacts: [{ locationId: locationA, email: 'sub@example.test', tags: ['a'] }] }).contacts;
		expect((await call('POST', `/contacts/${c.id}/tags`, { token: t, body: { tags: ['B', 'c'] } })).body.tags).toEqual(['a', 'b', 'c']);
		expect((await call('DELETE', `/contacts/${c.id}/tags`, { token: t, body: { tags: ['a'] } })).body.tags).toEqual(['b', 'c']);
		const locTags = await call('GET', `/locations/${locationA}/tags`, { token: t });
		expect(locTags.body.tags.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['a', 'b', 'c']));
		const task = await call('POST', `/contacts/${c.id}/tasks`, { token: t, body: { title: 'Call', dueDate: '2030-01-01T10:00:00Z', completed: false } });
		expect(task.status).toBe(201);
		const done = await call('PUT', `/contacts/${c.id}/tasks/${task.body.task.id}/completed`, { token: t, body: { completed: true } });
		expect(done.body.task.completed).toBe(true);
		const note = await call('POST', `/contacts/${c.id}/notes`, { token: t, body: { body: 'hello' } });
		expect(note.status).toBe(201);
		expect((await call('GET', `/contacts/${c.id}/notes`, { token: t })).body.notes).toHaveLength(1);
		expect((await call('DELETE', `/contacts/${c.id}/notes/${note.body.note.id}`, { token: t })).body).toEqual({ succeded: true });
	});
});

describe('admin API over HTTP', () => {
	test('reset, seed, mint, config, request log', async () => {
		const post = async (path: string, body: unknown) =>
			jsonOf(await fetch(fake.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }));
		await post('/__admin/reset', { seed: { locations: [{ id: 'locX', companyId: 'compX' }] } });
		const state = await jsonOf(await fetch(`${fake.url}/__admin/state?collection=locations`));
		expect(state.locations.map((l: { id: string }) => l.id)).toEqual(['locX']);
		const seeded = await post('/__admin/seed', { contacts: [{ locationId: 'locX', email: 'x@example.test' }] });
		const tok = await post('/__admin/tokens', { locationId: 'locX', expiresInSec: 30 });
		expect(tok.expires_in).toBe(30);
		const r = await call('GET', `/contacts/${seeded.contacts[0].id}`, { token: tok.access_token });
		expect(r.status).toBe(200);
		await post('/__admin/faults', { status: 503, count: 1 });
		expect((await call('GET', `/contacts/${seeded.contacts[0].id}`, { token: tok.access_token })).status).toBe(503);
		const counts = await jsonOf(await fetch(`${fake.url}/__admin/requests/counts`));
		expect(counts.byRoute['GET /contacts/{contactId}']).toBe(2);
		expect(counts.byPath[`GET /contacts/${seeded.contacts[0].id}`]).toBe(2);
		const log = await jsonOf(await fetch(`${fake.url}/__admin/requests?route=${encodeURIComponent('GET /contacts/{contactId}')}`));
		expect(log.requests.map((e: { status: number }) => e.status)).toEqual([200, 503]);
		expect(log.requests[0].headers.version).toBe(V_CONTACTS);
		await post('/__admin/clock', { advanceMs: 31_000 });
		expect((await call('GET', `/contacts/${seeded.contacts[0].id}`, { token: tok.access_token })).status).toBe(401);
	});
});

const runsTs = Boolean((process.features as unknown as { typescript?: unknown }).typescript);
(runsTs ? test : test.skip)('CLI: `node cli.mjs --port 0` prints its URL and serves', async () => {
	const child = spawn(process.execPath, [join(__dirname, 'cli.mjs'), '--port', '0', '--rate-max', '5'], { stdio: ['pipe', 'pipe', 'inherit'] });
	try {
		const url = await new Promise<string>((resolve, reject) => {
			let buf = '';
			const timer = setTimeout(() => reject(new Error('cli did not print its URL')), 10_000);
			child.stdout.on('data', (d: Buffer) => {
				buf += d.toString();
				if (buf.includes('\n')) {
					clearTimeout(timer);
					resolve(buf.split('\n')[0].trim());
				}
			});
			child.on('exit', (code) => {
				clearTimeout(timer);
				reject(new Error(`cli exited with ${code}`));
			});
		});
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		const health = await jsonOf(await fetch(`${url}/__admin/health`));
		expect(health.ok).toBe(true);
		const cfg = await jsonOf(await fetch(`${url}/__admin/config`));
		expect(cfg.rateLimit.max).toBe(5);
		const res = await fetch(`${url}/locations/${locationA}`, { headers: { Authorization: `Bearer ${DEFAULT_IDS.privateTokenA}`, Version: V_CONTACTS } });
		expect(res.status).toBe(200);
	} finally {
		const exited = new Promise((r) => child.once('exit', r));
		child.kill('SIGTERM');
		await exited;
	}
});
