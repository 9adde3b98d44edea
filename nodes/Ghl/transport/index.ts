import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GHL_API_BASE_URL } from '../../../credentials/GhlOAuth2Api.credentials';
import { apiVersionFor, CREDENTIAL_TYPES, type GhlCredentialType, USER_AGENT } from './constants';
import { toNodeApiError } from './errors';
import { assertCredentialUrls } from './credentialUrls';
import { assertPathSegment, buildPath } from './path';
import { mintLocationToken, forgetLocationToken } from './locationToken';
import {
	acquireSlot,
	blockBucket,
	intervalFor,
	parseRateLimitHeaders,
	recordRateLimit,
	sleep,
} from './rateLimiter';

export type GhlContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

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

interface HttpFailure {
	statusCode?: number;
	headers?: Record<string, unknown>;
	body?: unknown;
	/** Network error code such as ECONNRESET, when no response arrived. */
	code?: string;
}

/** Reads status, headers and body from whatever n8n's request helpers threw. */
function readFailure(error: unknown): HttpFailure {
	const candidates = [error, (error as { cause?: unknown })?.cause];
	for (const candidate of candidates) {
		const response = (candidate as { response?: { status?: number; headers?: unknown; data?: unknown } })
			?.response;
		if (response?.status) {
			return {
				statusCode: response.status,
				headers: (response.headers ?? {}) as Record<string, unknown>,
				body: response.data,
			};
		}
	}
	const code = candidates
		.map((candidate) => (candidate as { code?: unknown })?.code)
		.find((value): value is string => typeof value === 'string');
	const httpCode = Number((error as { httpCode?: unknown })?.httpCode);
	return { statusCode: Number.isFinite(httpCode) && httpCode > 0 ? httpCode : undefined, code };
}

function isIdempotent(request: GhlRequest): boolean {
	return request.idempotent === true || ['GET', 'PUT', 'DELETE', 'HEAD'].includes(request.method);
}

function retryAfterMs(headers: Record<string, unknown> | undefined, fallbackMs: number): number {
	const retryAfter = Number(headers?.['retry-after']);
	const base = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : fallbackMs;
	// Jitter spreads concurrent retries so they don't land in one burst.
	return Math.round(base * (1 + Math.random() * 0.2));
}

/** Reads a parameter in any context; resource locators give their value. Hidden ones give the fallback. */
function readParameter(ctx: GhlContext, name: string, itemIndex: number, fallback: unknown): unknown {
	const value =
		'getInputData' in ctx
			? (ctx as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback)
			: 'getCurrentNodeParameter' in ctx
				? ((ctx as ILoadOptionsFunctions).getCurrentNodeParameter(name) ??
					(ctx as ILoadOptionsFunctions).getNodeParameter(name, fallback))
				: (ctx as IWebhookFunctions).getNodeParameter(name, fallback);
	if (value && typeof value === 'object' && 'value' in (value as IDataObject)) return (value as IDataObject).value;
	return value;
}

/** The Location parameter of an item ('' when unset or hidden). */
export function readLocation(ctx: GhlContext, itemIndex: number): string {
	return String(readParameter(ctx, 'location', itemIndex, '') ?? '').trim();
}

interface Auth {
	credentialType: GhlCredentialType;
	baseUrl: string;
	locationId: string;
	/** A minted location token (agency installs); otherwise n8n signs with the credential. */
	locationToken?: () => Promise<string>;
	companyId?: string;
	clientId?: string;
	/** OAuth2: the access token stored when this client was made (to detect a lost refresh race). */
	startToken?: string;
}

/** For callers that know better than the node's parameters (e.g. a trigger handling one event). */
export interface GhlClientOptions {
	/** The location to work in, instead of the Location parameter. */
	location?: string;
	/** The credential type to use, instead of the Authentication parameter. */
	credentialType?: GhlCredentialType;
}

/** The credential an item uses (the Authentication parameter unless told otherwise) and its API host. */
async function credentialFor(ctx: GhlContext, itemIndex: number, override?: GhlCredentialType) {
	const credentialType = (override ??
		readParameter(ctx, 'authentication', itemIndex, CREDENTIAL_TYPES.oAuth2) ??
		CREDENTIAL_TYPES.oAuth2) as GhlCredentialType;
	const credentials = await ctx.getCredentials(credentialType);
	assertCredentialUrls(ctx.getNode(), credentials, ['apiBaseUrl', 'accessTokenUrl']);
	// The host lives in the credential so n8n's credential overwrites can redirect a whole instance.
	const baseUrl = String(credentials.apiBaseUrl || GHL_API_BASE_URL).replace(/\/+$/, '');
	return { credentialType, credentials, baseUrl };
}

