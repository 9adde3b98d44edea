/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * OAuth2 in queue mode, where the credential is shared by processes: n8n 2.41 serialises a
 * credential's refresh inside one process only, so two workers meeting one expired token can
 * both refresh with the same single-use refresh token. Twenty executions, spread over both
 * workers, meet one expired access token at once; then an agency (Company) credential's minted
 * location tokens are used on both workers.
 */
import type { LoggedRequest } from '../../e2e/harness/fake';
import { IDS, oauthCredential } from '../../e2e/harness/fixtures';
import { describeFailure, type Execution } from '../../e2e/harness/n8n';
import { expectSuccess, matching, outputOf, unique } from '../../e2e/harness/helpers';
import { setupQueue, workersOf } from '../helpers';

const { ctx, n8n, fake } = setupQueue();

describe('OAuth2: twenty executions on two workers meet one expired access token', () => {
	const credential = ctx.credentials.oauthRace;
	const workflow = ctx.workflows.oauthRace;
	const emails = Array.from({ length: 20 }, (_, index) => `${unique(`queue-race-${index}`)}@e2e.test`);
	let token: { access_token: string; refresh_token: string };
	let executions: Execution[];
	let statuses: number[];
	let requests: LoggedRequest[];
	let ranOn: Record<string, string[]>;

	beforeAll(async () => {
		// A fresh expired pair, written the way the global setup writes credentials.
		token = await fake.mintToken({ locationId: IDS.locationA, expiresInSec: -60 });
		await n8n.importCredentials([oauthCredential({ id: credential.id, name: credential.name, type: credential.type }, token as never)]);
		const since = await fake.lastSeq();
		// Slow answers keep the first requests of all twenty in flight together.
		await fake.configure({ latency: { minMs: 1500, maxMs: 1500 } });
		try {
			const run = await n8n.runConcurrently(workflow.id, workflow.path, emails.map((email) => ({ email })));
			executions = run.executions;
			statuses = run.responses.map((response) => response.status);
		} finally {
			await fake.configure({ latency: { minMs: 0, maxMs: 0 } });
		}
		requests = await fake.requests(since);
		ranOn = await workersOf(ctx, executions);
	});

	test('all twenty succeed (0 failed executions) and every contact is stored', async () => {
		expect(statuses).toEqual(emails.map(() => 200));
		expect(executions).toHaveLength(20);
		const failed = executions.filter((execution) => execution.status !== 'success').map(describeFailure);
		expect(failed).toEqual([]);
		const stored = (await fake.records('contacts')).filter((contact) => emails.includes(contact.email));
		expect(stored.map((contact) => contact.email).sort()).toEqual([...emails].sort());
	});

	test('they ran on both workers, each execution on one', () => {
		for (const execution of executions) expect(ranOn[execution.id]).toEqual([expect.stringMatching(/^worker-\d$/)]);
		const perWorker = Object.values(ranOn)
			.flat()
			.reduce<Record<string, number>>((counts, name) => ({ ...counts, [name]: (counts[name] ?? 0) + 1 }), {});
		expect(Object.keys(perWorker).sort()).toEqual(ctx.queue.workers.map((worker) => worker.name).sort());
		process.stderr.write(`[queue] expired-token executions per worker: ${JSON.stringify(perWorker)}\n`);
	});

	test('GHL accepted exactly one refresh (the original refresh token); any other attempt was refused and failed no run', () => {
		const expired = requests.filter((request) => request.status === 401 && !request.path.startsWith('/oauth/'));
		const refreshes = matching(requests, 'POST', /^\/oauth\/token$/);
		const won = refreshes.filter((request) => request.status === 200);
		process.stderr.write(
			`[queue] 20 executions on one expired token: ${expired.length} requests answered 401, ${refreshes.length} refresh attempts (${refreshes
				.map((request) => request.status)
				.join(', ')})\n`,
		);
		expect(expired.length).toBeGreaterThanOrEqual(1);
		expect(won).toHaveLength(1);
		expect(won[0].body.refresh_token).toBe(token.refresh_token);
		expect(refreshes.filter((request) => request.status !== 200).map((request) => request.status)).toEqual(refreshes.slice(1).map(() => 400));
	});

	test('n8n stored the rotated tokens (export:credentials --decrypted), and the next execution uses them without a refresh', async () => {
		const won = matching(requests, 'POST', /^\/oauth\/token$/).find((request) => request.status === 200)!;
		expect((await n8n.exportCredential(credential.id)).data.oauthTokenData).toMatchObject({
			access_token: won.responseBody.access_token,
			refresh_token: won.responseBody.refresh_token,
		});
		const since = await fake.lastSeq();
		const { execution } = await n8n.runViaWebhook(workflow.id, workflow.path, { email: `${unique('queue-after-race')}@e2e.test` });
		expectSuccess(execution);
		expect((await fake.requests(since)).map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
			'POST /contacts/upsert 200',
			expect.stringMatching(/^GET \/contacts\/\w+ 200$/),
		]);
	});
});

