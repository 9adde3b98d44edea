/**
 * What the queue suites import besides the e2e fixtures (test/e2e/harness/fixtures.ts, used as
 * they are): one GHL Trigger workflow whose next node calls GHL, so that the trigger's part runs
 * in the webhook process and the GHL node's on a worker.
 *
 * Its Fetch Full Record credential keeps the fake's URL in its own (hidden) apiBaseUrl field:
 * `n8n webhook` in 2.41 never loads CREDENTIALS_OVERWRITE_DATA (only `n8n start` and
 * `n8n worker` call CredentialsOverwrites.init(), see dist/commands/webhook.js), and a trigger's
 * webhook function runs in the webhook process. The GHL node after it uses the e2e OAuth2
 * credential, pointed at the fake by the overwrites on the worker.
 */
import type { CredentialRef, E2eContext, WorkflowRef } from '../e2e/harness/context';
import { byId, chain, credentialsOf, type ExportedCredential, type ExportedWorkflow, ghl, IDS } from '../e2e/harness/fixtures';

export const QUEUE_WORKFLOWS = {
	ghlTriggerChain: { id: 'queueWfGhlTrig01', name: 'Queue: GHL Trigger → Contact get', path: 'queue-ghl-trigger-0001/webhook' },
} satisfies Record<string, WorkflowRef>;

export const PIT_WITH_URL: CredentialRef = { id: 'queueCredPitUrl1', name: 'Queue: Private Integration (own API base URL)', type: 'ghlPrivateIntegrationApi' };

export function queueCredentials(fakeUrl: string): ExportedCredential[] {
	return [{ ...PIT_WITH_URL, data: { accessToken: IDS.pitA, locationId: IDS.locationA, apiBaseUrl: fakeUrl } }];
}

export function queueWorkflows(credentials: E2eContext['credentials'], publicKeyPem: string): ExportedWorkflow[] {
	const ref = QUEUE_WORKFLOWS.ghlTriggerChain;
	return [
		chain(ref, [
			{
				id: '00000000-0000-4000-9000-000000000001',
				name: 'GHL Trigger',
				type: 'n8n-nodes-ghl.ghlTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: ref.path.split('/')[0],
				parameters: {
					source: 'marketplaceApp',
					events: ['ContactCreate'],
					signatureVerification: 'signature',
					locationIds: '',
					fetchFullRecord: 'ghlPrivateIntegrationApi',
					options: { customPublicKeys: publicKeyPem },
				},
				credentials: credentialsOf(PIT_WITH_URL),
			},
			ghl('Contact: get', credentials.oauthA, 'contact', 'get', { contactId: byId('={{ $json.payload.id }}'), options: {} }),
		]),
	];
}
