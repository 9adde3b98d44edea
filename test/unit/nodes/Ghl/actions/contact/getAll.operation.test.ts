import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', operation: 'getAll', location: locator('list', ''), source: 'search', options: {} };
const contacts = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ id: `c${from + i}`, searchAfter: [1000 + from + i, `c${from + i}`] }));

describe('contact → getAll', () => {
	it('sends filters and sort, and stops at the limit', async () => {
		ghl()
			.post('/contacts/search', {
				locationId: LOCATION_ID,
				pageLimit: 2,
				query: 'jane',
				filters: [
					{ field: 'email', operator: 'eq', value: 'j@x.io' },
					{ field: 'phone', operator: 'eq', value: '+1415' },
					{ field: 'assignedTo', operator: 'eq', value: 'u1' },
					{ field: 'tags', operator: 'eq', value: 'hot' },
					{ field: 'tags', operator: 'eq', value: 'vip' },
					{ field: 'dateAdded', operator: 'range', value: { gte: '2026-01-01T00:00:00.000Z', lte: '2026-02-01T00:00:00.000Z' } },
				],
				sort: [{ field: 'email', direction: 'asc' }],
				page: 1,
			})
			.reply(200, { contacts: contacts(0, 2), total: 10 });
		const { output } = await runNode({
			parameters: {
				...base,
				returnAll: false,
				limit: 2,
				filters: { query: 'jane', email: 'j@x.io', phone: '+1415', assignedTo: 'u1', tags: ['hot', 'vip'], dateAddedAfter: '2026-01-01', dateAddedBefore: '2026-02-01T00:00:00Z' },
				options: { sortBy: 'email', sortDirection: 'asc' },
			},
		});
		expect(output.map((item) => item.json.id)).toEqual(['c0', 'c1']);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('returns all: pages of 500 keep locationId, then the searchAfter cursor past 10,000', async () => {
		for (let page = 1; page <= 20; page++) {
			ghl()
				.post('/contacts/search', (body) => body.locationId === LOCATION_ID && body.page === page && body.pageLimit === 500 && body.searchAfter === undefined)
				.reply(200, { contacts: contacts((page - 1) * 500, 500), total: 10_200 });
		}
		ghl()
			.post('/contacts/search', (body) => body.locationId === LOCATION_ID && body.page === undefined && JSON.stringify(body.searchAfter) === JSON.stringify([1000 + 9999, 'c9999']))
			.reply(200, { contacts: contacts(10_000, 200), total: 10_200 });
		const { output } = await runNode({ parameters: { ...base, returnAll: true, filters: {} } });
		expect(output).toHaveLength(10_200);
		expect(output[10_199].json.id).toBe('c10199');
	});

	it('lists a business\'s contacts with skip paging', async () => {
		ghl().get('/contacts/business/b1').query({ locationId: LOCATION_ID, limit: 100, skip: 0 }).reply(200, { contacts: contacts(0, 100) });
		ghl().get('/contacts/business/b1').query({ locationId: LOCATION_ID, limit: 100, skip: 100 }).reply(200, { contacts: contacts(100, 3) });
		const { output } = await runNode({ parameters: { ...base, source: 'business', businessId: 'b1', returnAll: true } });
		expect(output).toHaveLength(103);
	});

	it('rejects an unparseable date filter before searching', async () => {
		await expect(runNode({ parameters: { ...base, returnAll: true, filters: { dateAddedAfter: 'soon' } } })).rejects.toMatchObject({
			message: expect.stringContaining('Filters → Added After: "soon" is not a date (item 0)'),
		});
	});
});
