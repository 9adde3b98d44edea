/**
 * The admin API (/__admin/*: no auth, JSON, not rate-limited or logged) and the in-process
 * helpers behind it: snapshot, config patch. Webhooks and UI edits: adminHooks.ts.
 */
import { handleAdminHooks } from './adminHooks.ts';
import { injectFault } from './faults.ts';
import { clearRequests, requests } from './log.ts';
import { reset, seed } from './seed.ts';
import { setRng } from './state.ts';
import { createAuthCode, mintToken } from './tokens.ts';
import type { Core, DeepPartial, FakeGhlConfig, Rec } from './types.ts';
import { badRequest, clone, deepMerge, err } from './util.ts';

export function snapshot(core: Core, collection?: string): Rec {
	const out: Rec = {};
	const maps = ['companies', 'locations', 'users', 'contacts', 'tasks', 'notes', 'calendars', 'appointments', 'customFields', 'tags', 'clients', 'authCodes', 'accessTokens', 'refreshTokens', 'privateTokens', 'pipelines', 'lostReasons', 'opportunities', 'workflows', 'campaigns', 'workflowEnrolments', 'campaignEnrolments', 'conversations', 'messages', 'rateBuckets'] as const;
	for (const k of maps) {
		if (collection && collection !== k) continue;
		out[k] = [...(core.state[k] as Map<string, Rec>).entries()].map(([key, v]) => (k === 'rateBuckets' ? { key, ...v } : clone(v)));
	}
	if (!collection || collection === 'faultQueue') out.faultQueue = clone(core.state.faultQueue);
	if (!collection) {
		out.clockOffsetMs = core.state.clockOffsetMs;
		out.now = core.iso();
		out.counts = clone(core.state.counts);
	}
	return out;
}

export function setConfig(core: Core, patch: DeepPartial<FakeGhlConfig>): FakeGhlConfig {
	core.config = deepMerge(core.config, patch);
	if (patch.faults && 'seed' in patch.faults) setRng(core);
	return core.config;
}

export function handleAdmin(core: Core, method: string, url: URL, raw: string): { status: number; body: unknown } {
	let body: Rec = {};
	try {
		if (raw.trim()) body = JSON.parse(raw);
	} catch (e) {
		throw badRequest(`admin body is not JSON: ${(e as Error).message}`);
	}
	const p = url.pathname.replace(/\/+$/, '');
	const route = `${method} ${p}`;
	switch (route) {
		case 'GET /__admin':
		case 'GET /__admin/health':
			return { status: 200, body: { ok: true, url: core.url, now: core.iso() } };
		case 'POST /__admin/reset':
			reset(core, body.seed);
			if (body.config) setConfig(core, body.config);
			return { status: 200, body: { ok: true } };
		case 'POST /__admin/seed':
			return { status: 201, body: seed(core, body.seed ?? body) };
		case 'GET /__admin/state':
			return { status: 200, body: snapshot(core, url.searchParams.get('collection') ?? undefined) };
		case 'GET /__admin/requests': {
			const sp = url.searchParams;
			let rows = requests(core, { path: sp.get('path') ?? undefined, route: sp.get('route') ?? undefined, method: sp.get('method') ?? undefined, sinceSeq: sp.has('since') ? Number(sp.get('since')) : undefined });
			if (sp.has('limit')) rows = rows.slice(-Number(sp.get('limit')));
			return { status: 200, body: { requests: rows, counts: core.state.counts } };
		}
		case 'GET /__admin/requests/counts':
			return { status: 200, body: core.state.counts };
		case 'DELETE /__admin/requests':
			clearRequests(core);
			return { status: 200, body: { ok: true } };
		case 'GET /__admin/config':
			return { status: 200, body: core.config };
		case 'PUT /__admin/config':
		case 'PATCH /__admin/config':
		case 'POST /__admin/config':
			return { status: 200, body: setConfig(core, body) };
		case 'POST /__admin/faults':
			for (const f of Array.isArray(body) ? body : [body]) injectFault(core, f);
			return { status: 201, body: { queued: core.state.faultQueue } };
		case 'DELETE /__admin/faults':
			core.state.faultQueue.length = 0;
			setConfig(core, { faults: { rate429: 0, rate500: 0, rate502: 0, rate503: 0 } });
			return { status: 200, body: { ok: true } };
		case 'POST /__admin/rate-limit/reset':
			core.state.rateBuckets.clear();
			return { status: 200, body: { ok: true } };
		case 'POST /__admin/tokens':
			return { status: 201, body: mintToken(core, body) };
		case 'POST /__admin/tokens/revoke': {
			const t = String(body.token ?? '');
			const r = core.state.refreshTokens.get(t);
			if (r) r.revoked = true;
			const jti = (() => {
				try {
					return JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString()).jti;
				} catch {
					return undefined;
				}
			})();
			const a = jti ? core.state.accessTokens.get(jti) : undefined;
			if (a) a.revoked = true;
			return { status: 200, body: { revoked: Boolean(r || a) } };
		}
		case 'POST /__admin/oauth/codes':
			return { status: 201, body: { code: createAuthCode(core, body) } };
		case 'POST /__admin/clock':
			if (typeof body.offsetMs === 'number') core.state.clockOffsetMs = body.offsetMs;
			if (typeof body.advanceMs === 'number') core.state.clockOffsetMs += body.advanceMs;
			return { status: 200, body: { offsetMs: core.state.clockOffsetMs, now: core.iso() } };
	}
	const hooks = handleAdminHooks(core, route, body, url.searchParams);
	if (hooks) return hooks;
	throw err(404, `Unknown admin endpoint ${route}`, { error: 'Not Found' });
}
