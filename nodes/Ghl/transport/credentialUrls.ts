import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The hidden URL fields of a credential (API host, token URL) receive its token and, on refresh,
 * its client secret. Whoever can edit a shared credential must not be able to point them
 * elsewhere: https only, plain http only to this machine (local test servers).
 */
export function urlProblem(value: string): string | undefined {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'is not a URL';
	}
	if (url.username || url.password) return 'must not carry a user name or password';
	if (url.protocol === 'https:') return undefined;
	if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
	return 'must be an https:// URL (plain http is allowed only to localhost)';
}

function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Refuses a credential whose URL fields could send its secrets to another host. */
export function assertCredentialUrls(node: INode, credentials: Record<string, unknown>, fields: string[]): void {
	for (const field of fields) {
		const value = credentials[field];
		if (value === undefined || value === null || value === '') continue;
		const problem = urlProblem(String(value));
		if (problem) {
			// The value itself stays out of the message: it may be an attacker's host, or hold secrets.
			throw new NodeOperationError(node, `The credential's ${field} ${problem}`, {
				description:
					'This hidden field is set by n8n (or its credential overwrites), not in the editor. Restore it: recreate the credential, or fix CREDENTIALS_OVERWRITE_DATA.',
			});
		}
	}
}
