import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { GhlPrivateIntegrationApi } from '../../../credentials/GhlPrivateIntegrationApi.credentials';
import { SAFE_URLS, UNSAFE_URLS } from '../../helpers/hostile';
import { useGhlTestEnvironment } from '../../helpers/setup';

useGhlTestEnvironment();

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

	it.each(SAFE_URLS)('sends the token to the stored host %s', (url) => expect(baseUrlFor(url)).toBe(url));
	it.each(UNSAFE_URLS.filter(Boolean))('sends it to GHL, never to %s', (url) => expect(baseUrlFor(url)).toBe('https://services.leadconnectorhq.com'));
});
