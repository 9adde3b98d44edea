import nock from 'nock';

import { getGhlClient } from '../../../../../nodes/Ghl/transport';
import { apiVersionFor, PACKAGE_VERSION } from '../../../../../nodes/Ghl/transport/constants';
import { requiredScope } from '../../../../../nodes/Ghl/transport/errors';
import { acquireSlot, recordRateLimit, setRateLimiterClock } from '../../../../../nodes/Ghl/transport/rateLimiter';
import { createContext, LOCATION_ID, oauthCompanyCredentials, oauthLocationCredentials, locator } from '../../../../helpers/context';
import { clock, ghl, useGhlTestEnvironment } from '../../../../helpers/setup';
import { BASE_URL } from '../../../../helpers/context';

useGhlTestEnvironment();

const rateHeaders = (remaining: number, daily = 199_000) => ({
	'X-RateLimit-Max': '100',
	'X-RateLimit-Interval-Milliseconds': '10000',
	'X-RateLimit-Remaining': String(remaining),
	'X-RateLimit-Limit-Daily': '200000',
	'X-RateLimit-Daily-Remaining': String(daily),
});

const clientFor = async (parameters: Record<string, unknown> = {}, credentials = undefined as never) =>
	await getGhlClient.call(createContext({ parameters, credentials }), 0);

describe('transport', () => {
	it('keeps the User-Agent version equal to package.json', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		expect(PACKAGE_VERSION).toBe(require('../../../../../package.json').version);
	});

	it('picks the Version header per endpoint family', () => {
		expect(apiVersionFor('/calendars/events/appointments')).toBe('2021-04-15');
		expect(apiVersionFor('/contacts/x')).toBe('2021-07-28');
		expect(apiVersionFor('/locations/x/customFields')).toBe('2021-07-28');
	});

	it('on 429 waits as X-RateLimit-Interval-Milliseconds says, then retries', async () => {
		ghl().get('/contacts/c1').reply(429, { message: 'Too many requests' }, rateHeaders(0));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(99));
		const client = await clientFor();
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		expect(waited).toBeGreaterThanOrEqual(10_000);
		expect(waited).toBeLessThanOrEqual(12_500);
	});

	it('honours Retry-After when GHL sends it', async () => {
		ghl().get('/contacts/c1').reply(429, {}, { 'Retry-After': '2' });
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		await (await clientFor()).request({ method: 'GET', path: '/contacts/c1' });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		expect(waited).toBeGreaterThanOrEqual(2_000);
		expect(waited).toBeLessThanOrEqual(2_500);
	});

	it('retries a POST create after 429 (GHL refused it, nothing landed)', async () => {
		ghl().post('/contacts/').reply(429, {}, rateHeaders(0));
		ghl().post('/contacts/').reply(201, { contact: { id: 'c1' } });
		expect(await (await clientFor()).request({ method: 'POST', path: '/contacts/', body: { locationId: LOCATION_ID } })).toEqual({ contact: { id: 'c1' } });
	});

	it('gives up after a bounded number of 429s', async () => {
		ghl().get('/contacts/c1').times(13).reply(429, { message: 'Too many requests' }, rateHeaders(0));
		await expect((await clientFor()).request({ method: 'GET', path: '/contacts/c1' })).rejects.toMatchObject({ httpCode: '429' });
	});

	it('fails fast, without retrying, when the daily quota is exhausted', async () => {
		ghl().get('/contacts/c1').once().reply(429, { message: 'Too many requests' }, rateHeaders(0, 0));
		await expect((await clientFor()).request({ method: 'GET', path: '/contacts/c1' })).rejects.toMatchObject({
			message: 'GHL daily API quota exhausted for this location',
			httpCode: '429',
		});
		expect(clock.sleeps).toEqual([]);
	});

	it('retries GET on 5xx and network errors, with backoff', async () => {
		ghl().get('/contacts/c1').reply(503, { message: 'down' });
		ghl().get('/contacts/c1').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		expect(await (await clientFor()).request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		expect(clock.sleeps.length).toBe(2);
	});

	it('does not repeat a create after a network error', async () => {
		ghl().post('/contacts/').once().replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		await expect((await clientFor()).request({ method: 'POST', path: '/contacts/', body: {} })).rejects.toMatchObject({
			message: expect.stringContaining('Could not reach GHL'),
			description: expect.stringContaining('not retried'),
		});
	});

	it('never puts a token in an error', async () => {
		ghl().get('/contacts/c1').reply(401, { statusCode: 401, message: 'Invalid JWT' });
		const error = await (await clientFor()).request({ method: 'GET', path: '/contacts/c1' }).catch((e: unknown) => e);
		expect(error).toMatchObject({ httpCode: '401', description: expect.stringContaining('reconnect') });
		const seen = JSON.stringify(error) + String((error as Error).stack) + JSON.stringify((error as { errorResponse?: unknown }).errorResponse);
		expect(seen).not.toContain('pit-secret-token');
		expect(seen).not.toMatch(/authorization/i);
	});

	it('names the scope an endpoint needs', () => {
		expect(requiredScope('GET', '/contacts/x')).toBe('contacts.readonly');
		expect(requiredScope('POST', '/contacts/search')).toBe('contacts.readonly');
		expect(requiredScope('PUT', '/calendars/events/appointments/e1')).toBe('calendars/events.write');
		expect(requiredScope('GET', '/calendars/c1/free-slots')).toBe('calendars.readonly');
		expect(requiredScope('GET', '/locations/l/customFields')).toBe('locations/customFields.readonly');
		expect(requiredScope('POST', '/oauth/locationToken')).toBe('oauth.write');
	});

	it('paces a burst to the learned window: never more than the allowance per interval', async () => {
		// Real time here: pacing is about when requests leave, which a virtual clock can't observe.
		setRateLimiterClock(undefined);
		recordRateLimit('bucket', { max: 10, intervalMs: 300 });
		const sentAt: number[] = [];
		await Promise.all(
			Array.from({ length: 25 }, async () => {
				const release = await acquireSlot('bucket');
				sentAt.push(Date.now());
				release();
			}),
		);
		sentAt.sort((a, b) => a - b);
		// Sliding window: any 300 ms span holds at most the allowance, 10 (5 ms timer slack).
		for (const t of sentAt) expect(sentAt.filter((s) => s >= t && s < t + 295).length).toBeLessThanOrEqual(10);
		// 25 sends need two full waits, and no more.
		expect(sentAt[24] - sentAt[0]).toBeGreaterThanOrEqual(590);
		expect(sentAt[24] - sentAt[0]).toBeLessThan(1_200);
	});

	it('counts a request until one interval after its answer: a slow request cannot put GHL over the limit', async () => {
		// GHL counts a request when it arrives, somewhere between our send and its answer. A burst's first
		// request that took 400 ms must still hold its slot 400 ms past "send + interval".
		recordRateLimit('slow', { max: 2, intervalMs: 1_000 });
		const t0 = clock.time;
		const first = await acquireSlot('slow');
		const second = await acquireSlot('slow');
		clock.time += 400;
		first();
		second();
		await acquireSlot('slow');
		expect(clock.time - t0).toBe(1_400);
	});

	it('while every slot is held by a request in flight, the next one waits for an answer', async () => {
		recordRateLimit('busy', { max: 1, intervalMs: 1_000 });
		const release = await acquireSlot('busy');
		let granted = false;
		const next = acquireSlot('busy').then(() => (granted = true));
		await new Promise((resolve) => setImmediate(resolve));
		expect(granted).toBe(false);
		clock.time += 3_000;
		release();
		const t = clock.time;
		await next;
		expect(clock.time - t).toBe(1_000);
	});

	it('a 429 while GHL\'s window has room backs off that request alone, briefly, without holding the location', async () => {
		ghl().get('/contacts/c1').reply(429, { statusCode: 429, message: 'Too Many Requests' }, rateHeaders(57));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(56));
		ghl().get('/contacts/c2').reply(200, { contact: { id: 'c2' } }, rateHeaders(55));
		const client = await clientFor();
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		expect(clock.sleeps).toHaveLength(1);
		expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1_000);
		expect(clock.sleeps[0]).toBeLessThanOrEqual(1_200);
		// The location was not blocked: the next request goes at once.
		expect(await client.request({ method: 'GET', path: '/contacts/c2' })).toEqual({ contact: { id: 'c2' } });
		expect(clock.sleeps).toHaveLength(1);
	});

	it('momentary 429s back off 1 s, 2 s, 4 s … capped at one interval', async () => {
		ghl().get('/contacts/c1').times(6).reply(429, {}, rateHeaders(80));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(79));
		await (await clientFor()).request({ method: 'GET', path: '/contacts/c1' });
		const bases = clock.sleeps.map((ms) => [1_000, 2_000, 4_000, 8_000, 10_000].find((b) => ms >= b && ms <= b * 1.2));
		expect(bases).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
	});
});

