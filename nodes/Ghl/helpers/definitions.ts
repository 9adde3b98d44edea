import type { GhlClient } from '../transport';

/**
 * A location definition (custom fields, a calendar's settings) or a contact look-up read once per
 * client, that is one execution and location. A failed read is forgotten, so a later item tries again.
 */
export async function readDefinitionOnce<T>(client: GhlClient, key: string, read: () => Promise<T>): Promise<T> {
	let value = client.definitions.get(key) as Promise<T> | undefined;
	if (!value) {
		value = read();
		value.catch(() => client.definitions.delete(key));
		client.definitions.set(key, value);
	}
	return await value;
}
