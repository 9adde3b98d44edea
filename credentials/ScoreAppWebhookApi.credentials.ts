import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/** The secret key entered in ScoreApp (Integrate → Webhooks); it signs each request (Scoreapp-Signature). */
export class ScoreAppWebhookApi implements ICredentialType {
	name = 'scoreAppWebhookApi';

	displayName = 'ScoreApp Webhook API';

	documentationUrl = 'https://support.scoreapp.com/article/101-webhooks';

	icon = { light: 'file:../icons/scoreapp.svg', dark: 'file:../icons/scoreapp.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'The secret key you entered for this webhook in ScoreApp (Integrate → Webhooks)',
		},
	];
}
