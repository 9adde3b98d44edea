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

import {
	headerValue,
	isPlainObject,
	now,
	parseJsonObject,
	readRawBody,
	reject,
	seenIdsFor,
	sha256Hex,
	type Headers,
	pastedUrlWebhookMethods,
} from '../shared/webhook';
import {
	DEFAULT_TOLERANCE_SECONDS,
	ghlTriggerProperties,
	MARKETPLACE,
	WORKFLOW_WEBHOOK,
} from './description';
import { fetchFullRecord, recordSource } from './fetchRecord';
import {
	checkFreshness,
	verificationKeys,
	verifyGhlSignature,
	verifySharedSecret,
	type KeyOptions,
} from './GhlTriggerHelpers';

interface TriggerOptions {
	allowLegacyRsa?: boolean;
	customPublicKeys?: string;
	toleranceSeconds?: number;
	useBuiltInKeys?: boolean;
}

const WEBHOOK_SECRET_CREDENTIAL = 'ghlWebhookSecretApi';

function locationFilter(value: unknown): string[] {
	return String(value ?? '')
		.split(/[\s,]+/)
		.map((id) => id.trim())
		.filter(Boolean);
}

function eventLocation(payload: IDataObject): string | undefined {
	const location = payload.location as IDataObject | undefined;
	const id = payload.locationId ?? (isPlainObject(location) ? location.id : undefined);
	return typeof id === 'string' && id ? id : undefined;
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HighLevel (GHL) Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["source"] === "workflowWebhook" ? "Workflow webhook" : ($parameter["events"] || []).join(", ")}}',
		description: 'Starts a workflow on signed HighLevel (GoHighLevel) webhook events or GHL workflow webhooks',
		defaults: { name: 'HighLevel (GHL) Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'ghlOAuth2Api',
				required: true,
				displayOptions: {
					show: { fetchFullRecord: ['ghlOAuth2Api'] },
				},
			},
			{
				name: 'ghlPrivateIntegrationApi',
				required: true,
				displayOptions: {
					show: { fetchFullRecord: ['ghlPrivateIntegrationApi'] },
				},
			},
			{
				name: 'ghlWebhookSecretApi',
				required: true,
				testedBy: 'ghlWebhookSecretTest',
				displayOptions: { show: { source: [WORKFLOW_WEBHOOK] } },
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
		properties: ghlTriggerProperties,
	};

	methods = {
		credentialTest: {
			async ghlWebhookSecretTest(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const secret = String(credential.data?.secret ?? '');
				if (secret.length < 16) {
					return { status: 'Error', message: 'Use a secret of at least 16 characters' };
				}
				return { status: 'OK', message: 'The secret is set' };
			},
		},
	};

	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const headers = req.headers as Headers;
		const source = this.getNodeParameter('source', MARKETPLACE) as string;
		const signed =
			source === MARKETPLACE && this.getNodeParameter('signatureVerification', 'signature') === 'signature';

		const body = readRawBody(req);
		if (body.tooLarge) {
			reject(res, 413);
			return { noWebhookResponse: true };
		}
		const { raw } = body;

		// 1. Authenticate the request.
		let verified = false;
		if (source === WORKFLOW_WEBHOOK) {
			let secret: string | undefined;
			try {
				secret = String((await this.getCredentials(WEBHOOK_SECRET_CREDENTIAL)).secret ?? '');
			} catch {
				secret = undefined;
			}
			const secretIn = this.getNodeParameter('secretIn', 'header') as string;
			const provided =
				secretIn === 'query'
					? (this.getQueryData() as IDataObject)[this.getNodeParameter('queryParameterName', 'secret') as string]
					: headerValue(headers, this.getNodeParameter('headerName', 'x-webhook-secret') as string);
			verified = verifySharedSecret(typeof provided === 'string' ? provided : undefined, secret);
		} else if (signed) {
			const options = this.getNodeParameter('options', {}) as TriggerOptions;
			const keyOptions: KeyOptions = {
				useBuiltInKeys: options.useBuiltInKeys ?? true,
				customPublicKeys: options.customPublicKeys ?? '',
				allowLegacyRsa: options.allowLegacyRsa ?? false,
			};
			const keys = verificationKeys(keyOptions);
			if (keys.problems.length) {
				this.logger.warn(`GHL Trigger: ignoring unusable custom keys: ${keys.problems.join('; ')}`);
			}
			verified = verifyGhlSignature(raw, headers, keys);
		} else {
			verified = true;
		}
		if (!verified) {
			reject(res, 401);
			return { noWebhookResponse: true };
		}

		// 2. Parse exactly the bytes that were verified.
		let payload: IDataObject | undefined;
		if (raw) payload = parseJsonObject(raw);
		else if (!signed) {
			// No raw bytes kept (not the case for JSON requests in n8n): fall back to the parsed body.
			const parsed = this.getBodyData();
			payload = isPlainObject(parsed) && Object.keys(parsed).length ? parsed : undefined;
		}
		if (!payload) {
			reject(res, 400);
			return { noWebhookResponse: true };
		}

		const event =
			source === WORKFLOW_WEBHOOK ? 'WorkflowWebhook' : typeof payload.type === 'string' ? payload.type : '';
		const locationId = eventLocation(payload);
		const webhookId = typeof payload.webhookId === 'string' && payload.webhookId ? payload.webhookId : undefined;

		// 3. Replay protection (signed events): the timestamp must be recent and the webhookId new.
		if (source === MARKETPLACE) {
			const options = this.getNodeParameter('options', {}) as TriggerOptions;
			const tolerance = signed ? Number(options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS) : 0;
			const at = now();
			if (tolerance > 0 && checkFreshness(payload.timestamp, tolerance, at) !== 'fresh') {
				reject(res, 401);
				return { noWebhookResponse: true };
			}
			// Without a webhookId, identical signed bytes are the replay.
			const replayKey = webhookId ?? (signed && raw ? `sha256:${sha256Hex(raw)}` : undefined);
			const ttlMs = tolerance > 0 ? (2 * tolerance + 60) * 1000 : 24 * 60 * 60 * 1000;
			if (replayKey && !seenIdsFor(this).remember(replayKey, ttlMs, at)) {
				// Already delivered: acknowledge so GHL does not retry, start nothing.
				return {};
			}
		}

		// 4. Filters: unwanted events are acknowledged and start nothing.
		if (source === MARKETPLACE) {
			const events = this.getNodeParameter('events', []) as string[];
			if (!events.includes('*') && !events.includes(event)) return {};
		}
		const locations = locationFilter(this.getNodeParameter('locationIds', ''));
		if (locations.length && (!locationId || !locations.includes(locationId))) return {};

		// 5. Output one item per event.
		const item: IDataObject = {
			event,
			locationId: locationId ?? null,
			webhookId: webhookId ?? null,
			timestamp: (payload.timestamp as string | undefined) ?? null,
			payload,
		};

		if (source === MARKETPLACE && this.getNodeParameter('fetchFullRecord', 'none') !== 'none' && recordSource(event, payload)) {
			// Answer GHL now; reading the record may take a few seconds (rate limits, retries).
			res.status(200).json({ received: true });
			Object.assign(item, await fetchFullRecord.call(this, event, locationId, payload));
			return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
		}

		return { workflowData: [this.helpers.returnJsonArray(item)] };
	}
}
