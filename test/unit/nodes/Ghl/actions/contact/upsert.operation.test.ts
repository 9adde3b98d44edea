/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const base = { resource: 'contact', operation: 'upsert', location: locator('list', '') };

describe('contact → upsert', () => {
	it('posts UpsertContactDto once per item and says whether the contact is new', async () => {
		ghl()
			.post('/contacts/upsert', { email: 'a@example.com', firstName: 'A', locationId: LOCATION_ID })
			.reply(200, { new: true, contact: { id: 'c_a' } });
		ghl()
			.post('/contacts/upsert', { email: 'b@example.com', createNewIfDuplicateAllowed: true, locationId: LOCATION_ID })
			.reply(200, { new: false, contact: { id: 'c_b' } });
		const { output } = await runNode({
			items: [{ json: {} }, { json: {} }],
			parameters: (i) =>
				i === 0
					? { ...base, email: 'a@example.com', phone: '', additionalFields: { firstName: 'A' }, options: {} }
					: { ...base, email: 'b@example.com', phone: '', additionalFields: {}, options: { createNewIfDuplicateAllowed: true } },
		});
		expect(output).toEqual([
			{ json: { id: 'c_a', isNew: true }, pairedItem: { item: 0 } },
			{ json: { id: 'c_b', isNew: false }, pairedItem: { item: 1 } },
		]);
	});

	it('retries an upsert after a 500 (repeating it cannot duplicate)', async () => {
		ghl().post('/contacts/upsert').reply(500, { message: 'oops' });
		ghl().post('/contacts/upsert').reply(200, { new: true, contact: { id: 'c_a' } });
		const { output } = await runNode({ parameters: { ...base, email: 'a@example.com', phone: '', additionalFields: {}, options: {} } });
		expect(output[0].json).toEqual({ id: 'c_a', isNew: true });
	});

	it('with Continue On Fail, a custom field list GHL refuses (403) fails every item with one read, not one per item', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).once().reply(403, { message: 'The token is not authorized for this scope.' });
		const { output } = await runNode({
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }, { json: {} }],
			// One item after another: items in flight together would share the pending read anyway.
			parameters: (i) => ({
				...base,
				email: `a${i}@example.com`,
				phone: '',
				additionalFields: { customFields: { field: [{ field: 'score', value: '5' }] } },
				options: {},
				requestOptions: { concurrency: 1 },
			}),
		});
		expect(output.map((item) => [item.json.httpCode, item.pairedItem])).toEqual([0, 1, 2].map((item) => ['403', { item }]));
	});

	async function maxConcurrentUpserts(emails: string[]): Promise<number> {
		let inFlight = 0;
		let maxInFlight = 0;
		ghl()
			.post('/contacts/upsert')
			.times(emails.length)
			.reply(async () => {
				maxInFlight = Math.max(maxInFlight, ++inFlight);
				await new Promise((resolve) => setTimeout(resolve, 15));
				inFlight--;
				return [200, { new: false, contact: { id: 'x' } }];
			});
		const { output } = await runNode({
			items: emails.map(() => ({ json: {} })),
			parameters: (i) => ({ ...base, email: emails[i], phone: '', additionalFields: {}, options: {} }),
		});
		expect(output.map((item) => item.pairedItem)).toEqual(emails.map((_, item) => ({ item })));
		return maxInFlight;
	}

	it('sends items for different contacts concurrently', async () => {
		expect(await maxConcurrentUpserts(['a@x.io', 'b@x.io', 'c@x.io', 'd@x.io'])).toBeGreaterThan(1);
	});

	it('never has two items for the same email in flight at once', async () => {
		expect(await maxConcurrentUpserts(['Same@x.io', 'same@x.io', 'SAME@x.io'])).toBe(1);
	});

	it('simplifies the output when asked, custom fields by key', async () => {
		ghl().post('/contacts/upsert').reply(200, {
			new: true,
			contact: { id: 'c1', firstName: 'Jane', lastName: 'Doe', email: 'j@x.io', tags: ['hot'], dateAdded: '2026-01-01T00:00:00.000Z', customFields: [{ id: 'cf_score', value: 91 }] },
		});
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'contact' })
			.reply(200, { customFields: [{ id: 'cf_score', fieldKey: 'contact.lead_score', dataType: 'NUMERICAL' }] });
		const { output } = await runNode({ parameters: { ...base, email: 'j@x.io', phone: '', additionalFields: {}, options: { simplify: true } } });
		expect(output[0].json).toEqual({
			id: 'c1',
			name: 'Jane Doe',
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'j@x.io',
			phone: null,
			tags: ['hot'],
			assignedTo: null,
			dateAdded: '2026-01-01T00:00:00.000Z',
			dateUpdated: null,
			locationId: LOCATION_ID,
			customFields: { lead_score: 91 },
			isNew: true,
		});
	});

	it('names an unknown custom field before writing anything', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).reply(200, { customFields: [] });
		await expect(
			runNode({ parameters: { ...base, email: 'j@x.io', phone: '', additionalFields: { customFields: { field: [{ field: 'nope', value: '1' }] } }, options: {} } }),
		).rejects.toMatchObject({ message: expect.stringContaining('Custom Field "nope": no contact custom field with that id, key or name') });
	});
});
