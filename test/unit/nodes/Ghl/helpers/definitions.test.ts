import { readDefinitionOnce } from '../../../../../nodes/Ghl/helpers/definitions';
import type { GhlClient } from '../../../../../nodes/Ghl/transport';

const client = (): GhlClient => ({ locationId: 'loc', definitions: new Map(), suggestedInFlight: () => 8, request: async () => await Promise.reject(new Error('unused')) });

describe('readDefinitionOnce: definitions read once per client (execution and location)', () => {
	it('reads a key once, also for callers that ask while the first read is in flight', async () => {
		const one = client();
		const read = jest.fn(async () => await Promise.resolve(['field']));
		const [a, b] = await Promise.all([readDefinitionOnce(one, 'k', read), readDefinitionOnce(one, 'k', read)]);
		expect(await readDefinitionOnce(one, 'k', read)).toBe(a);
		expect(b).toBe(a);
		expect(read).toHaveBeenCalledTimes(1);
		await readDefinitionOnce(one, 'other', read);
		await readDefinitionOnce(client(), 'k', read);
		expect(read).toHaveBeenCalledTimes(3);
	});

	it('forgets a read that failed on the way (5xx, 429, timeout, network), so the next caller reads again', async () => {
		const one = client();
		const read = jest.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce(30);
		await expect(readDefinitionOnce(one, 'k', read)).rejects.toThrow('503');
		expect(one.definitions.has('k')).toBe(false);
		await expect(readDefinitionOnce(one, 'k', read)).resolves.toBe(30);
		expect(read).toHaveBeenCalledTimes(2);
	});

	it.each(['429', '408', '502', undefined])('forgets a failure with httpCode %s', async (httpCode) => {
		const one = client();
		const read = jest.fn().mockRejectedValueOnce(Object.assign(new Error('failed'), { httpCode })).mockResolvedValueOnce(30);
		await expect(readDefinitionOnce(one, 'k', read)).rejects.toThrow('failed');
		await expect(readDefinitionOnce(one, 'k', read)).resolves.toBe(30);
	});

	it.each(['400', '401', '403', '404', '422'])('keeps GHL\'s refusal (%s) for the run: later callers get it without a request', async (httpCode) => {
		const one = client();
		const read = jest.fn().mockRejectedValueOnce(Object.assign(new Error('refused'), { httpCode })).mockResolvedValueOnce(30);
		await expect(readDefinitionOnce(one, 'k', read)).rejects.toThrow('refused');
		await expect(readDefinitionOnce(one, 'k', read)).rejects.toThrow('refused');
		expect(read).toHaveBeenCalledTimes(1);
	});
});
