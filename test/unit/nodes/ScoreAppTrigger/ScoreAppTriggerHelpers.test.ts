import { signedCandidates, verifyScoreAppSignature } from '../../../../nodes/ScoreAppTrigger/ScoreAppTriggerHelpers';
import { leadSignedUp, SECRET } from '../../../helpers/scoreApp';
import { hmacHex } from '../../../helpers/webhookContext';

describe('ScoreApp signature', () => {
	const body = JSON.stringify(leadSignedUp, null, 2);

	it('matches a hex HMAC-SHA256 of the raw body', () => {
		const headers = { 'scoreapp-signature': hmacHex(SECRET, body) };
		expect(verifyScoreAppSignature(Buffer.from(body), JSON.parse(body), headers, SECRET)).toBe(true);
	});

	it('also matches the HMAC of the re-serialised JSON (what ScoreApp\'s example signs)', () => {
		const headers = { 'scoreapp-signature': hmacHex(SECRET, JSON.stringify(leadSignedUp)) };
		expect(verifyScoreAppSignature(Buffer.from(body), JSON.parse(body), headers, SECRET)).toBe(true);
		expect(signedCandidates(Buffer.from(body), JSON.parse(body))).toHaveLength(2);
	});

	it('accepts upper-case hex and a sha256= prefix', () => {
		const digest = hmacHex(SECRET, body);
		const raw = Buffer.from(body);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': digest.toUpperCase() }, SECRET)).toBe(true);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': `sha256=${digest}` }, SECRET)).toBe(true);
	});

	it('rejects a wrong secret, a changed body, bad hex, a missing header and an empty secret', () => {
		const raw = Buffer.from(body);
		const good = hmacHex(SECRET, body);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': hmacHex('other', body) }, SECRET)).toBe(false);
		expect(verifyScoreAppSignature(Buffer.from(`${body} `), undefined, { 'scoreapp-signature': good }, SECRET)).toBe(false);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': good.slice(2) }, SECRET)).toBe(false);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': 'zz'.repeat(32) }, SECRET)).toBe(false);
		expect(verifyScoreAppSignature(raw, undefined, {}, SECRET)).toBe(false);
		expect(verifyScoreAppSignature(raw, undefined, { 'scoreapp-signature': hmacHex('', body) }, '')).toBe(false);
	});
});
