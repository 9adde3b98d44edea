import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialFor, type GhlClientOptions, type GhlContext, resolveAuth } from './auth';
import { isApiVersion } from './constants';
import { giveUpError } from './errors';
import { readFailure, sendOnce, type Connection, type RawRequest } from './http';
import { buildPath } from './path';
import {
	acquireSlot,
	blockBucket,
	bucketKey,
	intervalFor,
	sleep,
	suggestedInFlight,
} from './rateLimiter';
import { parseRateLimitHeaders } from './rateLimitHeaders';
import { isLostRefresh, waitForRotatedToken } from './refreshRace';
import { decideAfterFailure, isSafeToRepeat, NO_ATTEMPTS } from './retryPolicy';

export { credentialKind, readLocation, type CredentialKind, type GhlClientOptions, type GhlContext } from './auth';

export interface GhlRequest {
	method: IHttpRequestMethods;
	/** Path template below the API base URL, e.g. `/contacts/{contactId}/tasks`. */
	path: string;
	/** Values for the template's placeholders: checked and percent-encoded by the transport. */
	segments?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/** A `Version` header other than the endpoint family's (API Request's override); checked here. */
	version?: string;
	/** Safe to send twice (set for upserts and searches sent with POST). GET/PUT/DELETE always are. */
	idempotent?: boolean;
	itemIndex?: number;
	/**
	 * A read of the location's definitions that input checks need (custom fields): also sent while
	 * the router checks every item before the first write.
	 */
	definitionRead?: boolean;
}

/** One authenticated view of one GHL location; operations only ever talk through this. */
export interface GhlClient {
	readonly locationId: string;
	/** Definitions read once per execution and location (custom fields), by name. */
	readonly definitions: Map<string, Promise<unknown>>;
	/** Requests worth having in flight for this location now (its rate × GHL's answer times). */
	suggestedInFlight(): number;
	request<T = IDataObject>(request: GhlRequest): Promise<T>;
}

/**
 * Sends a request with GHL's rules: pacing per app and location, 429 waits, retries of safe
 * requests only, and errors that never carry a token. What to do after a failure is
 * `decideAfterFailure`'s call; this loop carries it out.
 */
async function sendRaw(ctx: GhlContext, connection: Connection, request: RawRequest): Promise<unknown> {
	const node = ctx.getNode();
	// The one place a request path is made: a template plus checked, encoded segments.
	const raw = { ...request, path: buildPath(node, request.itemIndex ?? 0, request.path, request.segments) };
	// A header value from workflow data: only a contract date, never anything that could split a header.
	if (raw.version !== undefined && !isApiVersion(raw.version)) {
		throw new NodeOperationError(node, `Version ${JSON.stringify(raw.version.slice(0, 40))} is not a GHL API version`, {
			description: 'GHL versions are dates such as 2021-07-28.',
			itemIndex: raw.itemIndex,
		});
	}
	const safeToRepeat = isSafeToRepeat(raw.method, raw.idempotent);
	const bucket = bucketKey(connection.baseUrl, connection.appId, raw.locationId ?? '');
	let attempts = NO_ATTEMPTS;
	let raceChecked = false;
	for (;;) {
		const release = await acquireSlot(bucket);
		try {
			const response = await sendOnce(ctx, connection, raw);
			release({ limits: parseRateLimitHeaders(response.headers) });
			return parseJsonText(response.body);
		} catch (error) {
			const failure = readFailure(error);
			const limits = parseRateLimitHeaders(failure.headers);
			release({ limits, rateLimited: failure.statusCode === 429 });
			if (connection.startToken && !raceChecked && !raw.bearer && isLostRefresh(error)) {
				raceChecked = true;
				// The request got a 401 and was not processed, so sending it again is safe.
				if (await waitForRotatedToken(ctx, connection.credentialType, connection.startToken)) continue;
			}
			const decision = decideAfterFailure(failure, limits, attempts, { safeToRepeat, intervalMs: intervalFor(bucket) });
			if (decision.kind === 'retry') {
				attempts = decision.attempts;
				await sleep(decision.afterMs);
				continue;
			}
			if (decision.kind === 'awaitSlot') {
				attempts = decision.attempts;
				continue;
			}
			if (decision.kind === 'holdLocation') {
				attempts = decision.attempts;
				blockBucket(bucket, decision.ms);
				continue;
			}
			throw giveUpError(
				node,
				{ ...failure, reason: decision.reason, method: raw.method, path: raw.path, safeToRepeat, original: error },
				{ itemIndex: raw.itemIndex, locationId: raw.locationId },
			);
		}
	}
}

/** Some answers arrive as JSON text; hand anything else back as it came. */
function parseJsonText(body: unknown): unknown {
	if (typeof body !== 'string' || !/^[[{]/.test(body.trim())) return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * Builds the client for the location an item works in. Agency (Company) credentials mint a
 * location token; everything else is signed by n8n with the credential, so OAuth2 refreshes
 * (and their persistence) stay n8n's job.
 */
export async function getGhlClient(
	this: GhlContext,
	itemIndex = 0,
	options: GhlClientOptions = {},
): Promise<GhlClient> {
	return await clientFor(this, itemIndex, options);
}

async function clientFor(ctx: GhlContext, itemIndex: number, options: GhlClientOptions): Promise<GhlClient> {
	const auth = await resolveAuth(ctx, itemIndex, options, sendRaw);
	const node = ctx.getNode();
	const bucket = bucketKey(auth.connection.baseUrl, auth.connection.appId, auth.locationId);
	return {
		locationId: auth.locationId,
		definitions: new Map(),
		suggestedInFlight: () => suggestedInFlight(bucket),
		async request<T>(request: GhlRequest): Promise<T> {
			const raw: RawRequest = { ...request, itemIndex: request.itemIndex ?? itemIndex, locationId: auth.locationId };
			if (!auth.locationToken) return (await sendRaw(ctx, auth.connection, raw)) as T;
			raw.bearer = await auth.locationToken();
			try {
				return (await sendRaw(ctx, auth.connection, raw)) as T;
			} catch (error) {
				// A location token revoked early: mint a new one once.
				if ((error as NodeApiError).httpCode !== '401') throw new NodeApiError(node, error as JsonObject);
				await auth.forgetLocationToken?.(raw.bearer);
				raw.bearer = await auth.locationToken();
				return (await sendRaw(ctx, auth.connection, raw)) as T;
			}
		},
	};
}

/** A request made with the credential itself (agency-level endpoints such as installed locations). */
export async function ghlCredentialRequest<T = IDataObject>(
	this: GhlContext,
	request: GhlRequest,
): Promise<T> {
	const { connection, companyId, homeLocationId } = await credentialFor(this, 0);
	return (await sendRaw(this, connection, { ...request, locationId: companyId || homeLocationId })) as T;
}
