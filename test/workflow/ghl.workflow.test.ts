/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { GhlOAuth2Api } from '../../credentials/GhlOAuth2Api.credentials';
import { GhlPrivateIntegrationApi } from '../../credentials/GhlPrivateIntegrationApi.credentials';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { useGhlTestEnvironment } from '../helpers/setup';
import { HarnessCredentialsHelper, runWorkflow, type HarnessCredential } from './harness';

/**
 * The built node run by n8n-core's real engine: parameter and expression resolution, credential
 * signing, OAuth2 refresh and persistence are n8n's, not a mock's.
 */
const API = 'https://ghl.test';
const TYPE = 'n8n-nodes-ghl.ghl';
const credentialTypes = [new GhlOAuth2Api(), new GhlPrivateIntegrationApi()];

const oauthCredential = (tokenData: IDataObject): HarnessCredential => ({
	id: 'cred-oauth',
	name: 'GHL OAuth',
	data: {
		clientId: 'app77-xyz',
		clientSecret: 'the-client-secret',
		accessTokenUrl: `${API}/oauth/token`,
		apiBaseUrl: API,
		oauthTokenData: tokenData,
	},
});

const ghlNode = (parameters: INodeParameters) => ({ name: 'GHL', type: TYPE, parameters });

useGhlTestEnvironment({ virtualClock: false });

