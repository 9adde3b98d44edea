import nock from 'nock';

import { Ghl } from '../../../../../nodes/Ghl/Ghl.node';
import { createContext, LOCATION_ID, locator } from '../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

const note = (contact: string) => ({
	resource: 'note',
	operation: 'create',
	location: locator('list', ''),
	contactId: locator('id', contact),
	body: 'Quiz answers',
	additionalFields: {},
});

describe('without Continue On Fail, bad input stops the node before anything is written', () => {
	it('3 notes, item 1 with an empty contact: the error names it and no note is created', async () => {
		const context = createContext({ items: [{ json: {} }, { json: {} }, { json: {} }], parameters: (i) => note(i === 1 ? '' : `c${i}`) });
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ name: 'NodeOperationError', message: 'Contact: is empty (item 1)' });
		expect(context.requests).toEqual([]);
	});

	it('the same for a crafted ID in the last item', async () => {
		const context = createContext({ items: [{ json: {} }, { json: {} }, { json: {} }], parameters: (i) => note(i === 2 ? 'a/../b' : `c${i}`) });
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message: expect.stringMatching(/^Contact: .*\(item 2\)$/) });
		expect(context.requests).toEqual([]);
	});

	it('with Continue On Fail the good items are written and the bad one says why', async () => {
		ghl().post('/contacts/c0/notes').reply(201, { note: { id: 'n0' } });
		ghl().post('/contacts/c2/notes').reply(201, { note: { id: 'n2' } });
		const { output } = await runNode({ continueOnFail: true, items: [{ json: {} }, { json: {} }, { json: {} }], parameters: (i) => note(i === 1 ? '' : `c${i}`) });
		expect(output).toEqual([
			{ json: { id: 'n0' }, pairedItem: { item: 0 } },
			{ json: { error: 'Contact: is empty (item 1)', description: expect.any(String) }, pairedItem: { item: 1 } },
			{ json: { id: 'n2' }, pairedItem: { item: 2 } },
		]);
	});

	it('an unknown custom field in the last item stops the run after one read of the field list, before any upsert', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).reply(200, { customFields: [{ id: 'cf1', fieldKey: 'contact.score' }] });
		const context = createContext({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) => ({
				resource: 'contact',
				operation: 'upsert',
				location: locator('list', ''),
				email: `a${i}@example.com`,
				phone: '',
				additionalFields: { customFields: { field: [{ field: i === 1 ? 'no_such_field' : 'score', value: '5' }] } },
				options: {},
			}),
		});
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message: expect.stringContaining('Custom Field "no_such_field"') });
		expect(context.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`GET https://services.leadconnectorhq.com/locations/${LOCATION_ID}/customFields`]);
	});

	it('a valid run reads the custom field list once and looks each contact up once (checking sends no lookups)', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).once().reply(200, { customFields: [{ id: 'cf1', fieldKey: 'contact.score' }] });
		for (const i of [0, 1]) {
			ghl().get('/contacts/search/duplicate').query({ locationId: LOCATION_ID, email: `a${i}@example.com` }).once().reply(200, { contact: { id: `c${i}` } });
			ghl().put(`/contacts/c${i}`, { customFields: [{ id: 'cf1', field_value: '5' }] }).once().reply(200, { contact: { id: `c${i}` } });
		}
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) => ({
				resource: 'contact',
				operation: 'update',
				location: locator('list', ''),
				contactId: locator('email', `a${i}@example.com`),
				updateFields: { customFields: { field: [{ field: 'score', value: '5' }] } },
				options: {},
			}),
		});
		expect(output.map((item) => item.json.id)).toEqual(['c0', 'c1']);
		expect(nock.pendingMocks()).toEqual([]);
	});
});

describe('checking many items', () => {
	it('yields to the event loop between batches of items, so other executions in the process go on', async () => {
		const count = 400;
		const context = createContext({ items: Array.from({ length: count }, () => ({ json: {} })), parameters: (i) => note(i === count - 1 ? '' : `c${i}`) });
		let checkedWhenTimerFired = -1;
		let checked = 0;
		const read = context.getNodeParameter.bind(context) as (...args: unknown[]) => unknown;
		(context as unknown as { getNodeParameter: unknown }).getNodeParameter = (name: string, itemIndex: number, ...rest: unknown[]) => {
			if (name === 'contactId') checked = Math.max(checked, itemIndex + 1);
			return read(name, itemIndex, ...rest);
		};
		// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- the test's stand-in for another execution's timer
		setTimeout(() => (checkedWhenTimerFired = checked), 0);
		await expect(new Ghl().execute.call(context)).rejects.toMatchObject({ message: `Contact: is empty (item ${count - 1})` });
		expect(checkedWhenTimerFired).toBeGreaterThan(0);
		expect(checkedWhenTimerFired).toBeLessThan(count);
	});
});

describe('input that used to escape as a raw error or pass unchecked', () => {
	const task = (dueDate: unknown) => ({ resource: 'task', operation: 'create', location: locator('list', ''), contactId: locator('id', 'c1'), title: 'Call', dueDate, additionalFields: {}, options: {} });

	it.each([1e17, '100000000000000000', '+275760-09-14T00:00:00.001Z', -9e15])('a date outside JavaScript\'s range (%p) names field and item', async (dueDate) => {
		await expect(runNode({ parameters: task(dueDate) })).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: `Due Date: "${String(dueDate)}" is not a date (item 0)`,
		});
	});

	it.each(['a@b..', 'a..b@example.com', '.a@example.com', 'a.@example.com', 'a@-x.com', 'a@x', 'a@@x.com', 'a@x..com'])('refuses the email %j before any request', async (email) => {
		await expect(
			runNode({ parameters: { resource: 'contact', operation: 'upsert', location: locator('list', ''), email, phone: '', additionalFields: {}, options: {} } }),
		).rejects.toMatchObject({ message: expect.stringMatching(/^Email: ".*" is not a valid email address \(item 0\)$/) });
	});

	it.each(['first.last+tag@sub.example.com', "o'brien@example.ie", 'jo@bücher.de', 'x@xn--80ak6aa92e.com'])('accepts the email %j', async (email) => {
		ghl().post('/contacts/upsert', { email, locationId: LOCATION_ID }).reply(200, { new: true, contact: { id: 'c1' } });
		await runNode({ parameters: { resource: 'contact', operation: 'upsert', location: locator('list', ''), email, phone: '', additionalFields: {}, options: {} } });
	});
});
