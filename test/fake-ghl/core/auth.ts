/**
 * Who is calling: a bearer token resolved to its auth class, location/company, client and scopes
 * (OAuth or Private Integration), and whether it may touch a location or a stored record.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { MESSAGES } from './constants.ts';
import type { Auth, Core, Ctx, Rec } from './types.ts';
import { err, notFound } from './util.ts';

/** Resolves a bearer token; throws 401 unless `lenient`. */
export function authenticate(core: Core, header: string | undefined, lenient = false): Auth | undefined {
	const fail = (message: string) => {
		if (lenient) return undefined;
		throw err(401, message, message === MESSAGES.tokenExpired ? {} : { error: 'Unauthorized' });
	};
	if (!header || !/^Bearer\s+\S+/i.test(header)) return fail(MESSAGES.tokenInvalid);
	const token = header.replace(/^Bearer\s+/i, '').trim();
	const pit = core.state.privateTokens.get(token);
	if (pit) {
		return {
			authClass: pit.authClass,
			locationId: pit.locationId,
			companyId: pit.companyId,
			clientId: pit.clientId,
			scopes: pit.scopes,
			kind: 'private',
			rateKey: `${pit.clientId}:${pit.locationId ?? pit.companyId}`,
		};
	}
	const parts = token.split('.');
	if (parts.length !== 3) return fail(MESSAGES.tokenInvalid);
	const expected = createHmac('sha256', core.secret).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail(MESSAGES.tokenInvalid);
	let payload: Rec;
	try {
		payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return fail(MESSAGES.tokenInvalid);
	}
	const rec = core.state.accessTokens.get(payload.jti);
	if (!rec || rec.revoked) return fail(MESSAGES.tokenInvalid);
	if (core.now() >= rec.expiresAt) return fail(MESSAGES.tokenExpired);
	return {
		authClass: rec.authClass,
		locationId: rec.locationId,
		companyId: rec.companyId,
		clientId: rec.clientId,
		userId: rec.userId,
		scopes: rec.scopes,
		kind: 'oauth',
		rateKey: `${rec.clientId}:${rec.locationId ?? rec.companyId}`,
	};
}

export function assertLocation(core: Core, auth: Auth | undefined, locationId: string | undefined): Rec {
	if (!auth) throw err(401, MESSAGES.tokenInvalid, { error: 'Unauthorized' });
	const loc = locationId ? core.state.locations.get(locationId) : undefined;
	if (auth.authClass === 'Location') {
		if (locationId !== auth.locationId) throw err(403, MESSAGES.location);
	} else if (!loc || loc.companyId !== auth.companyId) {
		throw err(403, MESSAGES.location);
	}
	if (!loc) throw notFound('Location');
	return loc;
}

export function getOwned(core: Core, map: Map<string, Rec>, id: string, what: string, auth: Auth | undefined): Rec {
	const rec = map.get(id);
	if (!rec) throw notFound(what);
	assertLocation(core, auth, rec.locationId);
	return rec;
}

export function contactOf(core: Core, ctx: Ctx): Rec {
	return getOwned(core, core.state.contacts, ctx.params.contactId, 'Contact', ctx.auth);
}