describe('GHL node inside n8n-core', () => {
	it('resolves expressions per item and sends each upsert with the Private Integration token', async () => {
		const api = nock(API, { reqheaders: { authorization: 'Bearer pit-123', version: '2021-07-28' } });
		api.post('/contacts/upsert', { email: 'a@x.io', firstName: 'Ann', locationId: 'loc1' }).reply(200, { new: true, contact: { id: 'ca' } });
		api.post('/contacts/upsert', { email: 'b@x.io', firstName: 'Bob', locationId: 'loc1' }).reply(200, { new: false, contact: { id: 'cb' } });

		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlPrivateIntegrationApi: { id: 'pit', name: 'PIT', data: { accessToken: 'pit-123', locationId: 'loc1', apiBaseUrl: API } } },
			items: [{ mail: 'a@x.io', first: 'Ann' }, { mail: 'b@x.io', first: 'Bob' }],
			nodes: [
				ghlNode({
					authentication: 'ghlPrivateIntegrationApi',
					resource: 'contact',
					operation: 'upsert',
					email: '={{ $json.mail }}',
					additionalFields: { firstName: '={{ $json.first }}' },
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0]).toEqual([
			{ json: { id: 'ca', isNew: true }, pairedItem: { item: 0 } },
			{ json: { id: 'cb', isNew: false }, pairedItem: { item: 1 } },
		]);
	});

	it('an expired OAuth2 token leads to exactly one refresh, a successful retry, and persisted rotated tokens', async () => {
		let refreshes = 0;
		nock(API)
			.post('/oauth/token', (body) => {
				refreshes++;
				return body.grant_type === 'refresh_token' && body.refresh_token === 'refresh-1' && body.client_id === 'app77-xyz' && body.client_secret === 'the-client-secret';
			})
			.reply(200, { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 86399, token_type: 'Bearer', userType: 'Location', locationId: 'loc1' });
		nock(API, { reqheaders: { authorization: 'Bearer access-1' } }).get('/contacts/c1').reply(401, { statusCode: 401, message: 'Invalid JWT' });
		nock(API, { reqheaders: { authorization: 'Bearer access-2', version: '2021-07-28' } }).get('/contacts/c1').reply(200, { contact: { id: 'c1' } });

		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'access-1', refresh_token: 'refresh-1', token_type: 'Bearer', userType: 'Location', locationId: 'loc1' }) },
			nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0][0].json).toEqual({ id: 'c1' });
		expect(refreshes).toBe(1);
		const stored = result.credentialsHelper.getStored('cred-oauth');
		expect(stored?.oauthTokenData).toMatchObject({ access_token: 'access-2', refresh_token: 'refresh-2', userType: 'Location', locationId: 'loc1' });
	});

	it('many items failing 401 at once still refresh exactly once', async () => {
		let refreshes = 0;
		nock(API)
			.post('/oauth/token')
			.reply(() => {
				refreshes++;
				return [200, { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 86399 }];
			});
		nock(API, { reqheaders: { authorization: 'Bearer access-1' } }).get(/\/contacts\/c\d/).times(8).reply(401, { message: 'Invalid JWT' });
		nock(API, { reqheaders: { authorization: 'Bearer access-2' } }).get(/\/contacts\/c\d/).times(8).reply(200, (uri) => ({ contact: { id: uri.split('/').pop() } }));

		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'access-1', refresh_token: 'refresh-1', userType: 'Location', locationId: 'loc1' }) },
			items: Array.from({ length: 8 }, (_, i) => ({ id: `c${i}` })),
			nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } })],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0].map((item) => item.json.id)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
		expect(refreshes).toBe(1);
	});

	it('a used refresh token surfaces n8n\'s "reconnect" error without leaking secrets', async () => {
		nock(API).post('/oauth/token').reply(400, { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' });
		nock(API).get('/contacts/c1').reply(401, { message: 'Invalid JWT' });
		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'access-1', refresh_token: 'refresh-1', userType: 'Location', locationId: 'loc1' }) },
			nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
		});
		expect(result.error?.message).toMatch(/needs to be reconnected/);
		const serialized = JSON.stringify(result.run.data);
		for (const secret of ['access-1', 'refresh-1', 'the-client-secret']) expect(serialized).not.toContain(secret);
	}, 15_000);

	it('an agency (Company) token mints a location token once per location and drives two locations', async () => {
		const company = nock(API, { reqheaders: { authorization: 'Bearer company-access', version: '2021-07-28' } });
		company
			.post('/oauth/locationToken', 'companyId=comp1&locationId=locA')
			.reply(200, { access_token: 'token-A', expires_in: 86399, locationId: 'locA' });
		company
			.post('/oauth/locationToken', 'companyId=comp1&locationId=locB')
			.reply(200, { access_token: 'token-B', expires_in: 86399, locationId: 'locB' });
		nock(API, { reqheaders: { authorization: 'Bearer token-A' } })
			.post('/contacts/upsert', (body) => body.locationId === 'locA')
			.times(2)
			.reply(200, { new: true, contact: { id: 'in-A' } });
		nock(API, { reqheaders: { authorization: 'Bearer token-B' } })
			.post('/contacts/upsert', (body) => body.locationId === 'locB')
			.reply(200, { new: true, contact: { id: 'in-B' } });

		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'company-access', refresh_token: 'r', userType: 'Company', companyId: 'comp1' }) },
			items: [{ loc: 'locA', email: 'a1@x.io' }, { loc: 'locB', email: 'b1@x.io' }, { loc: 'locA', email: 'a2@x.io' }],
			nodes: [
				ghlNode({
					location: { __rl: true, mode: 'id', value: '={{ $json.loc }}' },
					resource: 'contact',
					operation: 'upsert',
					email: '={{ $json.email }}',
				}),
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0].map((item) => item.json.id)).toEqual(['in-A', 'in-B', 'in-A']);
		expect(JSON.stringify(result.output)).not.toContain('token-A');
	});

	it('an expired agency (Company) token is refreshed once and stays a Company token', async () => {
		let refreshBody: Record<string, string> = {};
		nock(API)
			.post('/oauth/token', (body) => {
				refreshBody = body;
				return true;
			})
			// GHL's refresh answer may omit the company fields; what n8n stores must keep them.
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
			.reply(200, { access_token: 'company-2', refresh_token: 'company-refresh-2', expires_in: 86399, userType: 'Company' });
		nock(API, { reqheaders: { authorization: 'Bearer company-1' } }).post('/oauth/locationToken').reply(401, { message: 'Invalid JWT' });
		nock(API, { reqheaders: { authorization: 'Bearer company-2' } }).post('/oauth/locationToken', 'companyId=comp1&locationId=locA').reply(200, { access_token: 'token-A', expires_in: 86399 });
		nock(API, { reqheaders: { authorization: 'Bearer token-A' } }).get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'company-1', refresh_token: 'company-refresh-1', userType: 'Company', companyId: 'comp1' }) },
			nodes: [ghlNode({ location: { __rl: true, mode: 'id', value: 'locA' }, resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
		});
		expect(result.error).toBeUndefined();
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
		expect(refreshBody).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'company-refresh-1' });
		expect(result.credentialsHelper.getStored('cred-oauth')?.oauthTokenData).toMatchObject({
			access_token: 'company-2',
			// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
			refresh_token: 'company-refresh-2',
			userType: 'Company',
			companyId: 'comp1',
		});
	});

	it('an agency token without a Location is a clear error before any request', async () => {
		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlOAuth2Api: oauthCredential({ access_token: 'company-access', userType: 'Company', companyId: 'comp1' }) },
			nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
		});
		expect(result.error?.message).toContain('Choose a Location');
	});

	it('pagination through the engine keeps locationId on every page', async () => {
		const api = nock(API, { reqheaders: { authorization: 'Bearer pit-123' } });
		const page = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${from + i}`, searchAfter: [from + i] }));
		api.post('/contacts/search', (b) => b.locationId === 'loc1' && b.page === 1 && b.pageLimit === 500).reply(200, { contacts: page(0, 500), total: 700 });
		api.post('/contacts/search', (b) => b.locationId === 'loc1' && b.page === 2 && b.pageLimit === 500).reply(200, { contacts: page(500, 200), total: 700 });
		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentials: { ghlPrivateIntegrationApi: { id: 'pit', name: 'PIT', data: { accessToken: 'pit-123', locationId: 'loc1', apiBaseUrl: API } } },
			nodes: [ghlNode({ authentication: 'ghlPrivateIntegrationApi', resource: 'contact', operation: 'getAll', returnAll: true })],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0]).toHaveLength(700);
	});

	it('keeps refreshed tokens across executions (the next run uses them)', async () => {
		const helper = new HarnessCredentialsHelper(credentialTypes, {
			ghlOAuth2Api: oauthCredential({ access_token: 'access-1', refresh_token: 'refresh-1', userType: 'Location', locationId: 'loc1' }),
		});
		nock(API).post('/oauth/token').reply(200, { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 86399 });
		nock(API, { reqheaders: { authorization: 'Bearer access-1' } }).get('/contacts/c1').reply(401, {});
		nock(API, { reqheaders: { authorization: 'Bearer access-2' } }).get('/contacts/c1').twice().reply(200, { contact: { id: 'c1' } });
		const run = async () =>
			await runWorkflow({
				nodeTypes: { [TYPE]: Ghl },
				credentialTypes,
				credentialsHelper: helper,
				credentials: { ghlOAuth2Api: oauthCredential({}) },
				nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
			});
		expect((await run()).error).toBeUndefined();
		expect((await run()).error).toBeUndefined();
	});
});

describe('refresh race between n8n processes', () => {
	it('when another process wins the refresh, waits for its rotated tokens and succeeds', async () => {
		const helper = new HarnessCredentialsHelper(credentialTypes, {
			ghlOAuth2Api: oauthCredential({ access_token: 'access-1', refresh_token: 'refresh-1', userType: 'Location', locationId: 'loc1' }),
		});
		// The other process used refresh-1 first: ours is refused, and the winner's tokens land in the
		// shared store a moment later.
		nock(API)
			.post('/oauth/token')
			.reply(() => {
				setTimeout(() => {
					const { data } = oauthCredential({ access_token: 'access-2', refresh_token: 'refresh-2', userType: 'Location', locationId: 'loc1' });
					void helper.updateCredentials({ id: 'cred-oauth', name: 'GHL OAuth' }, 'ghlOAuth2Api', data);
				}, 300);
				return [400, { error: 'invalid_grant', error_description: 'refresh token already used' }];
			});
		nock(API, { reqheaders: { authorization: 'Bearer access-1' } }).get('/contacts/c1').reply(401, { message: 'Invalid JWT' });
		nock(API, { reqheaders: { authorization: 'Bearer access-2' } }).get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		const result = await runWorkflow({
			nodeTypes: { [TYPE]: Ghl },
			credentialTypes,
			credentialsHelper: helper,
			credentials: { ghlOAuth2Api: oauthCredential({}) },
			nodes: [ghlNode({ resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'c1' } })],
		});
		expect(result.error).toBeUndefined();
		expect(result.output.GHL[0][0].json).toEqual({ id: 'c1' });
	});
});
