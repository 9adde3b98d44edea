import type { INodeProperties } from 'n8n-workflow';

import { flagEchoesOption, ignoreEchoesOption } from './echoGuard';

export const MARKETPLACE = 'marketplaceApp';
export const WORKFLOW_WEBHOOK = 'workflowWebhook';
export const DEFAULT_TOLERANCE_SECONDS = 300;

export const GHL_EVENTS = [
	{ name: 'App Installed', value: 'INSTALL' },
	{ name: 'App Uninstalled', value: 'UNINSTALL' },
	{ name: 'Appointment Created', value: 'AppointmentCreate' },
	{ name: 'Appointment Deleted', value: 'AppointmentDelete' },
	{ name: 'Appointment Updated', value: 'AppointmentUpdate' },
	{ name: 'Contact Created', value: 'ContactCreate' },
	{ name: 'Contact Deleted', value: 'ContactDelete' },
	{ name: 'Contact DND Updated', value: 'ContactDndUpdate' },
	{ name: 'Contact Tags Updated', value: 'ContactTagUpdate' },
	{ name: 'Contact Updated', value: 'ContactUpdate' },
	{ name: 'Inbound Message', value: 'InboundMessage' },
	{ name: 'Note Created', value: 'NoteCreate' },
	{ name: 'Note Deleted', value: 'NoteDelete' },
	{ name: 'Note Updated', value: 'NoteUpdate' },
	{ name: 'Opportunity Assigned User Updated', value: 'OpportunityAssignedToUpdate' },
	{ name: 'Opportunity Created', value: 'OpportunityCreate' },
	{ name: 'Opportunity Deleted', value: 'OpportunityDelete' },
	{ name: 'Opportunity Monetary Value Updated', value: 'OpportunityMonetaryValueUpdate' },
	{ name: 'Opportunity Stage Updated', value: 'OpportunityStageUpdate' },
	{ name: 'Opportunity Status Updated', value: 'OpportunityStatusUpdate' },
	{ name: 'Opportunity Updated', value: 'OpportunityUpdate' },
	{ name: 'Outbound Message', value: 'OutboundMessage' },
	{ name: 'Task Completed', value: 'TaskComplete' },
	{ name: 'Task Created', value: 'TaskCreate' },
	{ name: 'Task Deleted', value: 'TaskDelete' },
];

const marketplace = { show: { source: [MARKETPLACE] } };
const workflowWebhook = { show: { source: [WORKFLOW_WEBHOOK] } };

