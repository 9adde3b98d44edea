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
import { byId, chain, credentialsOf, type ExportedCredential, type ExportedWorkflow, ghl, IDS, webhookNode } from '../e2e/harness/fixtures';

export const QUEUE_WORKFLOWS = {
	ghlTriggerChain: { id: 'queueWfGhlTrig01', name: 'Queue: GHL Trigger → Contact get', path: 'queue-ghl-trigger-0001/webhook' },
	upserts: { id: 'queueWfUpserts01', name: 'Queue: N contact upserts in one location', path: 'queue-upserts' },
} satisfies Record<string, WorkflowRef>;

/** Webhook {n, prefix} → n items → Contact: create or update (location A) → one summary item. */
function upserts(credential: CredentialRef): ExportedWorkflow {
	const code = (name: string, jsCode: string) => ({
		id: `00000000-0000-4000-9000-0000000001${name === 'Items' ? '01' : '02'}`,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [0, 0],
		parameters: { mode: 'runOnceForAllItems', jsCode },
	});
	const ref = QUEUE_WORKFLOWS.upserts;
	return chain(ref, [
		webhookNode(ref.path),
		code(
			'Items',
			"const { n, prefix } = $('Webhook').first().json.body;\nreturn Array.from({ length: n }, (_, i) => ({ json: { email: `${prefix}-${i}@queue.test`, firstName: `Queue${i}` } }));",
		),
		ghl(
			'Contact: upsert',
			credential,
			'contact',
			'upsert',
			{ email: '={{ $json.email }}', phone: '', additionalFields: { firstName: '={{ $json.firstName }}' }, options: {} },
			{ executeOnce: false },
		),
		code('Summary', "return [{ json: { count: $input.all().length, ids: $input.all().map((item) => item.json.id) } }];"),
	]);
}

export const PIT_WITH_URL: CredentialRef = { id: 'queueCredPitUrl1', name: 'Queue: Private Integration (own API base URL)', type: 'ghlPrivateIntegrationApi' };

export function queueCredentials(fakeUrl: string): ExportedCredential[] {
	return [{ ...PIT_WITH_URL, data: { accessToken: IDS.pitA, locationId: IDS.locationA, apiBaseUrl: fakeUrl } }];
}

export function queueWorkflows(credentials: E2eContext['credentials'], publicKeyPem: string): ExportedWorkflow[] {
	const ref = QUEUE_WORKFLOWS.ghlTriggerChain;
	return [
		upserts(credentials.oauthA),
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
