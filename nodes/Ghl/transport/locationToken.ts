/**
 * Location tokens for agency (Company) installs, cached in memory per credential × app × company ×
 * location until shortly before they expire: a token minted with one credential is never served to
 * another (a disconnected credential must stop working even if another of the same agency remains).
 * Concurrent items share one mint. Tokens never leave this module except as a request header.
 */

interface LocationKey {
	/** n8n's ID of the credential that mints ('' outside a saved workflow). */
	credentialId: string;
	clientId: string;
	companyId: string;
	locationId: string;
}

interface CachedToken {
	token: Promise<string>;
	expiresAt: number;
}

/** Mint again this long before GHL's expiry, so a token never dies mid-run. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Per n8n process (queue-mode workers mint their own). Bounded: past the cap the oldest is dropped. */
const cache = new Map<string, CachedToken>();
const MAX_CACHED_TOKENS = 10_000;

const keyOf = ({ credentialId, clientId, companyId, locationId }: LocationKey) =>
	`${credentialId}|${clientId}|${companyId}|${locationId}`;

export type MintRequest = (form: Record<string, string>) => Promise<unknown>;

export async function mintLocationToken(key: LocationKey, send: MintRequest): Promise<string> {
	const cacheKey = keyOf(key);
	const cached = cache.get(cacheKey);
	if (cached && cached.expiresAt > Date.now()) return await cached.token;

	const entry: CachedToken = { expiresAt: Number.POSITIVE_INFINITY, token: Promise.resolve('') };
	entry.token = (async () => {
		const response = (await send({ companyId: key.companyId, locationId: key.locationId })) as {
			access_token?: string;
			expires_in?: number;
		};
		if (!response?.access_token) throw new Error('GHL returned no location token');
		const lifetimeMs = Number(response.expires_in ?? 86_399) * 1000;
		entry.expiresAt = Date.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS);
		return response.access_token;
	})();
	cache.set(cacheKey, entry);
	if (cache.size > MAX_CACHED_TOKENS) cache.delete(cache.keys().next().value as string);
	try {
		return await entry.token;
	} finally {
		// A failed mint must not be served from the cache.
		if (!(entry.expiresAt < Number.POSITIVE_INFINITY)) cache.delete(cacheKey);
	}
}

/**
 * Forgets the cached token if it is still `failed` (the one GHL refused): when many requests in
 * flight meet one revoked token, the first forgets it and mints anew, the others then use that.
 */
export async function forgetLocationToken(key: LocationKey, failed: string): Promise<void> {
	const entry = cache.get(keyOf(key));
	if (!entry) return;
	const current = await entry.token.catch(() => undefined);
	if (current === failed && cache.get(keyOf(key)) === entry) cache.delete(keyOf(key));
}

export function clearLocationTokens(): void {
	cache.clear();
}
