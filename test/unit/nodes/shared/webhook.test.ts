import {
	constantTimeEqual,
	MAX_BODY_BYTES,
	parseJsonObject,
	readRawBody,
	type WebhookRequest,
} from '../../../../nodes/shared/webhook';

const request = (rawBody: unknown, headers: Record<string, string> = {}) =>
	({ headers, rawBody }) as unknown as WebhookRequest;

describe('readRawBody', () => {
	it('returns the bytes n8n kept', () => {
		const result = readRawBody(request(Buffer.from('{"a":1}')));
		expect(result).toEqual({ tooLarge: false, raw: Buffer.from('{"a":1}') });
	});

	it('flags bodies over 1 MB, by declared length or by actual size', () => {
		expect(readRawBody(request(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20))).tooLarge).toBe(true);
		expect(readRawBody(request(Buffer.from('{}'), { 'content-length': String(MAX_BODY_BYTES + 1) })).tooLarge).toBe(true);
		expect(readRawBody(request(Buffer.alloc(MAX_BODY_BYTES, 0x20))).tooLarge).toBe(false);
	});

	it('reports no raw body when n8n kept none', () => {
		expect(readRawBody(request(undefined))).toEqual({ tooLarge: false, raw: undefined });
	});
});

describe('parseJsonObject', () => {
	it('parses JSON objects (with or without a BOM)', () => {
		expect(parseJsonObject(Buffer.from('{"a":1}'))).toEqual({ a: 1 });
		expect(parseJsonObject(Buffer.from('\uFEFF{"a":1}'))).toEqual({ a: 1 });
	});

	it('rejects invalid JSON, arrays, scalars and empty bodies', () => {
		for (const text of ['{"a":', '[1,2]', '"text"', '42', 'null', '']) {
			expect(parseJsonObject(Buffer.from(text))).toBeUndefined();
		}
	});
});

describe('constantTimeEqual', () => {
	it('compares values of any length', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		expect(constantTimeEqual('abc', 'abcd')).toBe(false);
		expect(constantTimeEqual('', 'a')).toBe(false);
	});
});
