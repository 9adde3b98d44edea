/**
 * The Connect button, end to end, as a user does it in the editor: a new OAuth2 credential with
 * only the app's client ID and secret → n8n's /rest/oauth2-credential/auth → GHL's consent page
 * (the fake stands in for both marketplace hosts: it gets the same path and query, plus the
 * user's choice of sub-account or agency) → n8n's callback with the code and n8n's state → n8n
 * exchanges the code at the token URL → the tokens n8n stored → a workflow request with them.
 * Runs on both n8n lines (GHL_N8N_VERSION).
 */
import { GHL_DEFAULT_SCOPES } from '../../../credentials/GhlOAuth2Api.credentials';
import { GHL_AUTH_URL, GHL_WHITE_LABEL_AUTH_URL } from '../../../nodes/shared/ghlHosts';
import type { LoggedRequest } from '../harness/fake';
import { body, byId, chain, ghl, IDS, output, webhookNode } from '../harness/fixtures';
import { expectSuccess, firstOf, matching, setup, unique } from '../harness/helpers';

const { ctx, n8n, fake } = setup();

interface Install {
	title: string;
	authUrl: string;
	/** What the user picks on GHL's consent page. */
	consent: Record<string, string>;
	/** The location the workflow writes to (an agency token is exchanged for one). */
	location?: string;
	stored: Record<string, unknown>;
}

const INSTALLS: Install[] = [
	{
		title: 'sub-account install, standard marketplace',
		authUrl: GHL_AUTH_URL,
		consent: { location_id: IDS.locationA },
		stored: { userType: 'Location', locationId: IDS.locationA, companyId: IDS.companyId },
	},
	{
		title: 'agency install, standard marketplace',
		authUrl: GHL_AUTH_URL,
		consent: { user_type: 'Company' },
		location: IDS.locationB,
		stored: { userType: 'Company', companyId: IDS.companyId },
	},
	{
		title: 'sub-account install, white-label marketplace',
		authUrl: GHL_WHITE_LABEL_AUTH_URL,
		consent: { location_id: IDS.locationB },
		stored: { userType: 'Location', locationId: IDS.locationB, companyId: IDS.companyId },
	},
	{
		title: 'agency install, white-label marketplace',
		authUrl: GHL_WHITE_LABEL_AUTH_URL,
		consent: { user_type: 'Company' },
		location: IDS.locationA,
		stored: { userType: 'Company', companyId: IDS.companyId },
	},
];

