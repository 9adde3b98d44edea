/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * OAuth2 as n8n really runs it: the credential's token endpoint comes from n8n's credential
 * overwrites, n8n refreshes on the 401, GHL's single-use refresh token rotates, and n8n stores the
 * rotated pair in its database (read back with `n8n export:credentials --decrypted`). Then an
 * agency (Company) install reaching two locations through minted location tokens.
 */
import type { LoggedRequest } from '../harness/fake';
import { IDS, oauthCredential } from '../harness/fixtures';
import { expectSuccess, matching, outputOf, setup, unique } from '../harness/helpers';
import type { Execution } from '../harness/n8n';

const { ctx, n8n, fake } = setup();

describe('OAuth2 sub-account credential with an expired access token', () => {
	const credential = { ...ctx.credentials.oauthExpired };
	const workflow = ctx.workflows.oauthExpired;
	let first: { execution: Execution; requests: LoggedRequest[] };
	let rotated: { access_token: string; refresh_token: string };

	const run = async (email: string) => {
		const since = await fake.lastSeq();
		const { execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { email });
		return { execution, requests: await fake.requests(since) };
	};

	beforeAll(async () => {
		if (process.env.GHL_E2E_REUSE === '1') {
			// A reused dev instance already refreshed this credential: give it a fresh expired pair,
			// written the way the global setup does (n8n import:credentials).
			const token = await fake.mintToken({ locationId: IDS.locationA, expiresInSec: -60 });
			await n8n.importCredentials([oauthCredential({ id: credential.id, name: credential.name, type: credential.type }, token)]);
			credential.accessToken = token.access_token;
			credential.refreshToken = token.refresh_token;
		}
		first = await run(`${unique('refresh')}@e2e.test`);
	});

	test('the first request meets the expired token (401), n8n refreshes once and retries it', () => {
		expectSuccess(first.execution);
		const calls = first.requests.map((request) => `${request.method} ${request.path} ${request.status}`);
		expect(calls[0]).toBe('POST /contacts/upsert 401');
		expect(first.requests[0].responseBody).toMatchObject({ statusCode: 401, message: 'Invalid JWT' });
		expect(calls[1]).toBe('POST /oauth/token 200');
		expect(calls[2]).toBe('POST /contacts/upsert 200');
		expect(calls.slice(3)).toEqual([expect.stringMatching(/^GET \/contacts\/\w+ 200$/)]);

		const refreshes = matching(first.requests, 'POST', /^\/oauth\/token$/);
		expect(refreshes).toHaveLength(1);
		expect(refreshes[0].body).toMatchObject({
			grant_type: 'refresh_token',
			refresh_token: credential.refreshToken,
			client_id: IDS.clientId,
			// (the fake logs the secret masked; a wrong one would have been answered 401)
			client_secret: '***',
		});
		rotated = refreshes[0].responseBody;
		expect(rotated.access_token).not.toBe(credential.accessToken);
		expect(rotated.refresh_token).not.toBe(credential.refreshToken);
	});

	test('the rotated access and refresh tokens are persisted in n8n (export:credentials --decrypted)', async () => {
		const stored = await n8n.exportCredential(credential.id);
		expect(stored.type).toBe('ghlOAuth2Api');
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: rotated.access_token,
			refresh_token: rotated.refresh_token,
			locationId: IDS.locationA,
		});
		// Only the tokens were written back: the overwritten URLs are not stored.
		expect(stored.data.apiBaseUrl).toBeUndefined();
		expect(stored.data.accessTokenUrl).toBeUndefined();
		expect(stored.data.clientId).toBe(IDS.clientId);
	});

	test('the old refresh token is dead at GHL (single use)', async () => {
		const res = await fetch(`${ctx.fakeUrl}/oauth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'refresh_token',
				refresh_token: credential.refreshToken,
				client_id: IDS.clientId,
				client_secret: IDS.clientSecret,
			}).toString(),
		});
		expect(res.status).toBe(400);
		expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
	});

	test('the next execution uses the stored tokens: no refresh, no 401', async () => {
		const second = await run(`${unique('refresh')}@e2e.test`);
		expectSuccess(second.execution);
		expect(second.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'POST /contacts/upsert 200',
			expect.stringMatching(/^GET \/contacts\/\w+ 200$/),
		]);
		// The old access token is expired at the fake (it would get a 401), so these 200s were made
		// with the rotated one read from n8n's database.
	});
});

describe('OAuth2: two executions meet the same expired token at once', () => {
	const credential = { ...ctx.credentials.oauthRace };
	const workflow = ctx.workflows.oauthRace;

	test('both succeed; GHL sees exactly one successful refresh and n8n keeps its tokens', async () => {
		if (process.env.GHL_E2E_REUSE === '1') {
			const token = await fake.mintToken({ locationId: IDS.locationA, expiresInSec: -60 });
			await n8n.importCredentials([oauthCredential({ id: credential.id, name: credential.name, type: credential.type }, token)]);
			credential.refreshToken = token.refresh_token;
		}
		const emails = [`${unique('race-1')}@e2e.test`, `${unique('race-2')}@e2e.test`];
		const since = await fake.lastSeq();
		const before = await n8n.lastExecutionId(workflow.id);
		// Slow answers keep both first requests in flight together: each meets the expired token
		// before either execution has seen a 401, so they really meet it at once.
		await fake.configure({ latency: { minMs: 1500, maxMs: 1500 } });
		let answers: Array<{ status: number }>;
		let executions: Execution[];
		try {
			answers = await Promise.all(emails.map(async (email) => await n8n.postWebhook(workflow.path, { email })));
			const started = await n8n.waitForExecutions(workflow.id, before, 2, { settleMs: 500 });
			executions = await Promise.all(started.map(async (summary) => await n8n.execution(summary.id)));
		} finally {
			await fake.configure({ latency: { minMs: 0, maxMs: 0 } });
		}
		const requests = await fake.requests(since);

		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		expect(executions).toHaveLength(2);
		executions.forEach(expectSuccess);
		// Both sent the expired token (two 401s) and the second was sent before the first was answered.
		const expired = requests.filter((request) => request.status === 401 && !request.path.startsWith('/oauth/'));
		expect(expired).toHaveLength(2);
		const [first, second] = expired.map((request) => ({ start: Date.parse(request.time), end: Date.parse(request.time) + request.durationMs }));
		expect(second.start).toBeLessThan(first.end);
		const refreshes = matching(requests, 'POST', /^\/oauth\/token$/);
		const won = refreshes.filter((request) => request.status === 200);
		expect(won).toHaveLength(1);
		expect(won[0].body.refresh_token).toBe(credential.refreshToken);
		// A second attempt, if any, used the same single-use token and was refused; it did not fail the run.
		expect(refreshes.filter((request) => request.status !== 200).map((request) => request.status)).toEqual(
			refreshes.length > 1 ? [400] : [],
		);
		const stored = (await fake.records('contacts')).filter((contact) => emails.includes(contact.email));
		expect(stored.map((contact) => contact.email).sort()).toEqual([...emails].sort());

		const persisted = await n8n.exportCredential(credential.id);
		expect(persisted.data.oauthTokenData).toMatchObject({
			access_token: won[0].responseBody.access_token,
			refresh_token: won[0].responseBody.refresh_token,
		});
	});
});

describe('OAuth2: ten executions meet the same expired token at once', () => {
	const credential = { ...ctx.credentials.oauthRace };
	const workflow = ctx.workflows.oauthRace;

	// n8n 2.x refreshes once per credential in a process; n8n 1.x lets every execution refresh with
	// the same single-use token, and the node waits for the winner's rotated token (refreshRace.ts).
	test('all succeed with the one refresh GHL accepted; n8n keeps the rotated tokens', async () => {
		const token = await fake.mintToken({ locationId: IDS.locationA, expiresInSec: -60 });
		await n8n.importCredentials([oauthCredential({ id: credential.id, name: credential.name, type: credential.type }, token)]);
		const emails = Array.from({ length: 10 }, (_, index) => `${unique(`race10-${index}`)}@e2e.test`);
		const since = await fake.lastSeq();
		const before = await n8n.lastExecutionId(workflow.id);
		await fake.configure({ latency: { minMs: 1500, maxMs: 1500 } });
		let answers: Array<{ status: number; text: string }>;
		let executions: Execution[];
		try {
			answers = await Promise.all(emails.map(async (email) => await n8n.postWebhook(workflow.path, { email })));
			const started = await n8n.waitForExecutions(workflow.id, before, 10, { settleMs: 500 });
			executions = await Promise.all(started.map(async (summary) => await n8n.execution(summary.id)));
		} finally {
			await fake.configure({ latency: { minMs: 0, maxMs: 0 } });
		}
		const requests = await fake.requests(since);

		expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 200));
		expect(executions).toHaveLength(10);
		executions.forEach(expectSuccess);
		const refreshes = matching(requests, 'POST', /^\/oauth\/token$/);
		const won = refreshes.filter((request) => request.status === 200);
		expect(won).toHaveLength(1);
		expect(won[0].body.refresh_token).toBe(token.refresh_token);
		expect(refreshes.filter((request) => request.status !== 200).every((request) => request.status === 400)).toBe(true);
		const stored = (await fake.records('contacts')).filter((contact) => emails.includes(contact.email));
		expect(stored.map((contact) => contact.email).sort()).toEqual([...emails].sort());
		expect((await n8n.exportCredential(credential.id)).data.oauthTokenData).toMatchObject({
			access_token: won[0].responseBody.access_token,
			refresh_token: won[0].responseBody.refresh_token,
		});
	});
});

describe('OAuth2 agency (Company) credential: two locations in one execution', () => {
	const workflow = ctx.workflows.agency;
	const contacts = [
		{ locationId: IDS.locationA, email: `${unique('agency-a')}@e2e.test`, firstName: 'Alpha' },
		{ locationId: IDS.locationB, email: `${unique('agency-b')}@e2e.test`, firstName: 'Bravo' },
	];
	let execution: Execution;
	let requests: LoggedRequest[];

	beforeAll(async () => {
		const since = await fake.lastSeq();
		({ execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { contacts }));
		requests = await fake.requests(since);
		expectSuccess(execution);
	});

	test('one node creates a contact in each location, the location taken from the item', () => {
		const created = outputOf(execution, 'Contact: create per location');
		expect(created.map((contact) => [contact.locationId, contact.email])).toEqual(contacts.map((c) => [c.locationId, c.email]));
	});

	test('the fake stores each contact in its own location', async () => {
		const stored = await fake.records('contacts');
		for (const contact of contacts) {
			expect(stored.filter((record) => record.email === contact.email)).toEqual([
				expect.objectContaining({ locationId: contact.locationId, firstName: contact.firstName }),
			]);
		}
	});

	test('location tokens are minted with the Company token (at most once per location) and used per location', () => {
		const mints = matching(requests, 'POST', /^\/oauth\/locationToken$/);
		// The node keeps minted tokens in memory: at most one mint per location, none for a location
		// whose token an earlier suite (pickers) already minted in this n8n.
		expect(mints.length).toBeGreaterThanOrEqual(process.env.GHL_E2E_REUSE === '1' ? 0 : 1);
		expect(mints.length).toBeLessThanOrEqual(2);
		for (const mint of mints) {
			expect(mint.status).toBe(200);
			expect(mint.authClass).toBe('Company');
			expect(mint.body).toMatchObject({ companyId: IDS.companyId });
		}
		expect(mints.map((mint) => mint.body.locationId).sort()).toEqual([...new Set(mints.map((mint) => mint.body.locationId))].sort());

		const creates = matching(requests, 'POST', /^\/contacts\/$/);
		// Items run concurrently (different locations, different rate-limit buckets): any order.
		const seen = creates.map((create) => [create.status < 300, create.authClass, create.locationId, create.body.locationId]);
		expect(seen.sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
			[true, 'Location', IDS.locationA, IDS.locationA],
			[true, 'Location', IDS.locationB, IDS.locationB],
		]);
	});

	test('a later node reads location B with the cached location token', () => {
		expect(outputOf(execution, 'Contact: getAll in B').map((contact) => contact.email)).toEqual([contacts[1].email]);
		const [search] = matching(requests, 'POST', /^\/contacts\/search$/);
		expect(search).toMatchObject({ status: 200, authClass: 'Location', locationId: IDS.locationB });
	});
});
