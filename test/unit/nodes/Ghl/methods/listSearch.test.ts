import nock from 'nock';

import { searchCalendars, searchContacts, searchLocations } from '../../../../../nodes/Ghl/methods/listSearch';
import { BASE_URL, createLoadOptionsContext, LOCATION_ID, locator, oauthCompanyCredentials, oauthLocationCredentials } from '../../../../helpers/context';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('list searches (resource locator pickers)', () => {
	it('lists an agency\'s installed locations with the app ID from the client ID, paging by skip', async () => {
		nock(BASE_URL, { reqheaders: { authorization: 'Bearer company-access', version: '2021-07-28' } })
			.get('/oauth/installedLocations')
			.query({ companyId: 'comp_1', appId: 'app123', isInstalled: 'true', limit: '50', skip: '0', query: 'den' })
			.reply(200, { locations: Array.from({ length: 50 }, (_, i) => ({ _id: `loc${i}`, name: `Dentist ${i}`, address: 'Main St' })) });
		const context = createLoadOptionsContext({ credentials: oauthCompanyCredentials });
		const result = await searchLocations.call(context, 'den');
		expect(result.results[0]).toEqual({ name: 'Dentist 0 — Main St', value: 'loc0' });
		expect(result.paginationToken).toBe('50');
	});

	it('a sub-account credential offers just its own location', async () => {
		const result = await searchLocations.call(createLoadOptionsContext({ credentials: oauthLocationCredentials }));
		expect(result).toEqual({ results: [{ name: LOCATION_ID, value: LOCATION_ID }] });
	});

	it('searches contacts with the typed text and pages on', async () => {
		ghl()
			.post('/contacts/search', { locationId: LOCATION_ID, page: 2, pageLimit: 50, query: 'jane', sort: [{ field: 'dateAdded', direction: 'desc' }] })
			.reply(200, { contacts: [{ id: 'c1', firstNameLowerCase: 'jane', lastNameLowerCase: 'doe', email: 'j@x.io' }], total: 51 });
		const result = await searchContacts.call(createLoadOptionsContext({}), 'jane', '2');
		expect(result).toEqual({ results: [{ name: 'jane doe (j@x.io)', value: 'c1' }], paginationToken: undefined });
	});

	it('lists calendars with the calendars Version header, in the chosen agency location', async () => {
		nock(BASE_URL).post('/oauth/locationToken', 'companyId=comp_1&locationId=locZ').reply(200, { access_token: 'tok-Z', expires_in: 86399 });
		ghl('2021-04-15', 'tok-Z').get('/calendars/').query({ locationId: 'locZ' }).reply(200, { calendars: [{ id: 'cal1', name: 'Discovery Call' }, { id: 'cal2', name: 'Demo' }] });
		const context = createLoadOptionsContext({ credentials: oauthCompanyCredentials, parameters: { location: locator('list', 'locZ') } });
		expect((await searchCalendars.call(context, 'disc')).results).toEqual([{ name: 'Discovery Call', value: 'cal1' }]);
	});
});