export const ghlTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Marketplace App Webhooks (Signed)',
				value: MARKETPLACE,
				description: 'Events GHL sends to your marketplace app\'s webhook URL, signed by GHL',
			},
			{
				name: 'GHL Workflow Webhook Action (Shared Secret)',
				value: WORKFLOW_WEBHOOK,
				description: 'Payloads sent by a Webhook action in a GHL automation workflow (unsigned; protected by a secret)',
			},
		],
		default: MARKETPLACE,
	},
	{
		displayName:
			'GHL has one webhook URL per marketplace app and no API to subscribe, so n8n cannot register this trigger for you. Copy the <b>Production URL</b> (Webhook URLs, above) into your app on marketplace.gohighlevel.com: <b>Advanced Settings → Webhooks → Webhook URL</b>, tick the same events there, save, and activate this workflow. INSTALL/UNINSTALL are sent to the same default URL.',
		name: 'marketplaceNotice',
		type: 'notice',
		default: '',
		displayOptions: marketplace,
	},
	{
		displayName:
			'In a GHL workflow, add a <b>Webhook</b> (or <b>Custom Webhook</b>) action, paste this node\'s <b>Production URL</b> (Webhook URLs, above) and send the secret from the credential in the header or query parameter chosen below. Requests without the right secret are answered 401 and start nothing.',
		name: 'workflowWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: workflowWebhook,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: [],
		description: 'Events that start the workflow. Others are answered 200 and ignored.',
		options: [{ name: 'All Events', value: '*' }, ...GHL_EVENTS],
		displayOptions: marketplace,
	},
	{
		displayName: 'Signature Verification',
		name: 'signatureVerification',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Verify GHL Signature (Recommended)',
				value: 'signature',
				description: 'Reject any request without a valid x-ghl-signature from GHL\'s key (or your custom keys)',
			},
			{
				name: 'None (Insecure)',
				value: 'none',
				description: 'Accept unsigned requests. Anyone who knows the URL can start the workflow.',
			},
		],
		default: 'signature',
		displayOptions: marketplace,
	},
	{
		displayName:
			'Without verification anyone who learns this URL can start the workflow with made-up data. Use it only to inspect payloads, never in production.',
		name: 'noVerificationWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { source: [MARKETPLACE], signatureVerification: ['none'] } },
	},
	{
		displayName: 'Send Secret In',
		name: 'secretIn',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Header', value: 'header', description: 'Recommended: headers are not written to access logs' },
			{ name: 'Query Parameter', value: 'query', description: 'For the basic Webhook action, which cannot set headers' },
		],
		default: 'header',
		displayOptions: workflowWebhook,
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'x-webhook-secret',
		required: true,
		displayOptions: { show: { source: [WORKFLOW_WEBHOOK], secretIn: ['header'] } },
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameterName',
		type: 'string',
		default: 'secret',
		required: true,
		displayOptions: { show: { source: [WORKFLOW_WEBHOOK], secretIn: ['query'] } },
	},
	{
		displayName: 'Location IDs',
		name: 'locationIds',
		type: 'string',
		default: '',
		placeholder: 've9EPM428h8vShlRW1KT, otg8dTQqGLh3Q6iQI55w',
		description:
			'Only start for events of these locations (comma-separated). Leave empty for all. Agency-level events without a location never match a filter.',
	},
	{
		// One option list, not a switch plus an "authentication" field: n8n's editor treats a field
		// whose every value selects a credential as the node's auth field and then hides every other
		// field the credentials depend on (Source disappeared from the panel).
		displayName: 'Fetch Full Record',
		name: 'fetchFullRecord',
		type: 'options',
		options: [
			{ name: "Don't Fetch", value: 'none', description: 'Output the webhook payload as GHL sent it' },
			{ name: 'With OAuth2 (Marketplace App)', value: 'ghlOAuth2Api' },
			{ name: 'With Private Integration Token', value: 'ghlPrivateIntegrationApi' },
		],
		default: 'none',
		description:
			'Whether to read the contact, task, note or appointment from GHL and add it as "record" (webhook payloads are partial), and with which credential. A failed read adds "fetchError" instead; the event is still output.',
		displayOptions: marketplace,
	},
	{
		displayName:
			'Fetch Full Record needs Signature Verification: without it anyone could choose the location and record to read. With verification off and a fetch set, every event is answered 401 and nothing starts.',
		name: 'fetchNeedsSignatureNotice',
		type: 'notice',
		default: '',
		displayOptions: {
			show: {
				source: [MARKETPLACE],
				signatureVerification: ['none'],
				fetchFullRecord: ['ghlOAuth2Api', 'ghlPrivateIntegrationApi'],
			},
		},
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { source: [MARKETPLACE], signatureVerification: ['signature'] } },
		options: [
			{
				displayName: 'Accept Legacy RSA Signatures',
				name: 'allowLegacyRsa',
				type: 'boolean',
				default: false,
				description:
					'Whether to also accept the older x-wh-signature header (RSA-SHA256). GHL is reported to no longer send it since 2026-09-01; leave off unless your app still sends only that header.',
			},
			{
				displayName: 'Custom Public Keys',
				name: 'customPublicKeys',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				placeholder: '-----BEGIN PUBLIC KEY-----\n...\n-----END PUBLIC KEY-----',
				description:
					'Extra Ed25519 (or, with legacy signatures on, RSA) public keys, as PEM blocks or base64 SPKI, e.g. when GHL announces a key rotation',
			},
			ignoreEchoesOption,
			{
				displayName: 'Max Event Age (Seconds)',
				name: 'toleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					'Reject events whose timestamp is further than this from now (either way). Only an explicit 0 turns the age check off (not recommended; repeated webhook IDs are still rejected); any value that is not a number of seconds rejects every event.',
			},
			flagEchoesOption,
			{
				displayName: 'Use Built-in GHL Keys',
				name: 'useBuiltInKeys',
				type: 'boolean',
				default: true,
				description:
					'Whether to trust GHL\'s published webhook keys. Turn off only to trust your custom keys alone (e.g. after a key rotation).',
			},
		],
	},
];
