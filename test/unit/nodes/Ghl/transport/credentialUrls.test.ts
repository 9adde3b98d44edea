import { urlProblem } from '../../../../../nodes/Ghl/transport/credentialUrls';
import { oauthLocationCredentials, privateIntegrationCredentials } from '../../../../helpers/context';
import { SAFE_URLS, UNSAFE_URLS } from '../../../../helpers/hostile';
import { runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

describe('credential URL fields', () => {
	it.each(SAFE_URLS)('accepts %s', (url) => expect(urlProblem(url)).toBeUndefined());
	it.each(UNSAFE_URLS.filter(Boolean))('refuses %s', (url) => expect(urlProblem(url)).toBeDefined());

	it.each([
		['Private Integration apiBaseUrl', { ...privateIntegrationCredentials, apiBaseUrl: 'http://evil.example' }, 'apiBaseUrl'],
		['OAuth2 apiBaseUrl', { ...oauthLocationCredentials, apiBaseUrl: 'http://evil.example' }, 'apiBaseUrl'],
		['OAuth2 accessTokenUrl', { ...oauthLocationCredentials, accessTokenUrl: 'http://evil.example/token' }, 'accessTokenUrl'],
	])('the node refuses a %s pointing elsewhere before any request (no token leaves)', async (_, credentials, field) => {
		// No interceptor for any host: a request would fail the test with a different error.
		const run = runNode({ credentials, parameters: { resource: 'contact', operation: 'delete', contactId: 'c1' } });
		await expect(run).rejects.toMatchObject({ name: 'NodeOperationError', message: `The credential's ${field} must be an https:// URL (plain http is allowed only to localhost)` });
		await expect(run).rejects.not.toMatchObject({ message: expect.stringContaining('evil') });
	});
});
