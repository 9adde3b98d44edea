import type { IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { credentialFor, type GhlClientOptions, type GhlContext, resolveAuth } from './auth';
import type { GhlCredentialType } from './constants';
import { toNodeApiError } from './errors';
import { readFailure, retryAfterMs, sendOnce, type RawRequest } from './http';
import { forgetLocationToken } from './locationToken';
import { buildPath } from './path';
import {
	acquireSlot,
	blockBucket,
	intervalFor,
	parseRateLimitHeaders,
	recordRateLimit,
	sleep,
} from './rateLimiter';
import { isLostRefresh, waitForRotatedToken } from './refreshRace';

export { readLocation, type GhlClientOptions, type GhlContext } from './auth';

export interface GhlRequest {
	method: IHttpRequestMethods;
	/** Path template below the API base URL, e.g. `/contacts/{contactId}/tasks`. */
	path: string;
	/** Values for the template's placeholders: checked and percent-encoded by the transport. */
	segments?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
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
	request<T = IDataObject>(request: GhlRequest): Promise<T>;
}

/**
 * Retry budgets per request. Sized so that a 1,000-item run survives GHL answering 30 % of calls with
 * 429 and 5 % with 500 (a 429 then comes 13 times in a row with p ≈ 3e-7, a 500 six times among the
 * answers that aren't 429s with p ≈ 1e-7), and still bounded: a few minutes at worst.
 */
const MAX_RATE_LIMIT_RETRIES = 12;
const MAX_TRANSIENT_RETRIES = 5;
/** Backoff for a 429 that arrives while GHL's window still has room: 1 s, 2 s, 4 s … up to one interval. */
const MOMENTARY_429_BACKOFF_MS = 1_000;

function isIdempotent(request: GhlRequest): boolean {
	return request.idempotent === true || ['GET', 'PUT', 'DELETE', 'HEAD'].includes(request.method);
}


/**
 * Sends a request with GHL's rules: pacing per location, 429 waits, retries of safe requests only,
 * and errors mapped to NodeApiErrors that never carry a token.
 */
async function sendRaw(
	ctx: GhlContext,
	credentialType: GhlCredentialType,
	baseUrl: string,
	raw: RawRequest,
	idempotent = ['GET', 'PUT', 'DELETE'].includes(raw.method),
	startToken?: string,
): Promise<unknown> {
	// The one place a request path is made: a template plus checked, encoded segments.
	raw = { ...raw, path: buildPath(ctx.getNode(), raw.itemIndex ?? 0, raw.path, raw.segments) };
	const bucket = `${baseUrl}|${raw.locationId ?? ''}`;
	let rateLimitRetries = 0;
	let momentary429s = 0;
	let transientRetries = 0;
	let raceChecked = false;
	for (;;) {
		const release = await acquireSlot(bucket);
		try {
			const response = await sendOnce(ctx, credentialType, baseUrl, raw);
			release();
			recordRateLimit(bucket, parseRateLimitHeaders(response.headers));
			let body = response.body;
			if (typeof body === 'string' && body.trim().startsWith('{')) {
				try {
					body = JSON.parse(body);
				} catch {
					// Not JSON after all: hand the text back as it came.
				}
			}
			return body;
		} catch (error) {
			release();
			if (startToken && !raceChecked && !raw.bearer && isLostRefresh(error)) {
				raceChecked = true;
				// The request got a 401 and was not processed, so sending it again is safe.
				if (await waitForRotatedToken(ctx, credentialType, startToken)) continue;
			}
			const failure = readFailure(error);
			const limits = parseRateLimitHeaders(failure.headers);
			recordRateLimit(bucket, limits);
			if (failure.statusCode === 429) {
				if (limits.dailyRemaining === 0) {
					throw new NodeApiError(
						ctx.getNode(),
						{ statusCode: 429, message: 'GHL daily API quota exhausted' },
						{
							message: 'GHL daily API quota exhausted for this location',
							description:
								'GHL allows 200,000 requests per day per app and location. The quota resets daily; no retry was attempted.',
							httpCode: '429',
							itemIndex: raw.itemIndex,
						},
					);
				}
				if (rateLimitRetries++ < MAX_RATE_LIMIT_RETRIES) {
					if (limits.remaining !== undefined && limits.remaining > 0) {
						// GHL's window still has room, so this 429 is momentary: back off this request
						// alone. Holding the whole location back for an interval would stall every item.
						const backoff = Math.min(intervalFor(bucket), MOMENTARY_429_BACKOFF_MS * 2 ** momentary429s++);
						await sleep(retryAfterMs(failure.headers, backoff));
					} else {
						const wait = retryAfterMs(failure.headers, limits.intervalMs ?? intervalFor(bucket));
						blockBucket(bucket, wait);
					}
					continue;
				}
			} else if (
				idempotent &&
				transientRetries < MAX_TRANSIENT_RETRIES &&
				((failure.statusCode !== undefined && failure.statusCode >= 500) ||
					(failure.statusCode === undefined && failure.code !== undefined))
			) {
				await sleep(retryAfterMs(undefined, 500 * 2 ** transientRetries++));
				continue;
			}
			if (failure.statusCode === undefined && failure.code === undefined) {
				// Not an HTTP failure (e.g. n8n's "reconnect the credential" after a dead refresh token).
				throw new NodeOperationError(ctx.getNode(), error as Error, { itemIndex: raw.itemIndex });
			}
			if (failure.statusCode === undefined) {
				throw new NodeApiError(
					ctx.getNode(),
					{ message: 'Could not reach GHL' },
					{
						message: 'Could not reach GHL',
						description: `${raw.method} ${raw.path} got no answer (${failure.code}). Check the network; ${idempotent ? 'the request was retried.' : 'it was not retried because repeating it could create a duplicate.'}`,
						itemIndex: raw.itemIndex,
					},
				);
			}
			throw toNodeApiError(
				ctx.getNode(),
				{ statusCode: failure.statusCode, body: failure.body, method: raw.method, path: raw.path },
				{ itemIndex: raw.itemIndex, locationId: raw.locationId },
			);
		}
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
	const auth = await resolveAuth(this, itemIndex, options, sendRaw);
	const node = this.getNode();
	const send = async (raw: RawRequest, request: GhlRequest) =>
		await sendRaw(this, auth.credentialType, auth.baseUrl, raw, isIdempotent(request), auth.startToken);
	return {
		locationId: auth.locationId,
		definitions: new Map(),
		async request<T>(request: GhlRequest): Promise<T> {
			const raw: RawRequest = {
				method: request.method,
				path: request.path,
				segments: request.segments,
				body: request.body,
				qs: request.qs,
				itemIndex: request.itemIndex ?? itemIndex,
				locationId: auth.locationId,
			};
			if (!auth.locationToken) {
				return (await send(raw, request)) as T;
			}
			raw.bearer = await auth.locationToken();
			try {
				return (await send(raw, request)) as T;
			} catch (error) {
				// A location token revoked early: mint a new one once.
				if ((error as NodeApiError).httpCode !== '401') throw new NodeApiError(node, error as JsonObject);
				forgetLocationToken({ clientId: auth.clientId!, companyId: auth.companyId!, locationId: auth.locationId });
				raw.bearer = await auth.locationToken();
				return (await send(raw, request)) as T;
			}
		},
	};
}

/** A request made with the credential itself (agency-level endpoints such as installed locations). */
export async function ghlCredentialRequest<T = IDataObject>(
	this: GhlContext,
	request: GhlRequest,
): Promise<T> {
	const { credentialType, credentials, baseUrl } = await credentialFor(this, 0);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return (await sendRaw(
		this,
		credentialType,
		baseUrl,
		{ ...request, locationId: String(tokenData.companyId ?? tokenData.locationId ?? '') },
		isIdempotent(request),
	)) as T;
}
