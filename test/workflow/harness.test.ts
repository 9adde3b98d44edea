import nock from 'nock';
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { HarnessCredentialsHelper, runWorkflow } from './harness';

// ---------------------------------------------------------------------------
// Test-only credential types and node type
// ---------------------------------------------------------------------------

const TOKEN_URL = 'https://auth.example.test/oauth/token';
const API = 'https://api.example.test';

const someOAuth2: ICredentialType = {
	name: 'someOAuth2',
	displayName: 'Some OAuth2',
	extends: ['oAuth2Api'],
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: 'https://auth.example.test/authorize',
		},
		{ displayName: 'Access Token URL', name: 'accessTokenUrl', type: 'hidden', default: TOKEN_URL },
		{ displayName: 'Scope', name: 'scope', type: 'hidden', default: 'contacts.readonly' },
		{ displayName: 'Auth URI Query Parameters', name: 'authQueryParameters', type: 'hidden', default: '' },
		{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'body' },
	],
};

const someHeaderAuth: ICredentialType = {
	name: 'someHeaderAuth',
	displayName: 'Some Header Auth',
	properties: [
		{ displayName: 'API Key', name: 'apiKey', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Version', name: 'version', type: 'string', default: '2021-07-28' },
	],
	authenticate: {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
				Version: '={{$credentials.version}}',
			},
		},
	},
};

/** Calls GET {API}{path} once per input item with the selected credential. */
// eslint-disable-next-line @n8n/community-nodes/node-usable-as-tool -- a test probe, not offered to agents
class ProbeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'someOAuth2', required: true, displayOptions: { show: { auth: ['oauth2'] } } },
			{ name: 'someHeaderAuth', required: true, displayOptions: { show: { auth: ['header'] } } },
		],
		properties: [
			{
				displayName: 'Auth',
				name: 'auth',
				type: 'options',
				options: [
					{ name: 'OAuth2', value: 'oauth2' },
					{ name: 'Header', value: 'header' },
				],
				default: 'oauth2',
			},
			{ displayName: 'Path', name: 'path', type: 'string', default: '/x' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const auth = this.getNodeParameter('auth', 0) as string;
		const credentialType = auth === 'oauth2' ? 'someOAuth2' : 'someHeaderAuth';
		for (let i = 0; i < items.length; i++) {
			const options: IHttpRequestOptions = {
				method: 'GET',
				url: `${API}${this.getNodeParameter('path', i) as string}`,
				json: true,
			};
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				options,
			)) as IDataObject;
			out.push({ json: response, pairedItem: { item: i } });
		}
		return [out];
	}
}

const oauthCredential = (tokenData: IDataObject = {}) => ({
	id: 'cred-oauth',
	name: 'My OAuth',
	data: {
		clientId: 'client-1',
		clientSecret: 'secret-1',
		oauthTokenData: {
			access_token: 'old-access',
			refresh_token: 'refresh-1',
			token_type: 'Bearer',
			expires_in: 86399,
			userType: 'Location',
			companyId: 'company-1',
			locationId: 'location-1',
			...tokenData,
		},
	},
});

beforeAll(() => {
	nock.disableNetConnect();
});

afterEach(() => {
	nock.cleanAll();
});

afterAll(() => {
	nock.enableNetConnect();
});

