import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { GiveUpReason } from './retryPolicy';

/** What we keep of a failed HTTP exchange: never headers or the request config (they hold tokens). */
export interface GhlErrorResponse {
	statusCode: number;
	body: unknown;
	method: string;
	path: string;
}

/** The scope GHL wants for an endpoint, for "missing scope" hints. */
export function requiredScope(method: string, path: string): string {
	const write = method.toUpperCase() !== 'GET' && !path.endsWith('/search');
	const access = write ? 'write' : 'readonly';
	if (path.startsWith('/oauth/installedLocations')) return 'oauth.readonly';
	if (path.startsWith('/oauth/')) return 'oauth.write';
	if (path.startsWith('/calendars/events')) return `calendars/events.${access}`;
	if (path.startsWith('/calendars')) return `calendars.${access}`;
	// Messages (sending, listing a conversation's) have their own scopes; the conversation itself another.
	if (/^\/conversations\/(messages|[^/]+\/messages)(\/|$)/.test(path)) return `conversations/message.${access}`;
	if (path.startsWith('/conversations')) return `conversations.${access}`;
	if (path.startsWith('/opportunities')) return `opportunities.${access}`;
	if (path.startsWith('/workflows')) return 'workflows.readonly';
	// Scopes.md lists a contact's campaign and workflow enrolment under campaigns.readonly.
	if (path.startsWith('/campaigns') || /^\/contacts\/[^/]+\/(campaigns|workflow)(\/|$)/.test(path)) return 'campaigns.readonly';
	if (path.startsWith('/users')) return 'users.readonly';
	if (/^\/locations\/[^/]+\/customFields/.test(path)) return `locations/customFields.${access}`;
	if (/^\/locations\/[^/]+\/tags/.test(path)) return `locations/tags.${access}`;
	if (path.startsWith('/locations')) return 'locations.readonly';
	return `contacts.${access}`;
}

function messageOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const { message, error, msg } = body as { message?: unknown; error?: unknown; msg?: unknown };
	// 422s carry one message per rejected property.
	if (Array.isArray(message)) return message.map(String).join('; ');
	for (const candidate of [message, msg, error]) {
		if (typeof candidate === 'string' && candidate) return candidate;
	}
	return undefined;
}

export function duplicateContactId(body: unknown): string | undefined {
	const meta = (body as { meta?: { contactId?: unknown } } | undefined)?.meta;
	return typeof meta?.contactId === 'string' ? meta.contactId : undefined;
}

/** The one hint for an ID GHL does not know; names the ID and its kind when the caller knows them. */
export function unknownIdHint(what?: string, id?: string): string {
	if (!what || id === undefined) return 'Check the ID: GHL found no record with it in this location.';
	return `"${id}" is not a valid ${what} ID: GHL found no ${what.toLowerCase()} with it here. Check the ID; the record may have been deleted, or belong to another contact or location.`;
}

function hintFor(response: GhlErrorResponse, message: string, locationId?: string): string {
	const { statusCode, method, path, body } = response;
	const lower = message.toLowerCase();
	if (statusCode === 400 && duplicateContactId(body)) {
		const meta = (body as { meta: { contactId: string; matchingField?: string } }).meta;
		return `A contact with the same ${meta.matchingField ?? 'email or phone'} already exists: ${meta.contactId}. Set "If Duplicate" to "Update Existing" or "Return Existing", or use the Create or Update operation.`;
	}
	if (statusCode === 400 && lower.includes('no longer available')) {
		return 'That time slot is taken. Pick a free slot (Appointment → Get Free Slots) or enable "Ignore Free Slot Validation".';
	}
	if (statusCode === 401) {
		return 'GHL rejected the access token. For OAuth2, reconnect the credential (the refresh token may have been used elsewhere); for a Private Integration, create a new token.';
	}
	if (statusCode === 403) {
		if (lower.includes('scope')) {
			return `The token lacks the "${requiredScope(method, path)}" scope. Add it to the marketplace app (or Private Integration) and reconnect the credential.`;
		}
		return `The token has no access to location "${locationId ?? 'unknown'}". Use a credential installed on that location, or pick a location the agency has installed the app on.`;
	}
	if (statusCode === 404) return unknownIdHint();
	if (statusCode === 422) {
		return 'GHL rejected the request body. The message names each property it refused; remove or correct those fields.';
	}
	if (statusCode === 429) return 'GHL rate limit reached (100 requests / 10 s and 200,000 / day per app and location).';
	if (statusCode >= 500) return 'GHL had a server error. Try again later.';
	return `HTTP ${statusCode} from GHL ${method} ${path}.`;
}

/** Turns a GHL error response into a NodeApiError with GHL's own words and a fix. */
export function toNodeApiError(
	node: INode,
	response: GhlErrorResponse,
	options: { itemIndex?: number; locationId?: string } = {},
): NodeApiError {
	const message = messageOf(response.body) ?? `GHL request failed with status ${response.statusCode}`;
	const safeBody: JsonObject = { statusCode: response.statusCode, message };
	const meta = (response.body as { meta?: JsonObject } | undefined)?.meta;
	if (meta && typeof meta === 'object') safeBody.meta = meta;
	return new NodeApiError(node, safeBody, {
		message,
		description: hintFor(response, message, options.locationId),
		httpCode: String(response.statusCode),
		itemIndex: options.itemIndex,
	});
}

/** What the transport knows when it gives up on a request. */
export interface GiveUp {
	reason: GiveUpReason;
	statusCode?: number;
	/** Network error code (ECONNRESET …) when no answer came. */
	code?: string;
	body?: unknown;
	method: string;
	path: string;
	safeToRepeat: boolean;
	/** What n8n threw, for failures that aren't HTTP ones. */
	original: unknown;
}

/** The error for a request the transport gave up on; never holds headers, config or tokens. */
export function giveUpError(node: INode, giveUp: GiveUp, options: { itemIndex?: number; locationId?: string }): NodeApiError | NodeOperationError {
	const { itemIndex } = options;
	switch (giveUp.reason) {
		case 'dailyQuota':
			return new NodeApiError(
				node,
				{ statusCode: 429, message: 'GHL daily API quota exhausted' },
				{
					message: 'GHL daily API quota exhausted for this location',
					description: 'GHL allows 200,000 requests per day per app and location. The quota resets daily; no retry was attempted.',
					httpCode: '429',
					itemIndex,
				},
			);
		case 'notHttp':
			// E.g. n8n's "reconnect the credential" after a dead refresh token.
			return new NodeOperationError(node, giveUp.original as Error, { itemIndex });
		case 'unreachable':
			return new NodeApiError(
				node,
				{ message: 'Could not reach GHL' },
				{
					message: 'Could not reach GHL',
					description: `${giveUp.method} ${giveUp.path} got no answer (${giveUp.code}). Check the network; ${giveUp.safeToRepeat ? 'the request was retried.' : 'it was not retried because repeating it could create a duplicate.'}`,
					itemIndex,
				},
			);
		default:
			return toNodeApiError(
				node,
				{ statusCode: giveUp.statusCode ?? 0, body: giveUp.body, method: giveUp.method, path: giveUp.path },
				options,
			);
	}
}
