import nock from 'nock';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { GhlOAuth2Api } from '../../credentials/GhlOAuth2Api.credentials';
import { GhlPrivateIntegrationApi } from '../../credentials/GhlPrivateIntegrationApi.credentials';
import { Ghl } from '../../nodes/Ghl/Ghl.node';
import { useGhlTestEnvironment } from '../helpers/setup';
import { runWorkflow, type RunWorkflowResult } from './harness';

/**
 * No secret the node holds or n8n signs with ever reaches an error or the output. Run in n8n-core's
 * real engine, so the errors carry n8n's real shape (the failed request's config, Authorization
 * header included, sits on the HTTP error n8n's helpers throw).
 */
const API = 'https://ghl.test';
const TYPE = 'n8n-nodes-ghl.ghl';
const SECRETS = ['company-secret-access', 'company-secret-refresh', 'location-secret-token', 'sub-secret-access', 'sub-secret-refresh', 'the-client-secret', 'pit-secret-token'];

const credentialTypes = [new GhlOAuth2Api(), new GhlPrivateIntegrationApi()];
const oauth = (tokenData: IDataObject) => ({
	ghlOAuth2Api: {
		id: 'cred-oauth',
		name: 'GHL OAuth',
		data: { clientId: 'app77-xyz', clientSecret: 'the-client-secret', accessTokenUrl: `${API}/oauth/token`, apiBaseUrl: API, oauthTokenData: tokenData },
	},
});
const company = oauth({ access_token: 'company-secret-access', refresh_token: 'company-secret-refresh', userType: 'Company', companyId: 'comp1' });
const subAccount = oauth({ access_token: 'sub-secret-access', refresh_token: 'sub-secret-refresh', userType: 'Location', locationId: 'loc1' });
const pit = { ghlPrivateIntegrationApi: { id: 'pit', name: 'PIT', data: { accessToken: 'pit-secret-token', locationId: 'loc1', apiBaseUrl: API } } };

/** Every string reachable from a value: own properties enumerable or not (stack, cause, config …). */
function everything(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'object' && typeof value !== 'function') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	let text = '';
	for (const key of Reflect.ownKeys(value as object)) {
		let child: unknown;
		try {
			child = (value as Record<PropertyKey, unknown>)[key as string];
		} catch {
			continue;
		}
		text += ` ${String(key)}=${everything(child, seen)}`;
	}
	return text;
}

function expectNoSecret(result: RunWorkflowResult): void {
	// What n8n saves (the execution's JSON) and everything the error object holds besides.
	const saved = JSON.stringify({ error: result.error, nodeErrors: result.nodeErrors, runData: result.runData, output: result.output });
	const held = everything(result.error) + everything(result.nodeErrors) + everything(result.output);
	for (const secret of SECRETS) {
		expect(saved).not.toContain(secret);
		expect(held).not.toContain(secret);
	}
}

const run = (credentials: IDataObject, parameters: INodeParameters, continueOnFail = false) =>
	runWorkflow({
		nodeTypes: { [TYPE]: Ghl },
		credentialTypes,
		credentials: credentials as never,
		nodes: [{ name: 'GHL', type: TYPE, parameters, ...(continueOnFail ? { continueOnFail: true, onError: 'continueRegularOutput' } : {}) }],
	});

const getContact = (location?: string): INodeParameters => ({
	resource: 'contact',
	operation: 'get',
	contactId: { __rl: true, mode: 'id', value: 'c1' },
	...(location ? { location: { __rl: true, mode: 'id', value: location } } : {}),
});

useGhlTestEnvironment({ virtualClock: false });

describe('secrets stay out of errors and output (n8n-core engine, real error shape)', () => {
	it.each([false, true])('agency location token: a GHL 400 on the contact read (continue on fail: %s)', async (continueOnFail) => {
		nock(API).post('/oauth/locationToken').reply(200, { access_token: 'location-secret-token', expires_in: 86399 });
		nock(API, { reqheaders: { authorization: 'Bearer location-secret-token' } }).get('/contacts/c1').reply(400, { message: 'Bad contact' });
		const result = await run(company, getContact('locA'), continueOnFail);
		if (continueOnFail) expect(result.output.GHL[0][0].json).toMatchObject({ error: 'Bad contact' });
		else expect(result.error?.message).toBe('Bad contact');
		expectNoSecret(result);
	});

	it('agency: minting the location token fails (the company token signed that request)', async () => {
		nock(API, { reqheaders: { authorization: 'Bearer company-secret-access' } }).post('/oauth/locationToken').reply(400, { message: 'Location not installed' });
		const result = await run(company, getContact('locA'));
		expect(result.error?.message).toBe('Location not installed');
		expectNoSecret(result);
	});

	it('agency: a location token GHL revokes early (401 twice) ends in an error without either token', async () => {
		nock(API).post('/oauth/locationToken').times(2).reply(200, { access_token: 'location-secret-token', expires_in: 86399 });
		nock(API).get('/contacts/c1').times(2).reply(401, { message: 'Invalid JWT' });
		const result = await run(company, getContact('locA'));
		expect(result.error).toBeDefined();
		expectNoSecret(result);
	});

	it('sub-account: expired token and a refresh GHL refuses (the node held the old token to detect a lost race)', async () => {
		nock(API).get('/contacts/c1').reply(401, { message: 'Invalid JWT' });
		nock(API).post('/oauth/token').reply(400, { error: 'invalid_grant', error_description: 'Invalid refresh token' });
		const result = await run(subAccount, getContact());
		expect(result.error).toBeDefined();
		expectNoSecret(result);
	}, 15_000);

	it.each([400, 403, 422])('Private Integration: a GHL %i', async (status) => {
		nock(API).get('/contacts/c1').reply(status, { message: 'Refused' });
		const result = await run(pit, { ...getContact(), authentication: 'ghlPrivateIntegrationApi' });
		expect(result.error?.message).toBe('Refused');
		expectNoSecret(result);
	});
});
