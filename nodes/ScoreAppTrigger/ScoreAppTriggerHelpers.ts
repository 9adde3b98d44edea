import { createHmac, timingSafeEqual } from 'node:crypto';

import { headerValue, type Headers } from '../shared/webhook';

export const SCOREAPP_SIGNATURE_HEADER = 'scoreapp-signature';

/**
 * The byte strings ScoreApp may have signed: the raw body, and the body re-serialised with
 * JSON.stringify (public receivers report that ScoreApp's own example signs a re-serialised body,
 * which is not always byte-identical to what arrives).
 */
export function signedCandidates(raw: Buffer | undefined, parsed: unknown): Buffer[] {
	const candidates: Buffer[] = [];
	if (raw) candidates.push(raw);
	if (parsed !== undefined) {
		let reserialised: Buffer;
		try {
			reserialised = Buffer.from(JSON.stringify(parsed), 'utf8');
		} catch {
			// Nesting too deep to re-serialise (a caller's choice): only the raw body can match.
			return candidates;
		}
		if (!raw || !reserialised.equals(raw)) candidates.push(reserialised);
	}
	return candidates;
}

/**
 * True when `Scoreapp-Signature` is the hex HMAC-SHA256, keyed with the secret, of the raw body or
 * of its re-serialised JSON. Compared in constant time; an empty secret never verifies.
 */
export function verifyScoreAppSignature(
	raw: Buffer | undefined,
	parsed: unknown,
	headers: Headers,
	secret: string | undefined,
): boolean {
	if (!secret) return false;
	let provided = headerValue(headers, SCOREAPP_SIGNATURE_HEADER)?.trim();
	if (!provided) return false;
	if (provided.toLowerCase().startsWith('sha256=')) provided = provided.slice(7);
	if (!/^[0-9a-f]{64}$/i.test(provided)) return false;
	const expected = Buffer.from(provided, 'hex');
	let match = false;
	for (const candidate of signedCandidates(raw, parsed)) {
		const digest = createHmac('sha256', secret).update(candidate).digest();
		// Every candidate is compared (no early exit), each in constant time.
		if (timingSafeEqual(digest, expected)) match = true;
	}
	return match;
}