describe('OAuth2 agency (Company) credential on both workers', () => {
	const workflow = ctx.workflows.agency;
	const bodies = Array.from({ length: 6 }, (_, index) => ({
		contacts: [
			{ locationId: IDS.locationA, email: `${unique(`queue-agency-a${index}`)}@e2e.test`, firstName: 'Alpha' },
			{ locationId: IDS.locationB, email: `${unique(`queue-agency-b${index}`)}@e2e.test`, firstName: 'Bravo' },
		],
	}));
	let executions: Execution[];
	let requests: LoggedRequest[];
	let ranOn: Record<string, string[]>;

	beforeAll(async () => {
		const since = await fake.lastSeq();
		({ executions } = await n8n.runConcurrently(workflow.id, workflow.path, bodies));
		requests = await fake.requests(since);
		ranOn = await workersOf(ctx, executions);
	});

	test('every execution succeeded, and both workers ran some', () => {
		expect(executions).toHaveLength(bodies.length);
		executions.forEach(expectSuccess);
		for (const execution of executions) expect(ranOn[execution.id]).toEqual([expect.stringMatching(/^worker-\d$/)]);
		expect(new Set(Object.values(ranOn).flat())).toEqual(new Set(ctx.queue.workers.map((worker) => worker.name)));
	});

	test('on each worker, one node wrote a contact into each location, and read location B back', async () => {
		const stored = await fake.records('contacts');
		for (const execution of executions) {
			const created = outputOf(execution, 'Contact: create per location');
			const body = bodies.find((candidate) => candidate.contacts[0].email === created[0]?.email)!;
			expect(created.map((contact) => [contact.locationId, contact.email])).toEqual(body.contacts.map((contact) => [contact.locationId, contact.email]));
			for (const contact of body.contacts) {
				expect(stored.filter((record) => record.email === contact.email)).toEqual([expect.objectContaining({ locationId: contact.locationId, firstName: contact.firstName })]);
			}
			expect(outputOf(execution, 'Contact: getAll in B').map((contact) => contact.email)).toEqual([body.contacts[1].email]);
		}
	});

	test('the writes used location tokens minted with the Company token (at most one per location and worker)', () => {
		const creates = matching(requests, 'POST', /^\/contacts\/$/);
		expect(creates).toHaveLength(bodies.length * 2);
		for (const create of creates) {
			expect(create.status).toBeLessThan(300);
			expect(create.authClass).toBe('Location');
			expect(create.locationId).toBe(create.body.locationId);
		}
		const mints = matching(requests, 'POST', /^\/oauth\/locationToken$/);
		for (const mint of mints) {
			expect(mint).toMatchObject({ status: 200, authClass: 'Company', body: expect.objectContaining({ companyId: IDS.companyId }) });
		}
		// Each worker keeps its own minted tokens in memory: at most one mint per location per worker.
		const perLocation = mints.reduce<Record<string, number>>((counts, mint) => ({ ...counts, [mint.body.locationId]: (counts[mint.body.locationId] ?? 0) + 1 }), {});
		process.stderr.write(`[queue] agency: location tokens minted ${JSON.stringify(perLocation)} for ${bodies.length} executions on 2 workers\n`);
		expect(Object.keys(perLocation).sort()).toEqual([IDS.locationA, IDS.locationB].sort());
		for (const count of Object.values(perLocation)) expect(count).toBeLessThanOrEqual(ctx.queue.workers.length);
	});
});
