import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The shared secret a GHL automation's Webhook action sends to the GHL Trigger (Workflow Webhook source). */
export class GhlWebhookSecretApi implements ICredentialType {
	name = 'ghlWebhookSecretApi';

	displayName = 'HighLevel (GHL) Workflow Webhook Secret API';

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-ghl';

	icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'A long random value (at least 16 characters). Send the same value from the GHL Webhook action, in the header or query parameter set on the trigger node.',
		},
	];
}