async function resolveAuth(ctx: GhlContext, itemIndex: number, options: GhlClientOptions): Promise<Auth> {
	const locationOverride = options.location;
	const { credentialType, credentials, baseUrl } = await credentialFor(ctx, itemIndex, options.credentialType);

	if (credentialType === CREDENTIAL_TYPES.privateIntegration) {
		const locationId = String(credentials.locationId ?? '').trim();
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'The Private Integration credential has no Location ID', {
				description: 'Open the credential and enter the sub-account\'s Location ID.',
				itemIndex,
			});
		}
		return { credentialType, baseUrl, locationId };
	}

	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	if (tokenData.userType === 'Company') {
		const companyId = String(tokenData.companyId ?? '');
		const locationId = (locationOverride ?? readLocation(ctx, itemIndex)).trim();
		if (!locationId) {
			throw new NodeOperationError(ctx.getNode(), 'Choose a Location: this credential is an agency (Company) install', {
				description: 'Set the "Location" parameter to the sub-account to work in (pick from the list or paste its ID).',
				itemIndex,
			});
		}
		// A location token is minted for this ID and it goes into paths: the ID rule applies.
		assertPathSegment(ctx.getNode(), itemIndex, 'Location', locationId);
		const clientId = String(credentials.clientId ?? '');
		return {
			credentialType,
			baseUrl,
			locationId,
			companyId,
			clientId,
			locationToken: async () =>
				await mintLocationToken(
					{ clientId, companyId, locationId },
					async (form) =>
						await sendRaw(ctx, credentialType, baseUrl, {
							method: 'POST',
							path: '/oauth/locationToken',
							form,
							itemIndex,
							locationId: companyId,
						},
						// Minting twice is harmless.
						true,
						tokenData.access_token as string | undefined,
					),
				),
		};
	}
	const locationId = String(tokenData.locationId ?? '');
	const requested = locationOverride ?? readLocation(ctx, itemIndex);
	if (requested && locationId && requested !== locationId) {
		throw new NodeOperationError(ctx.getNode(), `Location "${requested}" is not the one this credential was installed on`, {
			description: `This OAuth2 credential is a sub-account install for location "${locationId}". Clear the Location parameter, or use an agency (Company) install to reach other locations.`,
			itemIndex,
		});
	}
	return { credentialType, baseUrl, locationId, startToken: tokenData.access_token as string | undefined };
}

interface RawRequest {
	method: IHttpRequestMethods;
	path: string;
	segments?: Record<string, string>;
	body?: IDataObject | IDataObject[];
	form?: Record<string, string>;
	qs?: IDataObject;
	bearer?: string;
	itemIndex?: number;
	locationId?: string;
}

/** Sends one HTTP request and returns the full response; throws n8n's error untouched. */
async function sendOnce(
	ctx: GhlContext,
	credentialType: GhlCredentialType,
	baseUrl: string,
	raw: RawRequest,
): Promise<{ body: unknown; headers: Record<string, unknown>; statusCode: number }> {
	const headers: Record<string, string> = {
		Accept: 'application/json',
		Version: apiVersionFor(raw.path),
		'User-Agent': USER_AGENT,
	};
	const options: IHttpRequestOptions = {
		method: raw.method,
		url: `${baseUrl}${raw.path}`,
		headers,
		returnFullResponse: true,
	};
	if (raw.qs && Object.keys(raw.qs).length) options.qs = raw.qs;
	if (raw.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		options.body = new URLSearchParams(raw.form).toString();
	} else if (raw.body !== undefined) {
		options.body = raw.body;
		options.json = true;
	} else {
		options.json = true;
	}
	if (raw.bearer) {
		headers.Authorization = `Bearer ${raw.bearer}`;
		return (await ctx.helpers.httpRequest(options)) as never;
	}
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, options)) as never;
}

/** n8n's answer when a refresh token was already used (by another process that won the race). */
function isLostRefresh(error: unknown): boolean {
	for (let current = error as { failure?: { cause?: string }; message?: string; cause?: unknown } | undefined, depth = 0; current && depth < 4; current = current.cause as typeof current, depth++) {
		if (current.failure?.cause === 'credential-invalid' || /needs to be reconnected/.test(String(current.message))) return true;
	}
	return false;
}

const RACE_POLL_MS = 250;
const RACE_WAIT_MS = 5_000;

/**
 * GHL refresh tokens are single-use. When two n8n processes refresh one credential at once, the
 * loser's refresh fails although the winner is about to store fresh tokens. Wait for them and go on.
 */
async function waitForRotatedToken(ctx: GhlContext, credentialType: GhlCredentialType, staleToken: string): Promise<boolean> {
	for (let waited = 0; waited <= RACE_WAIT_MS; waited += RACE_POLL_MS) {
		const credentials = await ctx.getCredentials(credentialType);
		const current = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
		if (current && current !== staleToken) return true;
		await sleep(RACE_POLL_MS);
	}
	return false;
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
	const auth = await resolveAuth(this, itemIndex, options);
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
