import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { rememberOnce } from '../shared/replay';
import {
	acknowledge,
	canonicalJson,
	isPlainObject,
	parseJsonObject,
	readRawBody,
	reject,
	sha256Hex,
	type Headers,
	pastedUrlWebhookMethods,
} from '../shared/webhook';
import { normalizeScoreAppEvent } from './normalize';
import { verifyScoreAppSignature } from './ScoreAppTriggerHelpers';

const SCOREAPP_EVENTS = [
	{ name: 'Lead Details Updated', value: 'LEAD_DETAILS_UPDATED' },
	{ name: 'Lead Signed Up', value: 'LEAD_SIGNED_UP' },
	{ name: 'Quiz Finished', value: 'QUIZ_FINISHED' },
	{ name: 'Quiz Started', value: 'QUIZ_STARTED' },
];

const DEFAULT_DUPLICATE_WINDOW_MINUTES = 5;

/** What the signature vouches for: the parsed content (raw bytes only if too deep to walk). */
function contentFingerprint(raw: Buffer | undefined, payload: IDataObject): string {
	try {
		return `json:${sha256Hex(canonicalJson(payload))}`;
	} catch {
		// Too deep to re-serialise: then only the raw bytes could have matched the signature.
		return `raw:${sha256Hex(raw ?? '')}`;
	}
}

export class ScoreAppTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ScoreApp Trigger',
		name: 'scoreAppTrigger',
		icon: { light: 'file:../../icons/scoreapp.svg', dark: 'file:../../icons/scoreapp.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts a workflow when ScoreApp sends a quiz or lead webhook',
		defaults: { name: 'ScoreApp Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'scoreAppWebhookApi',
				required: true,
				testedBy: 'scoreAppSecretTest',
				displayOptions: { show: { signatureVerification: ['secret'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'In ScoreApp open your scorecard, go to <b>Integrate → Webhooks → Connect</b>, paste this node\'s <b>Production URL</b> (Webhook URLs, above), enter a secret key and pick the events. Put the same secret in this node\'s credential.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'Events that start the workflow. Others are answered 200 and ignored.',
				options: [{ name: 'All Events', value: '*' }, ...SCOREAPP_EVENTS],
			},
			{
				displayName: 'Signature Verification',
				name: 'signatureVerification',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Verify With Secret (Recommended)',
						value: 'secret',
						description: 'Reject any request whose Scoreapp-Signature does not match the secret',
					},
					{
						name: 'None (Insecure)',
						value: 'none',
						description: 'Accept unsigned requests. Anyone who knows the URL can start the workflow.',
					},
				],
				default: 'secret',
			},
			{
				displayName:
					'Without verification anyone who learns this URL can start the workflow with made-up leads. Set a secret in ScoreApp and use "Verify With Secret" in production.',
				name: 'noVerificationWarning',
				type: 'notice',
				default: '',
				displayOptions: { show: { signatureVerification: ['none'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeats Within (Minutes)',
						name: 'duplicateWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_DUPLICATE_WINDOW_MINUTES,
						description:
							'An event with the same content (same fields and values, however spaced, ordered or escaped) as one that started the workflow this many minutes ago is acknowledged but starts nothing (ScoreApp sends no timestamp or event ID). 0 turns this off.',
					},
				],
			},
		],
	};

	methods = {
		credentialTest: {
			async scoreAppSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				if (!String(credential.data?.secret ?? '')) {
					return { status: 'Error', message: 'Enter the secret key set in ScoreApp' };
				}
				return { status: 'OK', message: 'The secret is set' };
			},
		},
	};

	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();

		const body = readRawBody(req);
		if (body.tooLarge) {
			reject(res, 413);
			return { noWebhookResponse: true };
		}
		const { raw } = body;

		// Parse first (not trusted yet): the signature may cover the re-serialised JSON.
		let payload: IDataObject | undefined;
		if (raw) payload = parseJsonObject(raw);
		else {
			const parsed = this.getBodyData();
			payload = isPlainObject(parsed) && Object.keys(parsed).length ? parsed : undefined;
		}

		// 1. Authenticate.
		if (this.getNodeParameter('signatureVerification', 'secret') === 'secret') {
			let secret: string | undefined;
			try {
				secret = String((await this.getCredentials('scoreAppWebhookApi')).secret ?? '');
			} catch {
				secret = undefined;
			}
			if (!verifyScoreAppSignature(raw, payload, req.headers as Headers, secret)) {
				reject(res, 401);
				return { noWebhookResponse: true };
			}
		}

		// 2. Only a JSON object goes further.
		if (!payload) {
			reject(res, 400);
			return { noWebhookResponse: true };
		}

		// 3. Event filter, before the repeat guard: an ignored event takes no place in its memory.
		const event = typeof payload.event_name === 'string' ? payload.event_name : '';
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes('*') && !events.includes(event)) return acknowledge(res);

		// 4. Repeats start nothing. The signature also vouches for JSON.stringify of the parsed body,
		// so the guard keys on the parsed content: re-spaced or re-escaped copies are the same event.
		const options = this.getNodeParameter('options', {}) as { duplicateWindowMinutes?: number };
		const windowMinutes = Number(options.duplicateWindowMinutes ?? DEFAULT_DUPLICATE_WINDOW_MINUTES);
		if (windowMinutes > 0) {
			if (!rememberOnce(this, contentFingerprint(raw, payload), windowMinutes * 60_000)) return acknowledge(res);
		}

		return acknowledge(res, this.helpers.returnJsonArray(normalizeScoreAppEvent(payload)));
	}
}
