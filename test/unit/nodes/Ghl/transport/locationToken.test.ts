/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import nock from 'nock';

import { BASE_URL, createContext, locator, oauthCompanyCredentials } from '../../../../helpers/context';
import { clientFor, ghl, useGhlTestEnvironment } from '../../../../helpers/setup';
import { getGhlClient } from '../../../../../nodes/Ghl/transport';

useGhlTestEnvironment();

describe('OAuth2 location handling', () => {
	it('an agency token mints a location token once, caches it, and re-mints on 401', async () => {
		const company = nock(BASE_URL, { reqheaders: { authorization: 'Bearer company-access', 'content-type': 'application/x-www-form-urlencoded' } });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locX').reply(200, { access_token: 'loc-token-1', expires_in: 86399 });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/a').reply(200, { contact: { id: 'a' } });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/b').reply(200, { contact: { id: 'b' } });
		ghl('2021-07-28', 'loc-token-1').get('/contacts/c').reply(401, { message: 'Invalid JWT' });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locX').reply(200, { access_token: 'loc-token-2', expires_in: 86399 });
		ghl('2021-07-28', 'loc-token-2').get('/contacts/c').reply(200, { contact: { id: 'c' } });

		const first = await clientFor({ location: locator('id', 'locX') }, oauthCompanyCredentials as never);
		const second = await clientFor({ location: locator('id', 'locX') }, oauthCompanyCredentials as never);
		expect(first.locationId).toBe('locX');
		await first.request({ method: 'GET', path: '/contacts/a' });
		await second.request({ method: 'GET', path: '/contacts/b' });
		expect(await second.request({ method: 'GET', path: '/contacts/c' })).toEqual({ contact: { id: 'c' } });
	});

	it('four requests in flight meeting one revoked location token mint one new token, not four', async () => {
		const company = nock(BASE_URL, { reqheaders: { authorization: 'Bearer company-access' } });
		company.post('/oauth/locationToken').reply(200, { access_token: 'old-token', expires_in: 86399 });
		ghl('2021-07-28', 'old-token').get(/\/contacts\/[a-d]$/).times(4).delay(20).reply(401, { message: 'Invalid JWT' });
		company.post('/oauth/locationToken').once().reply(200, { access_token: 'new-token', expires_in: 86399 });
		ghl('2021-07-28', 'new-token').get(/\/contacts\/[a-d]$/).times(4).reply(200, { contact: {} });
		const client = await clientFor({ location: locator('id', 'locR') }, oauthCompanyCredentials as never);
		await Promise.all(['a', 'b', 'c', 'd'].map(async (id) => await client.request({ method: 'GET', path: `/contacts/${id}` })));
	});

	it('re-mints a location token shortly before it expires', async () => {
		const company = nock(BASE_URL);
		company.post('/oauth/locationToken').reply(200, { access_token: 'short-1', expires_in: 301 });
		company.post('/oauth/locationToken').reply(200, { access_token: 'short-2', expires_in: 86399 });
		ghl('2021-07-28', 'short-1').get('/contacts/a').reply(200, {});
		ghl('2021-07-28', 'short-2').get('/contacts/a').reply(200, {});
		const client = await clientFor({ location: locator('id', 'locY') }, oauthCompanyCredentials as never);
		await client.request({ method: 'GET', path: '/contacts/a' });
		await new Promise((resolve) => setTimeout(resolve, 1_100));
		await client.request({ method: 'GET', path: '/contacts/a' });
	});

	it('a token minted with one credential is not served to another credential of the same agency', async () => {
		const company = nock(BASE_URL, { reqheaders: { authorization: 'Bearer company-access' } });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locS').reply(200, { access_token: 'token-of-A', expires_in: 86399 });
		company.post('/oauth/locationToken', 'companyId=comp_1&locationId=locS').reply(200, { access_token: 'token-of-B', expires_in: 86399 });
		ghl('2021-07-28', 'token-of-A').get('/contacts/a').twice().reply(200, {});
		ghl('2021-07-28', 'token-of-B').get('/contacts/b').reply(200, {});
		const clientOf = async (credentialId: string) =>
			await getGhlClient.call(
				createContext({ parameters: { location: locator('id', 'locS') }, credentials: oauthCompanyCredentials as never, credentialId }),
				0,
			);
		await (await clientOf('cred-A')).request({ method: 'GET', path: '/contacts/a' });
		await (await clientOf('cred-B')).request({ method: 'GET', path: '/contacts/b' });
		// Credential A's second request reuses A's token: one mint per credential.
		await (await clientOf('cred-A')).request({ method: 'GET', path: '/contacts/a' });
	});
});
