/**
 * The routing table: every operation of spec.generated.ts, static segments before parameters
 * (/contacts/search before /contacts/{contactId}); the scopes the spec names; which auth class each
 * security scheme admits.
 */
import type { SpecOperation } from '../spec.generated.ts';
import { SPEC_OPERATIONS } from '../spec.generated.ts';

interface Route {
	op: SpecOperation;
	segments: string[];
	staticCount: number;
}
const ROUTES: Route[] = (SPEC_OPERATIONS as SpecOperation[])
	.map((op) => {
		const segments = op.path.split('/').filter(Boolean);
		return { op, segments, staticCount: segments.filter((s) => !s.startsWith('{')).length };
	})
	// static segments win over parameters (/contacts/search vs /contacts/{contactId})
	.sort((a, b) => b.staticCount - a.staticCount || a.segments.length - b.segments.length);

export function matchRoute(method: string, pathname: string): { op: SpecOperation; params: Record<string, string> } | null {
	const parts = pathname.split('/').filter(Boolean).map((p) => {
		try {
			return decodeURIComponent(p);
		} catch {
			return p;
		}
	});
	for (const r of ROUTES) {
		if (r.op.method !== method || r.segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < parts.length; i++) {
			const s = r.segments[i];
			if (s.startsWith('{')) params[s.slice(1, -1)] = parts[i];
			else if (s !== parts[i]) {
				ok = false;
				break;
			}
		}
		if (ok) return { op: r.op, params };
	}
	return null;
}

/** every scope named by the spec operations; default scope set of clients / minted tokens */
export const ALL_SCOPES = [...new Set((SPEC_OPERATIONS as SpecOperation[]).flatMap((o) => o.security.flatMap((s) => s.scopes)))].sort();

export const SCHEME_CLASSES: Record<string, string[]> = {
	bearer: ['Location'],
	'Location-Access': ['Location'],
	'Location-Access-Only': ['Location'],
	'Agency-Access': ['Company'],
	'Agency-Access-Only': ['Company'],
};
