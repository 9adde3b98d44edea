import { createPublicKey, verify, type KeyObject } from 'node:crypto';

import { epochToMs } from '../../shared/epoch';
import { constantTimeEqual, headerValue, type Headers } from '../../shared/webhook';

/**
 * Signature and freshness checks for GHL webhooks. Everything here is pure (no n8n context), so
 * each check is tested on its own; GhlTrigger.node.ts only wires them in order.
 */

/** GHL's Ed25519 webhook key (SPKI DER, base64), used for `x-ghl-signature`. */
export const GHL_ED25519_SPKI = 'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=';

/** GHL's legacy RSA webhook key (WebhookAuthentication.md), used for `x-wh-signature`. */
export const GHL_RSA_SPKI_PEM = `-----BEGIN PUBLIC KEY-----
MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
-----END PUBLIC KEY-----`;

export const SIGNATURE_HEADER = 'x-ghl-signature';
export const LEGACY_SIGNATURE_HEADER = 'x-wh-signature';

/**
 * A signature header's value, or undefined when the request is unsigned: no header, an empty one,
 * or the literal `N/A` some GHL deliveries (test sends) carry in place of a signature.
 */
export function signatureHeader(headers: Headers, name: string): string | undefined {
	const value = headerValue(headers, name)?.trim();
	if (!value || value.toUpperCase() === 'N/A') return undefined;
	return value;
}

export interface ParsedKeys {
	ed25519: KeyObject[];
	rsa: KeyObject[];
	/** One line per key that could not be read or has an unusable type (never the key itself). */
	problems: string[];
}

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/**
 * Reads public keys from text: PEM blocks (`-----BEGIN PUBLIC KEY-----`) and/or bare base64 SPKI
 * DER values separated by whitespace or commas. Ed25519 and RSA keys are sorted apart.
 */
export function parsePublicKeys(text: string): ParsedKeys {
	const result: ParsedKeys = { ed25519: [], rsa: [], problems: [] };
	const candidates: Array<{ label: string; read: () => KeyObject }> = [];
	const pems = text.match(PEM_BLOCK) ?? [];
	pems.forEach((pem, index) =>
		candidates.push({ label: `PEM key #${index + 1}`, read: () => createPublicKey({ key: pem, format: 'pem' }) }),
	);
	const rest = text.replace(PEM_BLOCK, ' ').split(/[\s,]+/).filter(Boolean);
	rest.forEach((value, index) =>
		candidates.push({
			label: `base64 key #${index + 1}`,
			read: () => {
				if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) throw new Error('not base64');
				return createPublicKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'spki' });
			},
		}),
	);
	for (const candidate of candidates) {
		let key: KeyObject;
		try {
			key = candidate.read();
		} catch {
			result.problems.push(`${candidate.label} is not a valid SPKI public key`);
			continue;
		}
		if (key.asymmetricKeyType === 'ed25519') result.ed25519.push(key);
		else if (key.asymmetricKeyType === 'rsa') result.rsa.push(key);
		else result.problems.push(`${candidate.label} is a ${key.asymmetricKeyType} key; only Ed25519 and RSA are used`);
	}
	return result;
}

export interface KeyOptions {
	useBuiltInKeys: boolean;
	customPublicKeys: string;
	allowLegacyRsa: boolean;
}

export interface VerificationKeys {
	ed25519: KeyObject[];
	/** Empty unless legacy RSA signatures are allowed. */
	rsa: KeyObject[];
	problems: string[];
}

let builtIn: { ed25519: KeyObject; rsa: KeyObject } | undefined;

/** GHL's published keys, parsed once. */
export function builtInKeys(): { ed25519: KeyObject; rsa: KeyObject } {
	builtIn ??= {
		ed25519: createPublicKey({ key: Buffer.from(GHL_ED25519_SPKI, 'base64'), format: 'der', type: 'spki' }),
		rsa: createPublicKey({ key: GHL_RSA_SPKI_PEM, format: 'pem' }),
	};
	return builtIn;
}

const keyCache = new Map<string, VerificationKeys>();

