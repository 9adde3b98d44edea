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

	it('forgets a failed read, so the next caller reads again', async () => {
		const one = client();
		const read = jest.fn().mockRejectedValueOnce(new Error('503')).mockResolvedValueOnce(30);
		await expect(readDefinitionOnce(one, 'k', read)).rejects.toThrow('503');
		expect(one.definitions.has('k')).toBe(false);
		await expect(readDefinitionOnce(one, 'k', read)).resolves.toBe(30);
		expect(read).toHaveBeenCalledTimes(2);
	});
});
