/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import {
	builtInKeys,
	checkFreshness,
	GHL_ED25519_SPKI,
	GHL_RSA_SPKI_PEM,
	parsePublicKeys,
	parseTimestamp,
	signatureHeader,
	verificationKeys,
	verifyGhlSignature,
	verifySharedSecret,
} from '../../../../../nodes/Ghl/trigger/verification';
import { useGhlTestEnvironment } from '../../../../helpers/setup';
import { ed25519Pair, rsaPair, signEd25519, signRsa } from '../../../../helpers/webhookContext';

const body = '{"type":"ContactCreate","locationId":"loc_1","id":"c1","timestamp":"2025-01-28T14:35:00Z","webhookId":"w1"}';

describe('GHL built-in keys', () => {
	it('parses the published Ed25519 key (SPKI DER, base64)', () => {
		const { ed25519 } = builtInKeys();
		expect(ed25519.asymmetricKeyType).toBe('ed25519');
		expect(ed25519.export({ format: 'der', type: 'spki' }).toString('base64')).toBe(GHL_ED25519_SPKI);
	});

	it('parses the legacy RSA key from WebhookAuthentication.md (4096-bit)', () => {
		const { rsa } = builtInKeys();
		expect(rsa.asymmetricKeyType).toBe('rsa');
		expect(rsa.asymmetricKeyDetails?.modulusLength).toBe(4096);
	});

	it('trusts the Ed25519 key by default and the RSA key only when legacy signatures are allowed', () => {
		const strict = verificationKeys({ useBuiltInKeys: true, customPublicKeys: '', allowLegacyRsa: false });
		expect(strict.ed25519).toHaveLength(1);
		expect(strict.rsa).toHaveLength(0);
		const legacy = verificationKeys({ useBuiltInKeys: true, customPublicKeys: '', allowLegacyRsa: true });
		expect(legacy.rsa).toHaveLength(1);
		const none = verificationKeys({ useBuiltInKeys: false, customPublicKeys: '', allowLegacyRsa: true });
		expect(none.ed25519).toHaveLength(0);
		expect(none.rsa).toHaveLength(0);
	});
});

/**
 * GHL's published keys, read from the shared API facts at test time (inline copies if those files
 * are missing), so a changed character in either constant fails here.
 */
const SHARED = resolve(__dirname, '../../../../../../shared/ghl-api');
const INLINE_ED25519 = 'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=';
const INLINE_RSA_BODY =
	'MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSCFrm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfBcsedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpvuxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKUJ062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXpIocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzNh/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhCHULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJPQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAykT1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==';

function sharedFile(name: string): string | undefined {
	const path = resolve(SHARED, name);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

const expectedEd25519 =
	sharedFile('webhook-signing.md')?.match(/current public key[^|]*\|\s*`([A-Za-z0-9+/=]+)`/)?.[1] ?? INLINE_ED25519;
const pemBody = (pem: string) => pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
const expectedRsaBody =
	pemBody(sharedFile('WebhookAuthentication.md')?.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/)?.[0] ?? '') ||
	INLINE_RSA_BODY;

describe('GHL built-in keys are pinned to the published values', () => {
	it('Ed25519: the SPKI base64 is exactly the one in webhook-signing.md', () => {
		expect(expectedEd25519).toMatch(/^MCowBQYDK2VwAyEA/);
		expect(GHL_ED25519_SPKI).toBe(expectedEd25519);
	});

	it('Ed25519: the parsed key\'s raw 32 bytes are the published public key', () => {
		const der = Buffer.from(expectedEd25519, 'base64');
		// SPKI for Ed25519: a fixed 12-byte header, then the raw key.
		expect(der.subarray(0, 12).toString('hex')).toBe('302a300506032b6570032100');
		const raw = Buffer.from(builtInKeys().ed25519.export({ format: 'jwk' }).x as string, 'base64url');
		expect(raw.equals(der.subarray(12))).toBe(true);
		expect(raw).toHaveLength(32);
	});

	it('RSA: the PEM is exactly the one in WebhookAuthentication.md, and parses to the same key', () => {
		expect(pemBody(GHL_RSA_SPKI_PEM)).toBe(expectedRsaBody);
		const expected = createPublicKey({ key: Buffer.from(expectedRsaBody, 'base64'), format: 'der', type: 'spki' });
		expect(builtInKeys().rsa.export({ format: 'der', type: 'spki' }).equals(expected.export({ format: 'der', type: 'spki' }))).toBe(
			true,
		);
		expect(builtInKeys().rsa.export({ format: 'jwk' })).toEqual(expected.export({ format: 'jwk' }));
	});

	it('the inline fallbacks match the shared files when those are present', () => {
		if (sharedFile('webhook-signing.md')) expect(expectedEd25519).toBe(INLINE_ED25519);
		if (sharedFile('WebhookAuthentication.md')) expect(expectedRsaBody).toBe(INLINE_RSA_BODY);
	});
});

