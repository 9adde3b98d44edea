/**
 * The Private Integration credential in a real n8n: its base URL from n8n's credential overwrites,
 * its token sent by n8n's generic authentication, its Location ID used as the location. Plus the
 * credential's own "Test" button (n8n's credential tester runs our test request).
 */
import type { LoggedRequest } from '../harness/fake';
import { IDS } from '../harness/fixtures';
import { expectSuccess, firstOf, setup, unique } from '../harness/helpers';
import type { Execution } from '../harness/n8n';

const { ctx, n8n, fake } = setup();
const credential = ctx.credentials.pitB;

describe('Private Integration token (location B)', () => {
	const email = `${unique('pit')}@e2e.test`;
	let execution: Execution;
	let requests: LoggedRequest[];

	beforeAll(async () => {
		const since = await fake.lastSeq();
		({ execution } = await n8n.runViaWebhook(ctx.workflows.pit.id, ctx.workflows.pit.path, { email }));
		requests = await fake.requests(since);
		expectSuccess(execution);
	});

	test('upsert, note and get run with the token, in the credential\'s location, no OAuth involved', () => {
		expect(requests.map((request) => `${request.method} ${request.path.replace(/\/\w{20}(?=\/|$)/g, '/:id')} ${request.status}`)).toEqual([
			'POST /contacts/upsert 200',
			'POST /contacts/:id/notes 201',
			'GET /contacts/:id 200',
		]);
		for (const request of requests) {
			expect(request.headers.authorization).toBe(`Bearer ${IDS.pitB.slice(0, 9)}…`);
			expect(request).toMatchObject({ authClass: 'Location', locationId: IDS.locationB });
		}
		expect(requests[0].body).toMatchObject({ locationId: IDS.locationB, email, firstName: 'Pat', tags: ['pit'] });
	});

	test('the contact and its note land in location B', async () => {
		const contactId = firstOf(execution, 'Contact: upsert').id;
		expect(firstOf(execution, 'Contact: upsert')).toMatchObject({ isNew: true, locationId: IDS.locationB });
		expect(firstOf(execution, 'Contact: get')).toMatchObject({ id: contactId, email, tags: ['pit'], locationId: IDS.locationB });
		expect((await fake.records('contacts')).find((contact) => contact.id === contactId)).toMatchObject({
			locationId: IDS.locationB,
			email,
		});
		expect((await fake.records('notes')).filter((note) => note.contactId === contactId)).toEqual([
			expect.objectContaining({ body: 'Written with a Private Integration token' }),
		]);
	});
});

describe('credential test (Credentials → Test)', () => {
	const test_ = async (data: Record<string, string>) =>
		await n8n.rest<{ status: string; message: string }>('POST', '/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data },
		});

	test('the stored token passes: GET /locations/:locationId at the fake answers 200', async () => {
		const since = await fake.lastSeq();
		const result = await test_({ accessToken: IDS.pitB, locationId: IDS.locationB });
		expect(result.status).toBe('OK');
		const [request] = await fake.requests(since);
		expect(request).toMatchObject({ method: 'GET', path: `/locations/${IDS.locationB}`, status: 200 });
		expect(request.headers.version).toBe('2021-07-28');
	});

	test('a wrong token fails the test', async () => {
		const result = await test_({ accessToken: 'pit-not-a-real-token', locationId: IDS.locationB });
		expect(result.status).toBe('Error');
	});
});
