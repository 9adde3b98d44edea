import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { headerValue, sha256Hex, warnOnce, type Headers } from '../../shared/webhook';
import { DEFAULT_TOLERANCE_SECONDS, MARKETPLACE } from './description';
import {
	MIN_SECRET_LENGTH,
	readTolerance,
	verificationKeys,
	verifyGhlSignature,
	verifySharedSecret,
	type KeyOptions,
	type Tolerance,
} from './verification';

/**
 * The GHL Trigger's checks that need the node context (parameters, credentials, the log). Each
 * setting that would weaken a check fails closed: the request is refused and the reason is
 * logged once per node and process, never once per request.
 */

export interface TriggerOptions {
	allowLegacyRsa?: boolean;
	customPublicKeys?: string;
	toleranceSeconds?: unknown;
	useBuiltInKeys?: boolean;
}

const WEBHOOK_SECRET_CREDENTIAL = 'ghlWebhookSecretApi';

/** Verification is off only when explicitly set to None; any other value verifies. */
export function isSigned(this: IWebhookFunctions, source: string): boolean {
	return source === MARKETPLACE && this.getNodeParameter('signatureVerification', 'signature') !== 'none';
}

/**
 * Why this configuration must refuse every request, if it must. Without a signature anyone can
 * send an event, so Fetch Full Record would read (and, with an agency install, mint a token for)
 * whatever location and record the caller names.
 */
export function refusedConfiguration(this: IWebhookFunctions, source: string): string | undefined {
	if (source !== MARKETPLACE || isSigned.call(this, source)) return undefined;
	if (this.getNodeParameter('fetchFullRecord', 'none') === 'none') return undefined;
	return 'GHL Trigger: refusing every event: Fetch Full Record needs Signature Verification on (unsigned events could choose the location and record to read)';
}

/** The GHL workflow webhook's shared secret; a secret shorter than the minimum never matches. */
export async function checkWorkflowSecret(this: IWebhookFunctions, headers: Headers): Promise<boolean> {
	let secret: string | undefined;
	try {
		secret = String((await this.getCredentials(WEBHOOK_SECRET_CREDENTIAL)).secret ?? '');
	} catch {
		secret = undefined;
	}
	if (secret && secret.length < MIN_SECRET_LENGTH) {
		warnOnce(
			this,
			'short-secret',
			`GHL Trigger: refusing every request: the workflow webhook secret is shorter than ${MIN_SECRET_LENGTH} characters`,
		);
		return false;
	}
	const secretIn = this.getNodeParameter('secretIn', 'header') as string;
	const provided =
		secretIn === 'query'
			? (this.getQueryData() as IDataObject)[this.getNodeParameter('queryParameterName', 'secret') as string]
			: headerValue(headers, this.getNodeParameter('headerName', 'x-webhook-secret') as string);
	return verifySharedSecret(typeof provided === 'string' ? provided : undefined, secret);
}

/** The Ed25519 (or allowed legacy RSA) signature over the raw bytes. */
export function checkSignature(this: IWebhookFunctions, raw: Buffer | undefined, headers: Headers): boolean {
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const keyOptions: KeyOptions = {
		useBuiltInKeys: options.useBuiltInKeys ?? true,
		customPublicKeys: options.customPublicKeys ?? '',
		allowLegacyRsa: options.allowLegacyRsa ?? false,
	};
	const keys = verificationKeys(keyOptions);
	if (keys.problems.length) {
		// Once per key set: a junk request must not write a log line.
		warnOnce(
			this,
			`keys:${sha256Hex(JSON.stringify(keyOptions))}`,
			`GHL Trigger: ignoring unusable custom keys: ${keys.problems.join('; ')}`,
		);
	}
	return verifyGhlSignature(raw, headers, keys);
}

/** Max Event Age for signed events; an invalid value is logged once and rejects every event. */
export function eventTolerance(this: IWebhookFunctions): Tolerance {
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const tolerance = readTolerance(options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS);
	if ('invalid' in tolerance) warnOnce(this, 'tolerance', `GHL Trigger: rejecting every event: ${tolerance.invalid}`);
	return tolerance;
}
