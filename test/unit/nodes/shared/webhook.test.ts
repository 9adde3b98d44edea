import { ReplayMemory } from '../../../../nodes/shared/replay';
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

describe('ReplayMemory', () => {
	it('remembers ids until they expire', () => {
		const seen = new ReplayMemory();
		expect(seen.remember('a', 1000, 0)).toBe(true);
		expect(seen.remember('a', 1000, 999)).toBe(false);
		expect(seen.remember('a', 1000, 1000)).toBe(true);
	});

	it('stays within its cap, forgetting the oldest ids first', () => {
		const seen = new ReplayMemory();
		for (const id of ['a', 'b', 'c', 'd']) seen.remember(id, 60_000, 0, 3);
		expect(seen.size).toBe(3);
		expect(seen.remember('d', 60_000, 1, 3)).toBe(false);
		expect(seen.remember('a', 60_000, 1, 3)).toBe(true);
	});

	it('drops expired ids as time passes', () => {
		const seen = new ReplayMemory();
		for (let i = 0; i < 50; i++) seen.remember(`id${i}`, 1000, 0);
		seen.remember('late', 1000, 5000);
		expect(seen.size).toBe(1);
	});
});
