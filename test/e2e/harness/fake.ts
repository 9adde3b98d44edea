/**
 * The fake GHL API's admin endpoints (/__admin/*), for asserting what actually landed there.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

// The fake's own types for its webhook settings and delivery log (one definition).
import type { Delivery as WebhookDelivery, WebhookTarget } from '../../fake-ghl/core/webhooks';

export type { WebhookDelivery, WebhookTarget };

export interface LoggedRequest {
	seq: number;
	/** When the request arrived (ISO 8601). */
	time: string;
	/** Until its answer was sent, latency included. */
	durationMs: number;
	method: string;
	path: string;
	route: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: any;
	status: number;
	responseBody: any;
	clientId?: string;
	authClass?: string;
	locationId?: string;
	companyId?: string;
	/** Set when the fake failed the request on purpose: `rate-limit` or `injected-<status>`. */
	fault?: string;
}

export class FakeAdmin {
	constructor(readonly url: string) {}

	private async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.url}/__admin${path}`, {
			method,
			headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`fake ${method} /__admin${path} → ${res.status}: ${text}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** A collection of the fake's state as an array of records. */
	async records(collection: 'contacts' | 'tasks' | 'notes' | 'appointments' | 'customFields' | 'tags'): Promise<any[]> {
		const snapshot = await this.call('GET', `/state?collection=${collection}`);
		const value = snapshot?.[collection] ?? snapshot;
		return Array.isArray(value) ? value : Object.values(value ?? {});
	}

	/** The highest request sequence number so far (requests after it are "since"). */
	async lastSeq(): Promise<number> {
		const { requests } = await this.call<{ requests: LoggedRequest[] }>('GET', '/requests?limit=1');
		return Math.max(0, ...requests.map((r) => r.seq));
	}

	/** API requests logged after `since` (oldest first). */
	async requests(since = 0): Promise<LoggedRequest[]> {
		const { requests } = await this.call<{ requests: LoggedRequest[] }>('GET', `/requests?since=${since}`);
		return requests.filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq);
	}

	/** A token as /oauth/token would answer it (POST /__admin/tokens). */
	async mintToken(options: Record<string, unknown>): Promise<any> {
		return await this.call('POST', '/tokens', options);
	}

	/** Deep-merges a patch into the fake's config (latency, rate limit, faults …); returns the new config. */
	async configure(patch: Record<string, unknown>): Promise<any> {
		return await this.call('PATCH', '/config', patch);
	}

	async seed(input: Record<string, unknown[]>): Promise<Record<string, any[]>> {
		return await this.call('POST', '/seed', input);
	}

	/**
	 * Turns on the fake's signed GHL webhooks for its contact and opportunity changes (no targets = off);
	 * returns the settings, with the public key of `privateKeyPem` (or of the key the fake generated).
	 */
	async configureWebhooks(settings: {
		targets: WebhookTarget[];
		privateKeyPem?: string;
		delayMs?: number;
		concurrency?: number;
		timeoutMs?: number;
		emitUnchanged?: boolean;
	}): Promise<any> {
		return await this.call('PUT', '/webhooks', settings);
	}

	/** The webhooks the fake sent (oldest first), optionally after `since` (a delivery seq), of one type or record. */
	async deliveries(filter: { since?: number; type?: string; id?: string } = {}): Promise<WebhookDelivery[]> {
		const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]): [string, string] => [k, String(v)]));
		const { deliveries } = await this.call<{ deliveries: WebhookDelivery[] }>('GET', `/webhooks/deliveries${query.size ? `?${query}` : ''}`);
		return deliveries;
	}

	/** A person edits a contact in the GHL UI: the fields are stored (normalised) and its webhooks fire. */
	async uiEditContact(id: string, patch: Record<string, unknown>): Promise<any> {
		return (await this.call('POST', `/ui/contacts/${encodeURIComponent(id)}`, patch)).contact;
	}

	/** A person edits an opportunity in the GHL UI (stage, status, value …): stored, and its webhooks fire. */
	async uiEditOpportunity(id: string, patch: Record<string, unknown>): Promise<any> {
		return (await this.call('POST', `/ui/opportunities/${encodeURIComponent(id)}`, patch)).opportunity;
	}
}
