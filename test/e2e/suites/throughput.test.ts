/**
 * Bulk runs in a real n8n against GHL's rate limit: with the fake's burst limit lowered to
 * 10 requests / 2 s, 30 items are paced under it (no 429), and scripted 429s are waited out and
 * retried. The fake's limit is put back afterwards.
 */
import { IDS } from '../harness/fixtures';
import { expectSuccess, matching, outputOf, setup, unique } from '../harness/helpers';

const { ctx, n8n, fake } = setup();
const workflow = ctx.workflows.agency;

async function adminCall(method: string, path: string, body?: unknown) {
	const res = await fetch(`${ctx.fakeUrl}/__admin${path}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!res.ok) throw new Error(`fake ${method} ${path}: ${res.status} ${await res.text()}`);
}

const contactsFor = (count: number, prefix: string) =>
	Array.from({ length: count }, (_, index) => ({
		locationId: IDS.locationB,
		email: `${unique(`${prefix}${index}`)}@e2e.test`,
		firstName: `Bulk${index}`,
	}));

beforeAll(async () => {
	await adminCall('PATCH', '/config', { rateLimit: { max: 10, intervalMs: 2_000 } });
	await adminCall('POST', '/rate-limit/reset');
});

afterAll(async () => {
	await adminCall('DELETE', '/faults');
	await adminCall('PATCH', '/config', { rateLimit: { max: 100, intervalMs: 10_000 } });
	await adminCall('POST', '/rate-limit/reset');
});

test('30 items in one location are paced under a 10 / 2 s limit: all created, no 429', async () => {
	const contacts = contactsFor(30, 'paced');
	const since = await fake.lastSeq();
	const started = Date.now();
	const { execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { contacts });
	const seconds = (Date.now() - started) / 1000;
	expectSuccess(execution);
	const requests = await fake.requests(since);
	expect(requests.filter((request) => request.status === 429)).toEqual([]);
	const creates = matching(requests, 'POST', /^\/contacts\/$/);
	expect(creates).toHaveLength(30);
	expect(outputOf(execution, 'Contact: create per location')).toHaveLength(30);
	// 30 requests at 10 per 2 s cannot all go in under two windows.
	expect(seconds).toBeGreaterThan(3.5);
});

test('scripted 429s on create are waited out and retried; each contact is created once', async () => {
	const contacts = contactsFor(3, 'retry');
	await adminCall('POST', '/faults', { status: 429, count: 2, method: 'POST', path: '/contacts/' });
	const since = await fake.lastSeq();
	const { execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { contacts });
	expectSuccess(execution);
	const creates = matching(await fake.requests(since), 'POST', /^\/contacts\/$/);
	expect(creates.filter((request) => request.status === 429)).toHaveLength(2);
	expect(creates.filter((request) => request.status === 201).map((request) => request.body.email).sort()).toEqual(
		contacts.map((contact) => contact.email).sort(),
	);
	const stored = (await fake.records('contacts')).filter((record) => contacts.some((contact) => contact.email === record.email));
	expect(stored).toHaveLength(3);
});