describe.each(INSTALLS)('Connect button: $title', (install) => {
	let credential: { id: string; name: string; type: string };
	let authorization: URL;
	let consentAnswer: { status: number; location: URL };
	let callback: { status: number; text: string };
	let exchange: LoggedRequest[];

	beforeAll(async () => {
		// The credential as the editor's form saves it: only what the user types or picks.
		credential = await n8n.rest('POST', '/credentials', {
			name: unique(`Connect ${install.title}`),
			type: 'ghlOAuth2Api',
			data: { clientId: IDS.clientId, clientSecret: IDS.clientSecret, authUrl: install.authUrl, scope: GHL_DEFAULT_SCOPES },
		});
		authorization = new URL(await n8n.rest<string>('GET', `/oauth2-credential/auth?id=${encodeURIComponent(credential.id)}`));

		// GHL's consent page: same path and query at the fake, with the user's choice.
		const consent = new URL(`${authorization.pathname}${authorization.search}`, ctx.fakeUrl);
		for (const [key, value] of Object.entries(install.consent)) consent.searchParams.set(key, value);
		const answer = await fetch(consent, { redirect: 'manual' });
		consentAnswer = { status: answer.status, location: new URL(answer.headers.get('location') ?? 'about:blank') };

		const since = await fake.lastSeq();
		callback = await n8n.browse(consentAnswer.location.toString());
		exchange = matching(await fake.requests(since), 'POST', /^\/oauth\/token$/);
	});

	test("n8n sends the user to the credential's marketplace with GHL's authorization-code parameters", () => {
		expect(`${authorization.origin}${authorization.pathname}`).toBe(install.authUrl);
		const query = Object.fromEntries(authorization.searchParams);
		expect(query).toMatchObject({ response_type: 'code', client_id: IDS.clientId, scope: GHL_DEFAULT_SCOPES });
		expect(query.redirect_uri).toMatch(/^https?:\/\/[^/]+\/rest\/oauth2-credential\/callback$/);
		expect(query.state).toEqual(expect.any(String));
	});

	test("GHL's consent page returns to n8n's callback with a code and n8n's state", () => {
		expect(consentAnswer.status).toBe(302);
		expect(`${consentAnswer.location.origin}${consentAnswer.location.pathname}`).toBe(authorization.searchParams.get('redirect_uri'));
		expect(consentAnswer.location.searchParams.get('state')).toBe(authorization.searchParams.get('state'));
		expect(consentAnswer.location.searchParams.get('code')).toEqual(expect.any(String));
	});

	test('n8n exchanges the code once at the token URL and shows "Connection successful"', () => {
		expect(callback.status).toBe(200);
		expect(callback.text).toContain('Connection successful');
		expect(exchange).toHaveLength(1);
		expect(exchange[0].status).toBe(200);
		expect(exchange[0].body).toMatchObject({
			grant_type: 'authorization_code',
			code: consentAnswer.location.searchParams.get('code'),
			redirect_uri: authorization.searchParams.get('redirect_uri'),
			client_id: IDS.clientId,
			client_secret: '***',
		});
	});

	test("n8n stores GHL's token answer (tokens, userType, location or company) in the credential", async () => {
		const stored = await n8n.exportCredential(credential.id);
		const answer = exchange[0].responseBody;
		expect(stored.data.oauthTokenData).toMatchObject({
			access_token: answer.access_token,
			refresh_token: answer.refresh_token,
			...install.stored,
		});
		if (install.stored.userType === 'Company') expect(stored.data.oauthTokenData.locationId).toBeUndefined();
		expect(stored.data.authUrl).toBe(install.authUrl);
	});

	test('a workflow with the connected credential writes to GHL', async () => {
		const path = unique('e2e-connect');
		const target = install.location ?? String(install.stored.locationId);
		const location = install.location ? { location: byId(install.location) } : {};
		const workflow = chain({ id: '', name: `E2E: connected ${install.title}`, path }, [
			webhookNode(path),
			ghl('Contact: upsert', credential, 'contact', 'upsert', {
				...location,
				email: body('email'),
				phone: '',
				additionalFields: { firstName: 'Connected' },
				options: {},
			}),
			ghl('Contact: get', credential, 'contact', 'get', { ...location, contactId: byId(output('Contact: upsert')), options: {} }),
		]);
		const { name, nodes, connections, settings, active } = workflow;
		// (n8n 1.x's workflow table wants `active` in the body)
		const created = await n8n.rest<{ id: string }>('POST', '/workflows', { name, nodes, connections, settings, active });
		await n8n.activate(created.id);

		const since = await fake.lastSeq();
		const email = `${unique('connected')}@e2e.test`;
		const { execution } = await n8n.runViaWebhook(created.id, path, { email });
		expectSuccess(execution);
		expect(firstOf(execution, 'Contact: get')).toMatchObject({ email, locationId: target, firstName: 'Connected' });

		const requests = await fake.requests(since);
		const upsert = matching(requests, 'POST', /^\/contacts\/upsert$/);
		expect(upsert).toEqual([expect.objectContaining({ status: 200, locationId: target })]);
		const minted = matching(requests, 'POST', /^\/oauth\/locationToken$/);
		if (install.stored.userType === 'Company') {
			// This new credential mints its own location token (tokens are cached per credential: another
			// suite's agency credential of the same app and company never lends it one).
			expect(upsert[0].authClass).toBe('Location');
			expect(minted).toHaveLength(1);
			expect(minted[0]).toMatchObject({ status: 200, companyId: IDS.companyId });
			expect(minted[0].body).toMatchObject({ companyId: IDS.companyId, locationId: target });
		} else {
			expect(minted).toEqual([]);
			expect(upsert[0].authClass).toBe('Location');
		}
	});
});