describe('parsePublicKeys', () => {
	it('reads PEM blocks and bare base64 SPKI values, sorted by key type', () => {
		const a = ed25519Pair();
		const b = ed25519Pair();
		const r = rsaPair();
		const parsed = parsePublicKeys(`${a.pem}\n${b.spkiBase64}, ${r.pem}`);
		expect(parsed.ed25519).toHaveLength(2);
		expect(parsed.rsa).toHaveLength(1);
		expect(parsed.problems).toEqual([]);
	});

	it('reports unreadable or unusable keys without echoing them', () => {
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ format: 'pem', type: 'spki' });
		const parsed = parsePublicKeys(`not-a-key\nQUJD\n${ec.toString()}`);
		expect(parsed.ed25519).toHaveLength(0);
		expect(parsed.problems).toHaveLength(3);
		expect(parsed.problems.join(' ')).not.toContain('not-a-key');
		expect(parsed.problems[0]).toContain('ec key');
	});

	it('ignores custom RSA keys unless legacy signatures are allowed', () => {
		const r = rsaPair();
		const keys = verificationKeys({ useBuiltInKeys: false, customPublicKeys: r.pem, allowLegacyRsa: false });
		expect(keys.rsa).toHaveLength(0);
		expect(keys.problems).toEqual([expect.stringContaining('Accept Legacy RSA Signatures')]);
	});
});

describe('verifyGhlSignature', () => {
	const pair = ed25519Pair();
	const keys = verificationKeys({ useBuiltInKeys: true, customPublicKeys: pair.spkiBase64, allowLegacyRsa: false });
	const signature = signEd25519(pair.privateKey, body);

	it('accepts an Ed25519 signature over the exact raw bytes', () => {
		expect(verifyGhlSignature(Buffer.from(body), { 'x-ghl-signature': signature }, keys)).toBe(true);
	});

	it('rejects the same JSON re-serialised (whitespace differs): the raw bytes are what count', () => {
		const pretty = JSON.stringify(JSON.parse(body), null, 2);
		expect(verifyGhlSignature(Buffer.from(pretty), { 'x-ghl-signature': signature }, keys)).toBe(false);
	});

	it('rejects a body changed by one byte', () => {
		const tampered = body.replace('c1', 'c2');
		expect(verifyGhlSignature(Buffer.from(tampered), { 'x-ghl-signature': signature }, keys)).toBe(false);
	});

	it('rejects a signature from a key it does not trust', () => {
		const other = ed25519Pair();
		const forged = signEd25519(other.privateKey, body);
		expect(verifyGhlSignature(Buffer.from(body), { 'x-ghl-signature': forged }, keys)).toBe(false);
	});

	it('rejects missing, empty, non-base64 and truncated signatures', () => {
		const raw = Buffer.from(body);
		expect(verifyGhlSignature(raw, {}, keys)).toBe(false);
		expect(verifyGhlSignature(raw, { 'x-ghl-signature': '' }, keys)).toBe(false);
		expect(verifyGhlSignature(raw, { 'x-ghl-signature': '%%%not base64%%%' }, keys)).toBe(false);
		expect(verifyGhlSignature(raw, { 'x-ghl-signature': signature.slice(0, 40) }, keys)).toBe(false);
		expect(verifyGhlSignature(undefined, { 'x-ghl-signature': signature }, keys)).toBe(false);
	});

	it('accepts a legacy x-wh-signature (RSA-SHA256) only when RSA keys are allowed', () => {
		const r = rsaPair();
		const rsaSignature = signRsa(r.privateKey, body);
		const raw = Buffer.from(body);
		const strict = verificationKeys({ useBuiltInKeys: true, customPublicKeys: r.pem, allowLegacyRsa: false });
		const legacy = verificationKeys({ useBuiltInKeys: true, customPublicKeys: r.pem, allowLegacyRsa: true });
		expect(verifyGhlSignature(raw, { 'x-wh-signature': rsaSignature }, strict)).toBe(false);
		expect(verifyGhlSignature(raw, { 'x-wh-signature': rsaSignature }, legacy)).toBe(true);
		// A bad new-style signature next to a valid legacy one: the legacy one is enough.
		expect(
			verifyGhlSignature(raw, { 'x-ghl-signature': signature.replace(/^./, 'A'), 'x-wh-signature': rsaSignature }, legacy),
		).toBe(true);
		expect(verifyGhlSignature(Buffer.from(body + ' '), { 'x-wh-signature': rsaSignature }, legacy)).toBe(false);
	});

	it('does not accept an RSA signature in the Ed25519 header', () => {
		const r = rsaPair();
		const legacy = verificationKeys({ useBuiltInKeys: false, customPublicKeys: r.pem, allowLegacyRsa: true });
		expect(verifyGhlSignature(Buffer.from(body), { 'x-ghl-signature': signRsa(r.privateKey, body) }, legacy)).toBe(false);
	});
});

