import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { GhlPrivateIntegrationApi } from '../../../../../credentials/GhlPrivateIntegrationApi.credentials';
import { urlProblem } from '../../../../../nodes/Ghl/transport/credentialUrls';
import { oauthLocationCredentials, privateIntegrationCredentials } from '../../../../helpers/context';
import { runNode, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

const SAFE = ['https://services.leadconnectorhq.com', 'https://services.leadconnectorhq.com/', 'http://127.0.0.1:4010', 'http://localhost:8080/x', 'http://[::1]:9'];
const UNSAFE = ['http://evil.example', 'ftp://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.evil.example', 'https://user:pw@evil.example', 'javascript:alert(1)', 'evil.example', ''];

describe('credential URL fields', () => {
	it.each(SAFE)('accepts %s', (url) => expect(urlProblem(url)).toBeUndefined());
	it.each(UNSAFE.filter(Boolean))('refuses %s', (url) => expect(urlProblem(url)).toBeDefined());

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

describe('Private Integration credential test', () => {
	const node: INode = { id: 'n', name: 'n', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };
	const type = { description: { properties: [], inputs: [], outputs: [], defaults: {} } };
	const nodeTypes = { getByName: () => type, getByNameAndVersion: () => type, getKnownTypes: () => ({}) } as unknown as INodeTypes;
	// Resolved by n8n's own expression engine, as n8n does for a credential test request.
	const baseUrlFor = (apiBaseUrl: string) => {
		const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
		const request = new GhlPrivateIntegrationApi().test.request;
		return workflow.expression.getSimpleParameterValue(node, request.baseURL as string, 'internal', { $credentials: { apiBaseUrl } } as never);
	};

	it.each(SAFE)('sends the token to the stored host %s', (url) => expect(baseUrlFor(url)).toBe(url));
	it.each(UNSAFE.filter(Boolean))('sends it to GHL, never to %s', (url) => expect(baseUrlFor(url)).toBe('https://services.leadconnectorhq.com'));
});
