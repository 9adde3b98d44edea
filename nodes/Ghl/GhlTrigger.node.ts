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
	isPlainObject,
	now,
	parseJsonObject,
	readRawBody,
	reject,
	sha256Hex,
	type Headers,
	pastedUrlWebhookMethods,
	warnOnce,
} from '../shared/webhook';
import {
	ghlTriggerProperties,
	MARKETPLACE,
	WORKFLOW_WEBHOOK,
} from './trigger/description';
import { applyEcho, echoSettings, isOwnEcho, needsRecord } from './trigger/echoGuard';
import { fetchFullRecord, recordSource } from './trigger/fetchRecord';
import { checkSignature, checkWorkflowSecret, eventTolerance, isSigned, refusedConfiguration } from './trigger/checks';
import { checkFreshness, MIN_SECRET_LENGTH } from './trigger/verification';

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
				if (secret.length < MIN_SECRET_LENGTH) {
					return { status: 'Error', message: `Use a secret of at least ${MIN_SECRET_LENGTH} characters` };
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
		const signed = isSigned.call(this, source);

		const body = readRawBody(req);
		if (body.tooLarge) {
			reject(res, 413);
			return { noWebhookResponse: true };
		}
		const { raw } = body;

		const refused = refusedConfiguration.call(this, source);
		if (refused) {
			warnOnce(this, 'configuration', refused);
			reject(res, 401);
			return { noWebhookResponse: true };
		}

		// 1. Authenticate the request.
		let verified = false;
		if (source === WORKFLOW_WEBHOOK) verified = await checkWorkflowSecret.call(this, headers);
		else if (signed) verified = checkSignature.call(this, raw, headers);
		else verified = true;
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

		// 3. Freshness (signed events): the timestamp must be within Max Event Age.
		const tolerance = source === MARKETPLACE && signed ? eventTolerance.call(this) : { seconds: 0 };
		if ('invalid' in tolerance) {
			reject(res, 401);
			return { noWebhookResponse: true };
		}
		if (tolerance.seconds > 0 && checkFreshness(payload.timestamp, tolerance.seconds, now()) !== 'fresh') {
			reject(res, 401);
			return { noWebhookResponse: true };
		}

		// 4. Filters: unwanted events are acknowledged and start nothing. They come before the replay
		// memory, so other tenants' events never take a place in it.
		if (source === MARKETPLACE) {
			const events = this.getNodeParameter('events', []) as string[];
			if (!events.includes('*') && !events.includes(event)) return acknowledge(res);
		}
		const locations = locationFilter(this.getNodeParameter('locationIds', ''));
		if (locations.length && (!locationId || !locations.includes(locationId))) return acknowledge(res);

		// 5. Replay: a webhookId (or, without one, identical signed bytes) starts at most once. The
		// TTL outlives the timestamp window in both directions, plus a margin.
		if (source === MARKETPLACE) {
			const replayKey = webhookId ? `id:${webhookId}` : signed && raw ? `raw:${sha256Hex(raw)}` : undefined;
			const ttlMs = tolerance.seconds > 0 ? (2 * tolerance.seconds + 60) * 1000 : 24 * 60 * 60 * 1000;
			// Already delivered: acknowledge so GHL does not retry, start nothing.
			if (replayKey && !rememberOnce(this, replayKey, ttlMs)) return acknowledge(res);
		}

		// 6. Output one item per event.
		const item: IDataObject = {
			event,
			locationId: locationId ?? null,
			webhookId: webhookId ?? null,
			timestamp: (payload.timestamp as string | undefined) ?? null,
			payload,
		};

		const fetching = source === MARKETPLACE && this.getNodeParameter('fetchFullRecord', 'none') !== 'none' && recordSource(event, payload);
		// Echo guard: our own marked write coming back starts nothing (contacts: from the payload).
		const echo = source === MARKETPLACE ? echoSettings.call(this) : undefined;
		if (echo && !(fetching && needsRecord(event)) && applyEcho(item, echo, isOwnEcho.call(this, event, payload))) return acknowledge(res);

		if (fetching) {
			// Answer GHL now; reading the record may take a few seconds (rate limits, retries).
			res.status(200).json({ received: true });
			Object.assign(item, await fetchFullRecord.call(this, event, locationId, payload));
			if (echo && needsRecord(event) && applyEcho(item, echo, isOwnEcho.call(this, event, payload, item.record))) {
				return { noWebhookResponse: true };
			}
			return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
		}

		return acknowledge(res, this.helpers.returnJsonArray(item));
	}
}
