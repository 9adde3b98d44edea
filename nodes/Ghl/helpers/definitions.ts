import type { GhlClient } from '../transport';

/**
 * GHL's refusal of the read itself (a 4xx other than 408 / 429: no scope, unknown calendar, bad
 * email) is the answer for the whole run; anything else (a timeout, a 5xx after the transport's
 * retries, the rate limit) may pass, so the next item reads again.
 */
function isFinalAnswer(error: unknown): boolean {
	const code = Number((error as { httpCode?: unknown } | undefined)?.httpCode);
	return code >= 400 && code < 500 && code !== 408 && code !== 429;
}

/**
 * A location definition (custom fields, a calendar's settings), a contact look-up or a calendar's
 * free slots, read once per client, that is one execution and location. A refused read fails every
 * item that needs it with one request (under Continue On Fail each item would otherwise send it again).
 */
export async function readDefinitionOnce<T>(client: GhlClient, key: string, read: () => Promise<T>): Promise<T> {
	let value = client.definitions.get(key) as Promise<T> | undefined;
	if (!value) {
		value = read();
		value.catch((error: unknown) => {
			if (!isFinalAnswer(error)) client.definitions.delete(key);
		});
		client.definitions.set(key, value);
	}
	return await value;
}
