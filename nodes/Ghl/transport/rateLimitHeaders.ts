/** GHL's X-RateLimit-* answer headers: the window's size and length, and what is left of it. */
export interface RateLimitHeaders {
	max?: number;
	intervalMs?: number;
	remaining?: number;
	dailyRemaining?: number;
}

export function parseRateLimitHeaders(headers: Record<string, unknown> | undefined): RateLimitHeaders {
	const read = (name: string): number | undefined => {
		const raw = headers?.[name] ?? headers?.[name.toLowerCase()];
		const value = Number(Array.isArray(raw) ? raw[0] : raw);
		return raw === undefined || raw === null || raw === '' || Number.isNaN(value) ? undefined : value;
	};
	return {
		max: read('x-ratelimit-max'),
		intervalMs: read('x-ratelimit-interval-milliseconds'),
		remaining: read('x-ratelimit-remaining'),
		dailyRemaining: read('x-ratelimit-daily-remaining'),
	};
}