describe('OAuth2 location handling', () => {
	it('a sub-account token works in its own location and refuses another', async () => {
		const client = await clientFor({ location: locator('id', '') }, oauthLocationCredentials as never);
		expect(client.locationId).toBe(LOCATION_ID);
		await expect(clientFor({ location: locator('id', 'other') }, oauthLocationCredentials as never)).rejects.toMatchObject({
			message: 'Location "other" is not the one this credential was installed on',
		});
	});

	it('an agency token mints a location token once, caches it, and re-mints on 401', async () => {
		const company = nock(BASE_URL, { reqheaders: { authorization: 'Bearer company-access', 'content-type': 'application/x-www-form-urlencoded' } });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locX').reply(200, { access_token: 'loc-token-1', expires_in: 86399 });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/a').reply(200, { contact: { id: 'a' } });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/b').reply(200, { contact: { id: 'b' } });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/c').reply(401, { message: 'Invalid JWT' });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locX').reply(200, { access_token: 'loc-token-2', expires_in: 86399 });
		ghl('2021-07-28', 'loc-token-2').get('/contacts/c').reply(200, { contact: { id: 'c' } });

		const first = await clientFor({ location: locator('id', 'locX') }, oauthCompanyCredentials as never);
		const second = await clientFor({ location: locator('id', 'locX') }, oauthCompanyCredentials as never);
		expect(first.locationId).toBe('locX');
		await first.request({ method: 'GET', path: '/contacts/a' });
		await second.request({ method: 'GET', path: '/contacts/b' });
		expect(await second.request({ method: 'GET', path: '/contacts/c' })).toEqual({ contact: { id: 'c' } });
	});

	it('re-mints a location token shortly before it expires', async () => {
		const company = nock(BASE_URL);
		company.post('/oauth/locationToken').reply(200, { access_token: 'short-1', expires_in: 301 });
		company.post('/oauth/locationToken').reply(200, { access_token: 'short-2', expires_in: 86399 });
		ghl('2021-07-28', 'short-1').get('/contacts/a').reply(200, {});
		ghl('2021-07-28', 'short-2').get('/contacts/a').reply(200, {});
		const client = await clientFor({ location: locator('id', 'locY') }, oauthCompanyCredentials as never);
		await client.request({ method: 'GET', path: '/contacts/a' });
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		await client.request({ method: 'GET', path: '/contacts/a' });
	});
});
