import { LOCATION_ID } from '../../../../helpers/context';
import { clientFor, clock, ghl, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

const rateHeaders = (remaining: number, daily = 199_000) => ({
	'X-RateLimit-Max': '100',
	'X-RateLimit-Interval-Milliseconds': '10000',
	'X-RateLimit-Remaining': String(remaining),
	'X-RateLimit-Limit-Daily': '200000',
	'X-RateLimit-Daily-Remaining': String(daily),
});

describe('transport', () => {
	it('on a 429 saying the window is full (of requests not ours) it probes once a slot can have freed, not after a whole interval', async () => {
		// GHL counts 100 of 100, ours is 1: 99 foreign, freeing over 10 s → one slot after ~101 ms.
		ghl().get('/contacts/c1').reply(429, { message: 'Too many requests' }, rateHeaders(0));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(99));
		const client = await clientFor();
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		expect(waited).toBeGreaterThanOrEqual(100);
		expect(waited).toBeLessThanOrEqual(250);
	});

	it('full-window 429s in a row: each probe waits twice as long, and the last answer with room ends it', async () => {
		ghl().get('/contacts/c1').times(3).reply(429, { message: 'Too many requests' }, rateHeaders(0));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(90));
		ghl().get('/contacts/c2').reply(200, { contact: { id: 'c2' } }, rateHeaders(89));
		const client = await clientFor();
		await client.request({ method: 'GET', path: '/contacts/c1' });
		const probes = clock.sleeps.filter((ms) => ms > 0);
		expect(probes).toHaveLength(3);
		// ~101 ms, then twice, then four times as long (the foreign count is ~98 each time)
		expect(probes[1] / probes[0]).toBeGreaterThan(1.8);
		expect(probes[2] / probes[1]).toBeGreaterThan(1.8);
		expect(probes[2]).toBeLessThan(600);
		const before = clock.sleeps.length;
		await client.request({ method: 'GET', path: '/contacts/c2' });
		// probing is over: c2 goes at the shared window's even pace (≈ 10 s / 94), no probe wait
		expect(clock.sleeps.slice(before).reduce((a, b) => a + b, 0)).toBeLessThan(120);
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

	it('a 429 while GHL\'s window has room backs off that request alone, briefly, without holding the location', async () => {
		ghl().get('/contacts/c1').reply(429, { statusCode: 429, message: 'Too Many Requests' }, rateHeaders(57));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(56));
		ghl().get('/contacts/c2').reply(200, { contact: { id: 'c2' } }, rateHeaders(55));
		const client = await clientFor();
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		expect(clock.sleeps).toHaveLength(1);
		expect(clock.sleeps[0]).toBeGreaterThanOrEqual(1_000);
		expect(clock.sleeps[0]).toBeLessThanOrEqual(1_200);
		// The location was not blocked: the next request goes at our even pace in the shared window
		// (GHL counts 44, 2 of them ours: 10 s / (100 − 42) apart), not an interval later.
		expect(await client.request({ method: 'GET', path: '/contacts/c2' })).toEqual({ contact: { id: 'c2' } });
		expect(clock.sleeps.slice(1).reduce((a, b) => a + b, 0)).toBeLessThan(200);
	});

	it('momentary 429s back off 1 s, 2 s, 4 s … capped at one interval', async () => {
		ghl().get('/contacts/c1').times(6).reply(429, {}, rateHeaders(80));
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } }, rateHeaders(79));
		await (await clientFor()).request({ method: 'GET', path: '/contacts/c1' });
		const bases = clock.sleeps.map((ms) => [1_000, 2_000, 4_000, 8_000, 10_000].find((b) => ms >= b && ms <= b * 1.2));
		expect(bases).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
	});
});