/** The keys a request may be signed with, given the node's options (cached per option set). */
export function verificationKeys(options: KeyOptions): VerificationKeys {
	const cacheKey = JSON.stringify(options);
	const cached = keyCache.get(cacheKey);
	if (cached) return cached;
	const custom = parsePublicKeys(options.customPublicKeys ?? '');
	const keys: VerificationKeys = { ed25519: [], rsa: [], problems: custom.problems };
	if (options.useBuiltInKeys) {
		keys.ed25519.push(builtInKeys().ed25519);
		if (options.allowLegacyRsa) keys.rsa.push(builtInKeys().rsa);
	}
	keys.ed25519.push(...custom.ed25519);
	if (options.allowLegacyRsa) keys.rsa.push(...custom.rsa);
	else if (custom.rsa.length) {
		keys.problems.push('RSA custom keys are ignored unless "Accept Legacy RSA Signatures" is on');
	}
	if (keyCache.size > 50) keyCache.clear();
	keyCache.set(cacheKey, keys);
	return keys;
}

function decodeSignature(value: string | undefined): Buffer | undefined {
	if (!value || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
	return Buffer.from(value, 'base64');
}

/**
 * True when the raw body carries a valid signature from one of the keys: `x-ghl-signature`
 * (Ed25519) or, when RSA keys are given, the legacy `x-wh-signature` (RSA-SHA256, PKCS#1 v1.5).
 * The bytes verified are exactly the bytes received. Any error counts as invalid.
 */
export function verifyGhlSignature(raw: Buffer | undefined, headers: Headers, keys: VerificationKeys): boolean {
	if (!raw) return false;
	try {
		const ed25519Signature = decodeSignature(signatureHeader(headers, SIGNATURE_HEADER));
		if (ed25519Signature?.length === 64) {
			for (const key of keys.ed25519) {
				if (verify(null, raw, key, ed25519Signature)) return true;
			}
		}
		if (keys.rsa.length) {
			const rsaSignature = decodeSignature(signatureHeader(headers, LEGACY_SIGNATURE_HEADER));
			if (rsaSignature) {
				for (const key of keys.rsa) {
					if (verify('sha256', raw, key, rsaSignature)) return true;
				}
			}
		}
	} catch {
		return false;
	}
	return false;
}

/** Epoch milliseconds of a GHL `timestamp` (ISO-8601 string, or epoch seconds/milliseconds). */
export function parseTimestamp(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) {
		return epochToMs(value);
	}
	if (typeof value === 'string' && value.trim()) {
		if (/^\d+(\.\d+)?$/.test(value.trim())) return parseTimestamp(Number(value));
		const parsed = Date.parse(value);
		return Number.isNaN(parsed) ? undefined : parsed;
	}
	return undefined;
}

export type Freshness = 'fresh' | 'missing' | 'stale';

/** Whether `timestamp` lies within `toleranceSeconds` of now, in either direction. */
export function checkFreshness(timestamp: unknown, toleranceSeconds: number, nowMs: number): Freshness {
	const at = parseTimestamp(timestamp);
	if (at === undefined) return 'missing';
	return Math.abs(nowMs - at) <= toleranceSeconds * 1000 ? 'fresh' : 'stale';
}

export type Tolerance = { seconds: number } | { invalid: string };

/**
 * Max Event Age as configured: unset means the default, an explicit 0 turns the age check off,
 * a positive number (or numeric text from an expression) is the window. Anything else ("5 min",
 * negative, NaN) is invalid and must reject events rather than switch the check off.
 */
export function readTolerance(value: unknown, fallback: number): Tolerance {
	if (value === undefined || value === null || value === '') return { seconds: fallback };
	const seconds =
		typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
	if (!Number.isFinite(seconds) || seconds < 0) {
		return { invalid: `Max Event Age must be a number of seconds (0 turns the check off), got ${JSON.stringify(String(value).slice(0, 40))}` };
	}
	return { seconds };
}

export const MIN_SECRET_LENGTH = 16;

/** The shared secret of a GHL workflow webhook, compared in constant time. */
export function verifySharedSecret(provided: string | undefined, expected: string | undefined): boolean {
	if (!expected || provided === undefined || provided === '') return false;
	return constantTimeEqual(provided, expected);
}
