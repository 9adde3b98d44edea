import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const base = { resource: 'apiRequest', operation: 'send', location: locator('list', ''), queryParameters: {}, sendBody: false, options: {} };
const query = (values: Record<string, string>) => ({ parameter: Object.entries(values).map(([name, value]) => ({ name, value })) });

/** API Request sends what it is given; with spec-shaped input, path, query, body and default Version all conform. */
describe('API Request requests conform to the spec files', () => {
	it.each([
		['GET /contacts/{contactId}', 'GET', '/contacts/c1', {}],
		['GET /calendars/{calendarId}/free-slots', 'GET', '/calendars/cal1/free-slots', { queryParameters: query({ startDate: '1700000000000', endDate: '1700600000000' }) }],
		['GET /conversations/search', 'GET', '/conversations/search', { queryParameters: query({ locationId: 'loc_A1', contactId: 'c1' }) }],
		['POST /conversations/messages', 'POST', '/conversations/messages', { sendBody: true, jsonBody: '{"type":"SMS","contactId":"c1","message":"Hi"}' }],
		['PUT /contacts/{contactId}', 'PUT', '/contacts/c1', { sendBody: true, jsonBody: '{"firstName":"J"}' }],
		['POST /contacts/{contactId}/notes', 'POST', '/contacts/c1/notes', { sendBody: true, jsonBody: { body: 'B' } }],
	])('%s', async (_name, method, path, more) => {
		ghl(path.startsWith('/c') && /^\/(calendars|conversations)/.test(path) ? '2021-04-15' : '2021-07-28')
			.intercept(path, method)
			.query(true)
			.reply(200, {});
		const { context } = await runNode({ parameters: { ...base, method, path, ...more } });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('reports a Version override the endpoint does not take (the spec check sees what GHL would)', async () => {
		ghl('2021-04-15').get('/contacts/c1').reply(200, {});
		const { context } = await runNode({ parameters: { ...base, method: 'GET', path: '/contacts/c1', options: { version: '2021-04-15' } } });
		expect(context.requests.flatMap(specProblems)).toEqual([expect.stringContaining('Version 2021-04-15 is not one of 2021-07-28')]);
	});
});
