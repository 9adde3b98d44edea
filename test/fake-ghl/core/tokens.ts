/**
 * Tokens: JWT-shaped HS256 access tokens (authClass, authClassId, sourceId, oauthMeta.scopes, iat,
 * exp, jti) as /oauth/token issues them, single-use rotating refresh tokens, authorization codes.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { DEFAULT_IDS } from './constants.ts';
import { addClient, defaultClient, isInstalled } from './state.ts';
import type { AuthCodeOptions, Core, MintTokenOptions, Rec } from './types.ts';
import { b64url, badRequest, newId } from './util.ts';

export function signJwt(core: Core, payload: Rec): string {
	const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
	const body = b64url(JSON.stringify(payload));
	const sig = createHmac('sha256', core.secret).update(`${head}.${body}`).digest('base64url');
	return `${head}.${body}.${sig}`;
}

export function issueTokens(core: Core, grant: Rec, opts: { refresh: boolean; expiresInSec?: number }): Rec {
	const ttl = opts.expiresInSec ?? core.config.accessTokenTtlSec;
	const iat = core.now();
	const jti = newId(24);
	const rec: Rec = {
		jti,
		authClass: grant.userType,
		locationId: grant.userType === 'Location' ? grant.locationId : undefined,
		companyId: grant.companyId,
		clientId: grant.clientId,
		userId: grant.userId,
		scopes: grant.scopes,
		issuedAt: iat,
		expiresAt: iat + ttl * 1000,
		revoked: false,
	};
	core.state.accessTokens.set(jti, rec);
	const access = signJwt(core, {
		authClass: rec.authClass,
		authClassId: rec.authClass === 'Location' ? rec.locationId : rec.companyId,
		source: 'INTEGRATION',
		sourceId: rec.clientId,
		channel: 'OAUTH',
		primaryAuthClassId: rec.authClass === 'Location' ? rec.locationId : rec.companyId,
		oauthMeta: { scopes: rec.scopes, client: rec.clientId.split('-')[0], clientKey: rec.clientId, versionId: grant.versionId, userType: grant.userType },
		iat: Math.floor(iat / 1000),
		exp: Math.floor(rec.expiresAt / 1000),
		jti,
	});
	const client = core.state.clients.get(grant.clientId);
	const res: Rec = {
		access_token: access,
		token_type: 'Bearer',
		expires_in: ttl,
		scope: rec.scopes.join(' '),
		userType: grant.userType,
		companyId: grant.companyId,
		userId: grant.userId,
	};
	if (grant.userType === 'Location') res.locationId = grant.locationId;
	else {
		const approved = [...core.state.locations.values()].filter((l) => l.companyId === grant.companyId && (!client || isInstalled(core, client, l.id))).map((l) => l.id);
		res.approvedLocations = approved;
		res.isBulkInstallation = true;
		res.installToFutureLocations = client?.installToFutureLocations ?? true;
		res.approveAllLocations = !client?.installs;
	}
	if (opts.refresh) {
		const refresh = b64url(randomBytes(24)) + '.' + newId(12);
		core.state.refreshTokens.set(refresh, {
			token: refresh,
			grant: { ...grant },
			issuedAt: iat,
			expiresAt: iat + core.config.refreshTokenTtlSec * 1000,
			usedAt: null,
			replacedBy: null,
			revoked: false,
		});
		res.refresh_token = refresh;
	}
	return res;
}

export function grantFor(core: Core, opts: MintTokenOptions | AuthCodeOptions): Rec {
	const userType = opts.userType ?? (opts.locationId || !opts.companyId ? 'Location' : 'Company');
	let locationId = opts.locationId;
	if (userType === 'Location' && !locationId) {
		const first = [...core.state.locations.values()].find((l) => !opts.companyId || l.companyId === opts.companyId);
		if (!first) throw badRequest('no location to issue a Location token for; seed one or pass locationId');
		locationId = first.id;
	}
	const loc = locationId ? core.state.locations.get(locationId) : undefined;
	if (locationId && !loc) throw badRequest(`Location ${locationId} not found`);
	const companyId = opts.companyId ?? loc?.companyId ?? core.state.companies.keys().next().value ?? DEFAULT_IDS.companyId;
	const client = opts.clientId ? core.state.clients.get(opts.clientId) ?? addClient(core, { clientId: opts.clientId }) : defaultClient(core);
	const userId =
		opts.userId ??
		[...core.state.users.values()].find((u) => (locationId ? u.roles.locationIds.includes(locationId) : u.companyId === companyId))?.id ??
		'fakeInstallingUser01';
	return {
		userType,
		locationId: userType === 'Location' ? locationId : undefined,
		companyId,
		clientId: client.clientId,
		versionId: client.versionId,
		userId,
		scopes: opts.scopes ?? client.scopes,
	};
}

export function mintToken(core: Core, opts: MintTokenOptions = {}): Rec {
	return issueTokens(core, grantFor(core, opts), { refresh: opts.refreshToken ?? true, expiresInSec: opts.expiresInSec });
}

export function createAuthCode(core: Core, opts: AuthCodeOptions = {}): string {
	const code = b64url(randomBytes(20));
	core.state.authCodes.set(code, { code, grant: grantFor(core, opts), redirectUri: opts.redirectUri, expiresAt: core.now() + core.config.authCodeTtlSec * 1000, used: false });
	return code;
}
