/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * How the fake delivers its webhooks (README.md, "Webhooks"): off by default, signed with the
 * given Ed25519 key (or one it generates), GHL's payload shape, target filters, the delivery log,
 * after the API answer and its delay, and failing or silent targets that never hold up the API.
 */
import { generateKeyPairSync, verify } from 'node:crypto';
import { DEFAULT_IDS } from './server.ts';
import { admin, receiver, until, useFake } from './testkit.ts';

const kit = useFake();
const { call, contact } = kit;
const { locationA, locationB, customFieldA } = DEFAULT_IDS;
const pending = async () => (await admin(kit.fake, 'GET', '/webhooks')).body.pending as number;
const settle = () => until(async () => (await pending()) === 0);
const keys = () => {
	const { publicKey, privateKey } = generateKeyPairSync('ed25519');
	return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
};

test('off by default: no targets, nothing sent, an empty log', async () => {
	const hook = await receiver();
	try {
		await contact();
		await new Promise((r) => setTimeout(r, 120));
		expect(hook.got).toEqual([]);
		const settings = (await admin(kit.fake, 'GET', '/webhooks')).body;
		expect(settings).toMatchObject({ targets: [], delayMs: 50, pending: 0, publicKeyPem: null });
		expect((await admin(kit.fake, 'GET', '/webhooks/deliveries')).body.deliveries).toEqual([]);
	} finally {
		await hook.close();
	}
});

test('signed with the given key over the raw body (x-ghl-signature, base64), shaped as GHL documents', async () => {
	const hook = await receiver();
	const pair = keys();
	try {
		const put = await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], privateKeyPem: pair.privateKeyPem, delayMs: 0 });
		expect(put.body.publicKeyPem).toBe(pair.publicKeyPem);
		const id = await contact({ firstName: ' Ada ', lastName: 'Lovelace', email: ' Ada@Example.test ', phone: '(415) 555-0101', tags: ['VIP'], customFields: [{ id: customFieldA, field_value: '42' }] });
		await until(() => hook.got.length === 1);
		const [got] = hook.got;
		expect(got.headers['content-type']).toMatch(/^application\/json/);
		const signature = Buffer.from(String(got.headers['x-ghl-signature']), 'base64');
		expect(verify(null, Buffer.from(got.raw), pair.publicKeyPem, signature)).toBe(true);
		expect(verify(null, Buffer.from(got.raw.replace('Ada', 'Eve')), pair.publicKeyPem, signature)).toBe(false);
		expect(Object.keys(got.body).slice(0, 3)).toEqual(['type', 'timestamp', 'webhookId']);
		expect(got.body).toEqual({
			type: 'ContactCreate',
			timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
			webhookId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			locationId: locationA,
			id,
			dateAdded: expect.any(String),
			dnd: false,
			email: 'Ada@Example.test',
			name: 'Ada Lovelace',
			firstName: 'Ada',
			lastName: 'Lovelace',
			phone: '+14155550101',
			tags: ['vip'],
			attachments: [],
			customFields: [{ id: customFieldA, value: '42' }],
		});
		expect(Math.abs(Date.parse(got.body.timestamp) - Date.now())).toBeLessThan(5000);
	} finally {
		await hook.close();
	}
});

test('without privateKeyPem the fake generates a key and gives its public key; every webhookId is new', async () => {
	const hook = await receiver();
	try {
		const { publicKeyPem } = (await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], delayMs: 0 })).body;
		expect(publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
		const id = await contact();
		await call('PUT', `/contacts/${id}`, { tags: ['x'] });
		await until(() => hook.got.length === 3);
		for (const g of hook.got) expect(verify(null, Buffer.from(g.raw), publicKeyPem, Buffer.from(String(g.headers['x-ghl-signature']), 'base64'))).toBe(true);
		expect(new Set(hook.got.map((g) => g.body.webhookId)).size).toBe(3);
		expect((await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], privateKeyPem: 'nope' })).status).toBe(400);
		expect((await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: 'ftp://x' }] })).status).toBe(400);
	} finally {
		await hook.close();
	}
});