describe('workflow harness', () => {
	it('runs a node with OAuth2 credentials, refreshes on 401, retries and persists the token', async () => {
		const api = nock(API)
			.get('/x')
			.matchHeader('authorization', 'Bearer old-access')
			.reply(401, { message: 'Invalid JWT' })
			.get('/x')
			.matchHeader('authorization', 'Bearer new-access')
			.reply(200, { ok: true });

		let tokenRequestBody = '';
		let tokenRequestAuthHeader: string | undefined;
		const token = nock('https://auth.example.test')
			.post('/oauth/token', (body: unknown) => {
				tokenRequestBody = new URLSearchParams(body as Record<string, string>).toString();
				return true;
			})
			.reply(function () {
				tokenRequestAuthHeader = this.req.headers.authorization as string | undefined;
				return [
					200,
					{
						access_token: 'new-access',
						refresh_token: 'refresh-2',
						token_type: 'Bearer',
						expires_in: 86399,
						scope: 'contacts.readonly',
						userType: 'Location',
						locationId: 'location-1',
					},
				];
			});

		const result = await runWorkflow({
			nodeTypes: { 'test.probe': ProbeNode },
			nodes: [{ name: 'Probe', type: 'test.probe', parameters: { auth: 'oauth2', path: '/x' } }],
			items: [{ hello: 'world' }],
			credentialTypes: [someOAuth2, someHeaderAuth],
			credentials: { someOAuth2: oauthCredential() },
		});

		expect(result.error).toBeUndefined();
		expect(result.output.Start).toEqual([[{ json: { hello: 'world' }, pairedItem: { item: 0 } }]]);
		expect(result.output.Probe[0].map((item) => item.json)).toEqual([{ ok: true }]);
		expect(result.executionOrder).toEqual(['Start', 'Probe']);
		expect(api.isDone()).toBe(true);
		expect(token.isDone()).toBe(true);

		// authentication: 'body' → client credentials in the form body, no Basic header.
		const sent = new URLSearchParams(tokenRequestBody);
		expect(sent.get('grant_type')).toBe('refresh_token');
		expect(sent.get('refresh_token')).toBe('refresh-1');
		expect(sent.get('client_id')).toBe('client-1');
		expect(sent.get('client_secret')).toBe('secret-1');
		expect(tokenRequestAuthHeader).toBeUndefined();

		// One write, through updateCredentialsOauthTokenData, with the merged token data.
		expect(result.updatedCredentials).toHaveLength(1);
		const [write] = result.updatedCredentials;
		expect(write.method).toBe('updateCredentialsOauthTokenData');
		expect(write.type).toBe('someOAuth2');
		expect(write.id).toBe('cred-oauth');
		expect(write.stored.oauthTokenData).toMatchObject({
			access_token: 'new-access',
			refresh_token: 'refresh-2',
			userType: 'Location',
			locationId: 'location-1',
			// not in the refresh response: kept from the previous token data
			companyId: 'company-1',
		});
		expect((write.stored.oauthTokenData as IDataObject).n8n_expires_at).toEqual(expect.any(String));
		// Only oauthTokenData changed in the store.
		expect(write.stored.clientSecret).toBe('secret-1');
		expect(result.credentialsHelper.getStored('cred-oauth')?.oauthTokenData).toEqual(
			write.stored.oauthTokenData,
		);
		// Before refreshing, n8n-core re-read the stored credential raw.
		expect(result.credentialsHelper.reads.some((r) => r.raw)).toBe(true);
	});

	it('does not refresh when the stored token already changed (another run refreshed it)', async () => {
		const helper = new HarnessCredentialsHelper([someOAuth2], {
			someOAuth2: oauthCredential(),
		});
		// Simulate: the node reads 'old-access'; by the time the 401 arrives, another
		// execution has already stored 'other-access'.
		const originalGetDecrypted = helper.getDecrypted.bind(helper);
		let call = 0;
		helper.getDecrypted = async (...args: Parameters<typeof helper.getDecrypted>) => {
			const data = await originalGetDecrypted(...args);
			if (args[5] === true && call++ === 0) {
				data.oauthTokenData = { ...(data.oauthTokenData as IDataObject), access_token: 'other-access' };
			}
			return data;
		};

		nock(API)
			.get('/x')
			.matchHeader('authorization', 'Bearer old-access')
			.reply(401, {})
			.get('/x')
			.matchHeader('authorization', 'Bearer other-access')
			.reply(200, { ok: 2 });
		const token = nock('https://auth.example.test').post('/oauth/token').reply(500);

		const result = await runWorkflow({
			nodeTypes: { 'test.probe': ProbeNode },
			nodes: [{ name: 'Probe', type: 'test.probe', parameters: { auth: 'oauth2' } }],
			credentialsHelper: helper,
			credentials: { someOAuth2: oauthCredential() },
		});

		expect(result.error).toBeUndefined();
		expect(result.output.Probe[0][0].json).toEqual({ ok: 2 });
		expect(token.isDone()).toBe(false);
		expect(result.updatedCredentials).toHaveLength(0);
	});

	it('serialises concurrent refreshes of one credential: one token call for two runs', async () => {
		const helper = new HarnessCredentialsHelper([someOAuth2], { someOAuth2: oauthCredential() });
		const api = nock(API)
			.get('/x')
			.twice()
			.matchHeader('authorization', 'Bearer old-access')
			.reply(401, {})
			.get('/x')
			.twice()
			.matchHeader('authorization', 'Bearer new-access')
			.reply(200, { ok: true });
		const token = nock('https://auth.example.test')
			.post('/oauth/token')
			.delay(50)
			.reply(200, { access_token: 'new-access', refresh_token: 'refresh-2', expires_in: 3600 });

		const run = async () =>
			await runWorkflow({
				nodeTypes: { 'test.probe': ProbeNode },
				nodes: [{ name: 'Probe', type: 'test.probe', parameters: { auth: 'oauth2' } }],
				credentialsHelper: helper,
				credentials: { someOAuth2: oauthCredential() },
			});
		const [first, second] = await Promise.all([run(), run()]);

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(api.isDone()).toBe(true);
		expect(token.isDone()).toBe(true);
		// The helper is shared, so both runs see the same write list: one refresh only.
		expect(helper.writes).toHaveLength(1);
		expect(helper.getStored('cred-oauth')?.oauthTokenData).toMatchObject({
			access_token: 'new-access',
			refresh_token: 'refresh-2',
		});
	});

	it('surfaces a reconnect error when the refresh token was already used (invalid_grant)', async () => {
		nock(API).get('/x').reply(401, { message: 'Invalid JWT' });
		nock('https://auth.example.test')
			.post('/oauth/token')
			.reply(400, { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' });

		const result = await runWorkflow({
			nodeTypes: { 'test.probe': ProbeNode },
			nodes: [{ name: 'Probe', type: 'test.probe', parameters: { auth: 'oauth2' } }],
			credentialTypes: [someOAuth2],
			credentials: { someOAuth2: oauthCredential() },
		});

		expect(result.error).toBeDefined();
		expect(result.nodeErrors.Probe?.message).toContain('needs to be reconnected');
		expect(result.error?.message).toContain('needs to be reconnected');
		expect(result.updatedCredentials).toHaveLength(0);
	});

	it('retries only once: a second 401 after the refresh is the node error', async () => {
		nock(API).get('/x').twice().reply(401, { message: 'Invalid JWT' });
		const token = nock('https://auth.example.test')
			.post('/oauth/token')
			.reply(200, { access_token: 'new-access', refresh_token: 'refresh-2', expires_in: 3600 });

		const result = await runWorkflow({
			nodeTypes: { 'test.probe': ProbeNode },
			nodes: [{ name: 'Probe', type: 'test.probe', parameters: { auth: 'oauth2' } }],
			credentialTypes: [someOAuth2],
			credentials: { someOAuth2: oauthCredential() },
		});

		expect(token.isDone()).toBe(true);
		expect(result.nodeErrors.Probe).toBeDefined();
		expect((result.nodeErrors.Probe as unknown as { httpCode?: string }).httpCode).toBe('401');
		// The refreshed token was still persisted before the retry.
		expect(result.updatedCredentials.map((w) => w.method)).toEqual([
			'updateCredentialsOauthTokenData',
		]);
	});

	it('applies a generic header-auth credential and resolves node expressions', async () => {
		const api = nock(API)
			.get('/contacts/abc')
			.matchHeader('authorization', 'Bearer pit-123')
			.matchHeader('version', '2021-07-28')
			.reply(200, { id: 'abc' })
			.get('/contacts/def')
			.matchHeader('authorization', 'Bearer pit-123')
			.reply(200, { id: 'def' });

		const result = await runWorkflow({
			nodeTypes: { 'test.probe': ProbeNode },
			nodes: [
				{
					name: 'Probe',
					type: 'test.probe',
					parameters: { auth: 'header', path: '=/contacts/{{ $json.contactId }}' },
				},
			],
			items: [{ contactId: 'abc' }, { contactId: 'def' }],
			credentialTypes: [someHeaderAuth],
			credentials: {
				someHeaderAuth: { id: 'cred-pit', name: 'PIT', data: { apiKey: 'pit-123' } },
			},
		});

		expect(result.error).toBeUndefined();
		expect(result.output.Probe[0].map((item) => item.json)).toEqual([{ id: 'abc' }, { id: 'def' }]);
		expect(api.isDone()).toBe(true);
		expect(result.updatedCredentials).toEqual([]);
	});
});
