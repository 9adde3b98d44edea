/**
 * The transport against the errors n8n 1.x throws (n8n 1.123, n8n-workflow 1.120): the NodeApiError
 * around a failed authenticated request has lost its cause, so GHL's answer survives only as
 * `httpCode` and `context.data`; and a lost OAuth2 refresh race surfaces as @n8n/client-oauth2's
 * AuthError (httpCode 'EAUTH'), not as 2.x's "needs to be reconnected".
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { createContext, locator, n8nError, oauthLocationCredentials } from '../../../../helpers/context';
import { clock, ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';
import { readFailure } from '../../../../../nodes/Ghl/transport/http';
import { isLostRefresh } from '../../../../../nodes/Ghl/transport/refreshRace';
import { getGhlClient } from '../../../../../nodes/Ghl/transport';

useGhlTestEnvironment();

const axiosShaped = (status: number, data: unknown) =>
	Object.assign(new Error(`Request failed with status code ${status}`), { response: { status, headers: { 'retry-after': '2' }, data } });

/** What @n8n/client-oauth2 1.x throws when GHL refuses a refresh token that was already used. */
const authError = () =>
	Object.assign(
		new Error('The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.'),
		{ code: 'EAUTH', body: { error: 'invalid_grant', error_description: 'Invalid grant: refresh token is invalid' } },
	);

describe('n8n 1.x error shapes', () => {
	it('readFailure takes the status from httpCode and GHL\'s body from context.data (no cause)', () => {
		const error = n8nError('1.x', axiosShaped(400, { statusCode: 400, message: 'duplicate', meta: { contactId: 'c1' } }));
		expect(error.cause).toBeUndefined();
		expect(readFailure(error)).toEqual({ statusCode: 400, headers: {}, body: { statusCode: 400, message: 'duplicate', meta: { contactId: 'c1' } }, code: undefined });
	});

	it('readFailure still reads the full response from a 2.x error (cause kept)', () => {
		expect(readFailure(n8nError('2.x', axiosShaped(422, { message: ['email must be an email'] })))).toMatchObject({
			statusCode: 422,
			headers: { 'retry-after': '2' },
			body: { message: ['email must be an email'] },
		});
	});

	it('a network code left in httpCode counts as "no answer", a lost refresh (EAUTH) does not', () => {
		const network = new NodeApiError({ id: 'n', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }, { message: 'socket hang up', code: 'ECONNRESET' } as never);
		Object.defineProperty(network, 'cause', { value: undefined });
		expect(readFailure(network)).toMatchObject({ statusCode: undefined, code: 'ECONNRESET' });
		expect(readFailure(n8nError('1.x', authError()))).toMatchObject({ statusCode: undefined, code: undefined });
	});

	it('isLostRefresh recognises 1.x\'s lost refresh (EAUTH / invalid_grant) as well as 2.x\'s "needs to be reconnected"', () => {
		expect(isLostRefresh(n8nError('1.x', authError()))).toBe(true);
		expect(isLostRefresh(authError())).toBe(true);
		expect(isLostRefresh(new Error('The credential "GHL" needs to be reconnected.'))).toBe(true);
		expect(isLostRefresh(n8nError('1.x', axiosShaped(401, { statusCode: 401, message: 'Invalid JWT' })))).toBe(false);
		expect(isLostRefresh(n8nError('1.x', axiosShaped(400, { message: 'duplicate' })))).toBe(false);
	});

	it('Contact → Create, If Duplicate → Return Existing: finds the existing contact from a 1.x error', async () => {
		ghl().post('/contacts/').reply(400, { statusCode: 400, message: 'This location does not allow duplicated contacts.', meta: { contactId: 'c_existing' } });
		ghl().get('/contacts/c_existing').reply(200, { contact: { id: 'c_existing' } });
		const { output } = await runNode({
			n8nLine: '1.x',
			parameters: { resource: 'contact', operation: 'create', location: locator('list', ''), email: 'jane@example.com', phone: '', additionalFields: {}, options: { onDuplicate: 'return' } },
		});
		expect(output[0].json).toEqual({ id: 'c_existing', duplicate: true });
	});

	it('shows GHL\'s message, not "failed with status 400", from a 1.x error', async () => {
		ghl().get('/contacts/c1').reply(400, { statusCode: 400, message: 'Contact is archived' });
		const client = await getGhlClient.call(createContext({ parameters: {}, n8nLine: '1.x' }), 0);
		const error = await client.request({ method: 'GET', path: '/contacts/c1' }).catch((e: unknown) => e as NodeApiError);
		expect(`${error.message} ${error.description}`).toContain('Contact is archived');
	});

	it('a 429 without its headers (1.x) holds the location for one interval, then retries', async () => {
		ghl().get('/contacts/c1').reply(429, { statusCode: 429, message: 'Too many requests' }, { 'Retry-After': '2' });
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		const client = await getGhlClient.call(createContext({ parameters: {}, n8nLine: '1.x' }), 0);
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		const waited = clock.sleeps.reduce((a, b) => a + b, 0);
		// Not the 2 s GHL asked for: the header never reaches the node on 1.x.
		expect(waited).toBeGreaterThanOrEqual(10_000);
		expect(waited).toBeLessThanOrEqual(12_500);
	});

	it('a refresh lost to another execution (1.x AuthError) waits for the winner\'s rotated token and retries', async () => {
		const credentials = { ...oauthLocationCredentials, oauthTokenData: { ...(oauthLocationCredentials.oauthTokenData as IDataObject) } };
		ghl('2021-07-28', 'rotated-access').get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		let calls = 0;
		const context = createContext({
			parameters: {},
			credentials,
			n8nLine: '1.x',
			authenticated: async (request: IHttpRequestOptions, send) => {
				calls++;
				const token = (credentials.oauthTokenData as IDataObject).access_token;
				if (token === 'oauth-access') {
					// Our 401, then our refresh with the already-used refresh token: GHL says invalid_grant,
					// while the winning execution stores its rotated pair.
					(credentials.oauthTokenData as IDataObject).access_token = 'rotated-access';
					throw authError();
				}
				return await send({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
			},
		});
		const client = await getGhlClient.call(context, 0);
		expect(await client.request({ method: 'GET', path: '/contacts/c1' })).toEqual({ contact: { id: 'c1' } });
		expect(calls).toBe(2);
	});
});
