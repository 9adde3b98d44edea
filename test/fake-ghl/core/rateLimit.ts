/**
 * GHL's limits: one window (fixed, or sliding with config.rateLimit.window) and one daily quota per (client, location|company) key; every
 * answer carries the X-RateLimit-* headers, limited or not. Rejected requests count too.
 */
import type { Core } from './types.ts';

export function rateLimit(core: Core, key: string): { headers: Record<string, string>; limited: boolean } {
	const rl = core.config.rateLimit;
	const t = core.now();
	let b = core.state.rateBuckets.get(key);
	if (!b) {
		b = { windowStart: t, count: 0, dayStart: t, dayCount: 0 };
		core.state.rateBuckets.set(key, b);
	}
	if (rl.window === 'sliding') {
		// Every arrival of the last interval counts; a slot frees when the oldest ages out.
		b.arrivals = (b.arrivals ?? []).filter((at) => at > t - rl.intervalMs);
		b.arrivals.push(t);
		b.count = b.arrivals.length;
		b.windowStart = b.arrivals[0];
	} else if (t - b.windowStart >= rl.intervalMs) {
		b.windowStart = t;
		b.count = 0;
	}
	if (t - b.dayStart >= 86_400_000) {
		b.dayStart = t;
		b.dayCount = 0;
	}
	if (rl.window !== 'sliding') b.count++;
	b.dayCount++;
	const limited = rl.enabled && (b.count > rl.max || b.dayCount > rl.daily);
	return {
		limited,
		headers: {
			'X-RateLimit-Limit-Daily': String(rl.daily),
			'X-RateLimit-Daily-Remaining': String(Math.max(0, rl.daily - b.dayCount)),
			'X-RateLimit-Interval-Milliseconds': String(rl.intervalMs),
			'X-RateLimit-Max': String(rl.max),
			'X-RateLimit-Remaining': String(Math.max(0, rl.max - b.count)),
		},
	};
}