describe('timestamps', () => {
	const now = Date.parse('2025-01-28T14:35:00Z');

	it('parses ISO strings and epoch seconds or milliseconds', () => {
		expect(parseTimestamp('2025-01-28T14:35:00Z')).toBe(now);
		expect(parseTimestamp(now / 1000)).toBe(now);
		expect(parseTimestamp(now)).toBe(now);
		expect(parseTimestamp(String(now))).toBe(now);
		expect(parseTimestamp('yesterday')).toBeUndefined();
		expect(parseTimestamp(undefined)).toBeUndefined();
		expect(parseTimestamp({})).toBeUndefined();
	});

	it('accepts events inside the window and rejects stale, future and missing ones', () => {
		expect(checkFreshness('2025-01-28T14:31:00Z', 300, now)).toBe('fresh');
		expect(checkFreshness('2025-01-28T14:29:59Z', 300, now)).toBe('stale');
		expect(checkFreshness('2025-01-28T14:40:01Z', 300, now)).toBe('stale');
		expect(checkFreshness(undefined, 300, now)).toBe('missing');
		expect(checkFreshness('not a date', 300, now)).toBe('missing');
	});
});

describe('verifySharedSecret', () => {
	it('matches only the exact secret', () => {
		expect(verifySharedSecret('s3cret-value-1234', 's3cret-value-1234')).toBe(true);
		expect(verifySharedSecret('s3cret-value-1235', 's3cret-value-1234')).toBe(false);
		expect(verifySharedSecret('s3cret', 's3cret-value-1234')).toBe(false);
		expect(verifySharedSecret('s3cret-value-1234 ', 's3cret-value-1234')).toBe(false);
	});

	it('never matches when either side is missing', () => {
		expect(verifySharedSecret(undefined, 'x')).toBe(false);
		expect(verifySharedSecret('', '')).toBe(false);
		expect(verifySharedSecret('x', '')).toBe(false);
		expect(verifySharedSecret('x', undefined)).toBe(false);
	});
});

describe('GHL Trigger: the N/A signature placeholder', () => {
	useGhlTestEnvironment();

	it('counts as no signature', () => {
		for (const value of ['N/A', 'n/a', ' N/A ', '']) expect(signatureHeader({ 'x-ghl-signature': value }, 'x-ghl-signature')).toBeUndefined();
		expect(signatureHeader({ 'x-ghl-signature': 'abc=' }, 'x-ghl-signature')).toBe('abc=');
	});
});
