/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- the fake GHL server: runs in Node, not shipped, not an n8n node */
/**
 * One API request, in the order README.md's "What it enforces" lists: route, rate limit, Version
 * header, bearer auth (class, scopes), injected faults, location access, strict payloads, handler.
 */
import type http from 'node:http';
import { assertLocation, authenticate } from './auth.ts';
import { MESSAGES, SEARCH_BODY_SCHEMA } from './constants.ts';
import { faultBody, pickFault } from './faults.ts';
import { rateLimit } from './rateLimit.ts';
import { matchRoute, SCHEME_CLASSES } from './routing.ts';
import type { ApiResult, Auth, Core, LogEntry, Rec, Routes } from './types.ts';
import { err, HttpError } from './util.ts';
import { validateBody, validateQuery } from '../validate.ts';
import { chooseLocation, oauthToken } from '../routes/oauth.ts';

/* eslint-disable @typescript-eslint/no-explicit-any */

export async function readBody(req: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export function parseBody(raw: string, contentType: string): unknown {
	if (!raw.trim()) return undefined;
	if (contentType.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
	try {
		return JSON.parse(raw);
	} catch (e) {
		throw err(400, `Unexpected token in JSON body: ${(e as Error).message}`, { error: 'Bad Request' });
	}
}

export async function handleApi(core: Core, routes: Routes, req: http.IncomingMessage, url: URL, raw: string, entry: Partial<LogEntry>): Promise<ApiResult> {
	const method = req.method ?? 'GET';
	const headers: Record<string, string> = {};
	const contentType = String(req.headers['content-type'] ?? '');

	// a stand-in for the marketplace consent page (marketplace.gohighlevel.com or the white-label
	// marketplace.leadconnectorhq.com, with or without /v2): approves immediately
	if (method === 'GET' && /^(\/v2)?\/oauth\/chooselocation\/?$/.test(url.pathname)) {
		entry.route = 'GET /oauth/chooselocation';
		return chooseLocation(core, url);
	}

	const match = matchRoute(method, url.pathname);
	if (!match) {
		entry.route = 'UNMATCHED';
		throw err(404, `Cannot ${method} ${url.pathname}`, { error: 'Not Found' });
	}
	const { op, params } = match;
	entry.route = op.key;

	if (op.key === 'POST /oauth/token') {
		const body = (parseBody(raw, contentType) ?? {}) as Rec;
		entry.body = { ...body, client_secret: body.client_secret ? '***' : undefined };
		const errors = validateBody(op.body?.schema, body);
		if (errors.length) throw err(422, errors, { error: 'Unprocessable Entity' });
		return { status: 200, body: oauthToken(core, body), headers };
	}

	// rate limiting (keyed by the token's client + location/company) and fault injection
	const lenientAuth = authenticate(core, req.headers.authorization, true);
	const rl = rateLimit(core, lenientAuth?.rateKey ?? `anonymous:${req.socket.remoteAddress}`);
	Object.assign(headers, rl.headers);
	if (lenientAuth) Object.assign(entry, { clientId: lenientAuth.clientId, authClass: lenientAuth.authClass, locationId: lenientAuth.locationId, companyId: lenientAuth.companyId });
	if (rl.limited) {
		entry.fault = 'rate-limit';
		throw new HttpError(429, faultBody(429), headers);
	}

	// Version header
	if (op.versions) {
		const v = req.headers['version'];
		if (!v) throw new HttpError(400, { statusCode: 400, message: MESSAGES.versionMissing, error: 'Bad Request' }, headers);
		if (!op.versions.includes(String(v))) {
			throw new HttpError(400, { statusCode: 400, message: `${MESSAGES.versionInvalid}: expected ${op.versions.join(' or ')}`, error: 'Bad Request' }, headers);
		}
	}

	// authentication, auth class and scopes
	let auth: Auth | undefined;
	if (op.security.length) {
		try {
			auth = authenticate(core, req.headers.authorization);
		} catch (e) {
			if (e instanceof HttpError) Object.assign(e.headers, headers);
			throw e;
		}
		const allowed = op.security.filter((s) => (SCHEME_CLASSES[s.scheme] ?? ['Location']).includes(auth!.authClass));
		if (!allowed.length) throw new HttpError(401, { statusCode: 401, message: MESSAGES.authClass }, headers);
		const scoped = allowed.some((s) => s.scopes.every((sc) => auth!.scopes.includes(sc)));
		if (!scoped) throw new HttpError(401, { statusCode: 401, message: MESSAGES.scope }, headers);
	}

	const fault = pickFault(core, method, url.pathname);
	if (fault) {
		entry.fault = `injected-${fault.status}`;
		const full: Record<string, string> = fault.status === 429 && core.config.faults.full429 ? { 'X-RateLimit-Remaining': '0' } : {};
		throw new HttpError(fault.status, fault.body ?? faultBody(fault.status), { ...headers, ...full, ...(fault.headers ?? {}) });
	}

	if (!op.implemented) throw new HttpError(501, { statusCode: 501, message: `fake-ghl does not implement ${op.key}` }, headers);

	// body + query
	let body: any = parseBody(raw, contentType);
	entry.body = body;
	const problems: string[] = validateQuery(op.query ?? [], url.searchParams);
	if (op.body || op.key === 'POST /contacts/search') {
		const schema = op.key === 'POST /contacts/search' ? SEARCH_BODY_SCHEMA : op.body!.schema;
		if (body === undefined && method === 'DELETE' && !(schema.required ?? []).length) body = {};
		problems.push(...validateBody(schema, body ?? {}));
	}
	// location-level access is checked before the payload is validated
	const locationRef = params.locationId ?? url.searchParams.get('locationId') ?? url.searchParams.get('location_id') ?? (typeof body?.locationId === 'string' ? body.locationId : undefined);
	if (auth && locationRef && op.key !== 'POST /oauth/locationToken' && op.key !== 'GET /oauth/installedLocations') {
		try {
			assertLocation(core, auth, locationRef);
		} catch (e) {
			if (e instanceof HttpError) Object.assign(e.headers, headers);
			throw e;
		}
	}
	if (problems.length) throw new HttpError(422, { statusCode: 422, message: problems, error: 'Unprocessable Entity' }, headers);

	const handler = routes[op.key];
	try {
		const result = handler({ op, params, query: url.searchParams, body: body ?? {}, auth, headers: req.headers }) as Rec;
		return { status: result.status ?? 200, body: result.body, headers };
	} catch (e) {
		if (e instanceof HttpError) Object.assign(e.headers, headers);
		throw e;
	}
}
