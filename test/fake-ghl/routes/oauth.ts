/**
 * OAuth API (oauth.json): /oauth/token (authorization_code and rotating refresh_token grants,
 * validated before the rest of the pipeline), a location token for a Company token, the locations
 * an app is installed on, and GET /oauth/chooselocation, the stand-in for the marketplace consent
 * page (approves at once and redirects with a code).
 */
import { isInstalled } from '../core/state.ts';
import { createAuthCode, issueTokens } from '../core/tokens.ts';
import type { ApiResult, Core, Rec, Routes } from '../core/types.ts';
import { badRequest, err, HttpError, ok } from '../core/util.ts';

export function oauthRoutes(core: Core): Routes {
	const { state } = core;
	return {
		'POST /oauth/locationToken': (ctx) => {
			const auth = ctx.auth!;
			const { companyId, locationId } = ctx.body;
			if (companyId !== auth.companyId) throw err(403, 'The token does not have access to this company.');
			const loc = state.locations.get(locationId);
			if (!loc || loc.companyId !== companyId) throw badRequest('Location not found');
			const client = state.clients.get(auth.clientId);
			if (client && !isInstalled(core, client, locationId)) throw badRequest('This app is not installed on the location');
			const res = issueTokens(
				core,
				{ userType: 'Location', locationId, companyId, clientId: auth.clientId, versionId: client?.versionId, userId: auth.userId, scopes: auth.scopes },
				{ refresh: false },
			);
			delete res.userType;
			delete res.companyId;
			res.appId = client?.appId;
			res.versionId = client?.versionId;
			return ok(res);
		},
		'GET /oauth/installedLocations': (ctx) => {
			const auth = ctx.auth!;
			const companyId = ctx.query.get('companyId')!;
			if (companyId !== auth.companyId) throw err(403, 'The token does not have access to this company.');
			const client = [...state.clients.values()].find((c) => c.appId === ctx.query.get('appId'));
			if (!client) throw badRequest('App not found');
			const isInstalledQ = ctx.query.get('isInstalled');
			const q = ctx.query.get('query')?.toLowerCase();
			const onlyLocation = ctx.query.get('locationId');
			let rows = [...state.locations.values()]
				.filter((l) => l.companyId === companyId && (!q || String(l.name).toLowerCase().includes(q)) && (!onlyLocation || l.id === onlyLocation))
				.map((l) => ({
					_id: l.id,
					name: l.name,
					address: [l.address, l.city, l.state, l.postalCode, l.country].filter(Boolean).join(', '),
					isInstalled: isInstalled(core, client, l.id),
					versionId: client.versionId,
				}));
			if (isInstalledQ !== null) rows = rows.filter((r) => r.isInstalled === (isInstalledQ === 'true'));
			const skip = Number(ctx.query.get('skip') ?? 0);
			const limit = Number(ctx.query.get('limit') ?? 20);
			return ok({ locations: rows.slice(skip, skip + limit), count: rows.length, installToFutureLocations: client.installToFutureLocations });
		},
	};
}

export function oauthError(status: number, error: string, description: string): HttpError {
	return new HttpError(status, { error, error_description: description, statusCode: status, message: description });
}

export function oauthToken(core: Core, body: Rec): Rec {
	const client = core.state.clients.get(body.client_id);
	if (!client || client.clientSecret !== body.client_secret) throw oauthError(401, 'invalid_client', 'Invalid client: client credentials are invalid');
	if (body.grant_type === 'authorization_code') {
		if (!body.code) throw oauthError(400, 'invalid_request', 'Missing parameter: `code`');
		const rec = core.state.authCodes.get(body.code);
		if (!rec || rec.used || rec.grant.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid grant: authorization code is invalid');
		if (core.now() >= rec.expiresAt) throw oauthError(400, 'invalid_grant', 'Invalid grant: authorization code has expired');
		if (rec.redirectUri && body.redirect_uri && rec.redirectUri !== body.redirect_uri) throw oauthError(400, 'invalid_grant', 'Invalid grant: `redirect_uri` is invalid');
		if (body.user_type && body.user_type !== rec.grant.userType) throw oauthError(400, 'invalid_request', `Invalid user_type: the code was issued for ${rec.grant.userType}`);
		rec.used = true;
		return issueTokens(core, rec.grant, { refresh: true });
	}
	if (body.grant_type === 'refresh_token') {
		if (!body.refresh_token) throw oauthError(400, 'invalid_request', 'Missing parameter: `refresh_token`');
		const rec = core.state.refreshTokens.get(body.refresh_token);
		if (!rec || rec.revoked || rec.grant.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token is invalid');
		if (rec.usedAt !== null) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token is invalid');
		if (core.now() >= rec.expiresAt) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token has expired');
		if (body.user_type && body.user_type !== rec.grant.userType) throw oauthError(400, 'invalid_request', `Invalid user_type: the refresh token belongs to a ${rec.grant.userType} token`);
		rec.usedAt = core.now();
		const res = issueTokens(core, rec.grant, { refresh: true });
		rec.replacedBy = res.refresh_token;
		return res;
	}
	throw oauthError(400, 'unsupported_grant_type', `Unsupported grant type: \`grant_type\` ${body.grant_type} is not supported`);
}

export function chooseLocation(core: Core, url: URL): ApiResult {
	const q = url.searchParams;
	const client = core.state.clients.get(q.get('client_id') ?? '');
	if (!client) throw badRequest('Invalid client_id');
	const redirect = q.get('redirect_uri');
	if (!redirect) throw badRequest('redirect_uri is required');
	if (client.redirectUris.length && !client.redirectUris.includes(redirect)) throw badRequest('redirect_uri is not registered for this app');
	const install = client.defaultInstall ?? {};
	const code = createAuthCode(core, {
		clientId: client.clientId,
		userType: q.get('user_type') === 'Company' ? 'Company' : install.userType,
		locationId: q.get('location_id') ?? install.locationId,
		companyId: install.companyId,
		scopes: q.get('scope')?.split(/\s+/).filter(Boolean),
		redirectUri: redirect,
	});
	const target = new URL(redirect);
	target.searchParams.set('code', code);
	if (q.get('state') !== null) target.searchParams.set('state', q.get('state')!);
	return { status: 302, body: '', headers: { Location: target.toString() } };
}
