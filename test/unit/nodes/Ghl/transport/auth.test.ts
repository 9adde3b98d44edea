import { LOCATION_ID, locator, oauthLocationCredentials } from '../../../../helpers/context';
import { clientFor, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('OAuth2 location handling', () => {
	it('a sub-account token works in its own location and refuses another', async () => {
		const client = await clientFor({ location: locator('id', '') }, oauthLocationCredentials as never);
		expect(client.locationId).toBe(LOCATION_ID);
		await expect(clientFor({ location: locator('id', 'other') }, oauthLocationCredentials as never)).rejects.toMatchObject({
			message: 'Location "other" is not the one this credential was installed on',
		});
	});
});
