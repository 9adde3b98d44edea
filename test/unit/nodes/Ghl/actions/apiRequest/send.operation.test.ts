import { getGhlClient } from '../../../../../../nodes/Ghl/transport';
import { createContext, locator, oauthCompanyCredentials } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'apiRequest', operation: 'send', location: locator('list', ''), method: 'GET', path: '/contacts/c1', queryParameters: {}, sendBody: false, options: {} };
const query = (...rows: Array<[string, string]>) => ({ parameter: rows.map(([name, value]) => ({ name, value })) });

describe('apiRequest → send', () => {
	it('sends GET with query values in qs and the endpoint family\'s Version; the answer is the item', async () => {
		ghl('2021-07-28').get('/contacts/').query({ locationId: 'loc_A1', query: 'a b&c=d' }).reply(200, { contacts: [{ id: 'c1' }], meta: { total: 1 } });
		const { output } = await runNode({ parameters: { ...base, path: 'contacts/', queryParameters: query(['locationId', 'loc_A1'], ['query', 'a b&c=d']) } });
		expect(output).toEqual([{ json: { contacts: [{ id: 'c1' }], meta: { total: 1 } }, pairedItem: { item: 0 } }]);
	});

	it('uses 2021-04-15 for calendars and conversations by default', async () => {
		ghl('2021-04-15').get('/calendars/cal1').reply(200, { calendar: { id: 'cal1' } });
		ghl('2021-04-15').get('/conversations/conv1').reply(200, { id: 'conv1' });
		const parameters = [{ ...base, path: '/calendars/cal1' }, { ...base, path: '/conversations/conv1' }];
		await runNode({ items: [{ json: {} }, { json: {} }], parameters: (i) => parameters[i] });
	});

	it('sends the Version override instead', async () => {
		ghl('2021-04-15').get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		await runNode({ parameters: { ...base, options: { version: '2021-04-15' } } });
	});

	it('sends a JSON body (text or object) with POST, PUT, PATCH and DELETE', async () => {
		ghl().post('/contacts/c1/tags', { tags: ['a'] }).reply(201, { tags: ['a'] });
		ghl().put('/contacts/c1', { firstName: 'J' }).reply(200, { succeded: true });
		ghl().patch('/contacts/c1', { lastName: 'D' }).reply(200, {});
		ghl().delete('/contacts/c1/tags', { tags: ['b'] }).reply(200, { tags: [] });
		const parameters = [
			{ ...base, method: 'POST', path: '/contacts/c1/tags', sendBody: true, jsonBody: '{"tags":["a"]}' },
			{ ...base, method: 'PUT', sendBody: true, jsonBody: { firstName: 'J' } },
			{ ...base, method: 'PATCH', sendBody: true, jsonBody: '{"lastName":"D"}' },
			{ ...base, method: 'DELETE', path: '/contacts/c1/tags', sendBody: true, jsonBody: '{"tags":["b"]}' },
		];
		const { output } = await runNode({ items: parameters.map(() => ({ json: {} })), parameters: (i) => parameters[i] });
		expect(output).toHaveLength(4);
	});

	it('outputs an array answer as one item, or one item per element with Split Array Into Items', async () => {
		ghl().get('/users/').twice().reply(200, [{ id: 'u1' }, { id: 'u2' }, 'odd']);
		const { output: whole } = await runNode({ parameters: { ...base, path: '/users/' } });
		expect(whole).toEqual([{ json: { data: [{ id: 'u1' }, { id: 'u2' }, 'odd'] }, pairedItem: { item: 0 } }]);
		const { output: split } = await runNode({ parameters: { ...base, path: '/users/', options: { splitArray: true } } });
		expect(split.map((entry) => entry.json)).toEqual([{ id: 'u1' }, { id: 'u2' }, { value: 'odd' }]);
		expect(split.every((entry) => (entry.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('outputs an empty answer as an empty item', async () => {
		ghl().delete('/contacts/c1').reply(204);
		const { output } = await runNode({ parameters: { ...base, method: 'DELETE' } });
		expect(output).toEqual([{ json: {}, pairedItem: { item: 0 } }]);
	});

	it('retries a GET on a 5xx, never a POST', async () => {
		ghl().get('/contacts/c1').reply(503, {});
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		ghl().post('/contacts/').reply(503, { message: 'Service Unavailable' });
		await runNode({ parameters: base });
		await expect(runNode({ parameters: { ...base, method: 'POST', path: '/contacts/', sendBody: true, jsonBody: '{"email":"a@b.co"}' } })).rejects.toMatchObject({ httpCode: '503' });
	});

	it('maps GHL errors like every operation (scope hint for the path sent)', async () => {
		ghl('2021-04-15').post('/conversations/messages').reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
		await expect(runNode({ parameters: { ...base, method: 'POST', path: '/conversations/messages', sendBody: true, jsonBody: '{}' } })).rejects.toMatchObject({
			description: expect.stringContaining('"conversations/message.write" scope'),
		});
	});

	it('sends an agency install\'s request with the minted location token', async () => {
		ghl('2021-07-28', 'company-access').post('/oauth/locationToken').reply(201, { access_token: 'loc-token', expires_in: 86_399 });
		ghl('2021-07-28', 'loc-token').get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		const { output } = await runNode({ parameters: { ...base, location: locator('id', 'loc_B2') }, credentials: oauthCompanyCredentials });
		expect(output[0].json).toEqual({ contact: { id: 'c1' } });
	});

	/** Paths that would leave GHL's API base, climb to another endpoint or smuggle a query: refused before any request. */
	it.each([
		['../users', /segment "\.\." is not allowed/],
		['/contacts/../../users', /segment "\.\." is not allowed/],
		['./contacts', /segment "\." is not allowed/],
		['https://evil.example/x', /is not a relative path \(it names a host\)/],
		['HTTP://evil.example', /is not a relative path/],
		['javascript:alert(1)', /is not a relative path/],
		['//evil.example', /is not a relative path \(it names a host\)/],
		['//evil.example/contacts', /is not a relative path/],
		['%2e%2e/x', /segment "%2e%2e" is not allowed/],
		['/contacts/%2F..', /segment "%2F\.\." is not allowed/],
		['contacts\\x', /segment "contacts\\x" is not allowed/],
		['contacts?x=1', /holds a query or fragment/],
		['contacts#x', /holds a query or fragment/],
		['/contacts//c1', /an empty segment/],
		['/contacts/c 1', /segment "c 1" is not allowed/],
		['/contacts/c\u00001', /segment "c\?1" is not allowed/],
		['', /Path: is empty/],
		['/', /Path: is empty/],
	])('refuses the path %j', async (path, message) => {
		await expect(runNode({ parameters: { ...base, path } })).rejects.toMatchObject({ message: expect.stringMatching(message) });
	});

	it.each([
		['2021-7-28'],
		['2021-02-30'],
		['latest'],
		['2021-07-28\r\nX-Evil: 1'],
	])('refuses the Version %j', async (version) => {
		await expect(runNode({ parameters: { ...base, options: { version } } })).rejects.toMatchObject({ message: expect.stringMatching(/^Options → Version: .* is not a GHL API version \(item 0\)$/) });
	});

	it.each([
		['an unnamed query parameter', { queryParameters: query(['', 'x']) }, 'Query Parameters: a parameter has no name (item 0)'],
		['a repeated query parameter', { queryParameters: query(['a', '1'], ['a', '2']) }, 'Query Parameters: "a" is given twice (item 0)'],
		['a body that is not JSON', { method: 'POST', sendBody: true, jsonBody: '{name: x}' }, expect.stringMatching(/^JSON Body: is not valid JSON/)],
		['a body that is a bare value', { method: 'POST', sendBody: true, jsonBody: '42' }, 'JSON Body: is not a JSON object or array (item 0)'],
		['an unknown method', { method: 'TRACE' }, 'Method: "TRACE" is not supported (item 0)'],
	])('refuses %s', async (_name, overrides, message) => {
		await expect(runNode({ parameters: { ...base, ...overrides } })).rejects.toMatchObject({ message });
	});

	it('checks every item before the first request is sent', async () => {
		const parameters = [base, { ...base, path: '../users' }];
		await expect(runNode({ items: [{ json: {} }, { json: {} }], parameters: (i) => parameters[i] })).rejects.toMatchObject({ message: expect.stringContaining('(item 1)') });
	});

	it('the transport itself refuses a Version override that is no date, before sending', async () => {
		const client = await getGhlClient.call(createContext({ parameters: {} }), 0);
		await expect(client.request({ method: 'GET', path: '/contacts/{id}', segments: { id: 'c1' }, version: '2021-07-28\nX-Evil: 1' })).rejects.toMatchObject({
			message: 'Version "2021-07-28\\nX-Evil: 1" is not a GHL API version',
		});
	});
});
