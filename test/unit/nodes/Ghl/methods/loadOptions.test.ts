import { getCustomFields, getTags, getUsers } from '../../../../../nodes/Ghl/methods/loadOptions';
import { createLoadOptionsContext, LOCATION_ID } from '../../../../helpers/context';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('load options (option pickers)', () => {
	it('loads users, tags (by name) and custom fields (with their keys) of the location', async () => {
		ghl().get('/users/').query({ locationId: LOCATION_ID }).reply(200, { users: [{ id: 'u2', name: 'Zed', email: 'z@x.io' }, { id: 'u1', name: 'Amy' }] });
		ghl().get(`/locations/${LOCATION_ID}/tags`).reply(200, { tags: [{ id: 't1', name: 'vip' }, { id: 't2', name: 'hot' }] });
		ghl()
			.get(`/locations/${LOCATION_ID}/customFields`)
			.query({ model: 'contact' })
			.reply(200, { customFields: [{ id: 'cf1', name: 'Lead Score', fieldKey: 'contact.lead_score', dataType: 'NUMERICAL' }] });
		const context = createLoadOptionsContext({});
		expect(await getUsers.call(context)).toEqual([
			{ name: 'Amy', value: 'u1' },
			{ name: 'Zed (z@x.io)', value: 'u2' },
		]);
		expect(await getTags.call(context)).toEqual([
			{ name: 'hot', value: 'hot' },
			{ name: 'vip', value: 'vip' },
		]);
		expect(await getCustomFields.call(context)).toEqual([{ name: 'Lead Score (lead_score)', value: 'cf1', description: 'NUMERICAL' }]);
	});

	it('a bad token in a picker is an error, not an empty list', async () => {
		ghl().get(`/locations/${LOCATION_ID}/tags`).reply(401, { message: 'Invalid JWT' });
		await expect(getTags.call(createLoadOptionsContext({}))).rejects.toMatchObject({ httpCode: '401' });
	});
});