test('targets filter by event type and location; the delivery log lists each delivery and DELETE clears it', async () => {
	const all = await receiver();
	const tagsOnly = await receiver();
	const onlyB = await receiver();
	try {
		await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: all.url }, { url: tagsOnly.url, events: ['ContactTagUpdate'] }, { url: onlyB.url, locationId: locationB }], delayMs: 0 });
		const id = await contact();
		await call('POST', `/contacts/${id}/tags`, { tags: ['t'] });
		await settle();
		expect(all.got.map((g) => g.body.type).sort()).toEqual(['ContactCreate', 'ContactTagUpdate', 'ContactUpdate']);
		expect(tagsOnly.got.map((g) => g.body.type)).toEqual(['ContactTagUpdate']);
		expect(onlyB.got).toEqual([]);
		const log = (await admin(kit.fake, 'GET', '/webhooks/deliveries')).body;
		expect(log.deliveries).toHaveLength(4);
		expect(log.deliveries[0]).toEqual({ seq: 1, type: 'ContactCreate', id, locationId: locationA, webhookId: all.got.find((g) => g.body.type === 'ContactCreate')!.body.webhookId, url: all.url, status: 200, ok: true, time: expect.any(String), durationMs: expect.any(Number) });
		expect(log.stats).toEqual({ queued: 4, delivered: 4, failed: 0 });
		expect((await admin(kit.fake, 'GET', '/webhooks/deliveries?type=ContactTagUpdate')).body.deliveries).toHaveLength(2);
		expect((await admin(kit.fake, 'GET', '/webhooks/deliveries?since=3')).body.deliveries.map((d: { seq: number }) => d.seq)).toEqual([4]);
		await admin(kit.fake, 'DELETE', '/webhooks/deliveries');
		expect((await admin(kit.fake, 'GET', '/webhooks/deliveries')).body).toMatchObject({ deliveries: [], stats: { queued: 0, delivered: 0, failed: 0 } });
		await admin(kit.fake, 'DELETE', '/webhooks');
		await contact();
		await new Promise((r) => setTimeout(r, 80));
		expect(all.got).toHaveLength(3);
	} finally {
		await Promise.all([all, tagsOnly, onlyB].map((r) => r.close()));
	}
});

test('sent after the API answer and the delay; failing, unreachable and silent targets never hold up the API and are not retried', async () => {
	const good = await receiver();
	const failing = await receiver({ status: 500 });
	const silent = await receiver({ hang: true });
	try {
		await admin(kit.fake, 'PUT', '/webhooks', {
			targets: [{ url: silent.url }, { url: failing.url }, { url: 'http://127.0.0.1:9/closed' }, { url: good.url }],
			delayMs: 200,
			concurrency: 1,
			timeoutMs: 300,
		});
		const t0 = Date.now();
		const r = await call('POST', '/contacts/', { locationId: locationA, email: 'slow@example.test' });
		expect(r.status).toBe(201);
		expect(Date.now() - t0).toBeLessThan(180);
		expect(good.got).toEqual([]);
		expect((await admin(kit.fake, 'GET', '/webhooks')).body.pending).toBe(4);
		// the API keeps answering while deliveries wait or hang
		for (let i = 0; i < 3; i++) expect((await call('GET', `/contacts/${r.body.contact.id}`)).status).toBe(200);
		await until(() => good.got.length === 1, 4000);
		expect(good.got[0].at - t0).toBeGreaterThanOrEqual(190);
		await settle();
		const { deliveries, stats } = (await admin(kit.fake, 'GET', '/webhooks/deliveries')).body;
		const byUrl = Object.fromEntries(deliveries.map((d: { url: string }) => [d.url, d]));
		expect(byUrl[silent.url]).toMatchObject({ status: 0, ok: false, error: 'no answer within 300 ms' });
		expect(byUrl[failing.url]).toMatchObject({ status: 500, ok: false });
		expect(byUrl['http://127.0.0.1:9/closed']).toMatchObject({ status: 0, ok: false, error: expect.any(String) });
		expect(byUrl[good.url]).toMatchObject({ status: 200, ok: true });
		expect(stats).toEqual({ queued: 4, delivered: 1, failed: 3 });
		expect(failing.got).toHaveLength(1);
	} finally {
		await Promise.all([good, failing, silent].map((r) => r.close()));
	}
});

test('reset turns webhooks off and drops what is pending', async () => {
	const hook = await receiver();
	try {
		await admin(kit.fake, 'PUT', '/webhooks', { targets: [{ url: hook.url }], delayMs: 150 });
		await contact();
		await admin(kit.fake, 'POST', '/reset', { seed: 'default' });
		await new Promise((r) => setTimeout(r, 250));
		expect(hook.got).toEqual([]);
		expect((await admin(kit.fake, 'GET', '/webhooks')).body).toMatchObject({ targets: [], pending: 0 });
	} finally {
		await hook.close();
	}
});
