/**
 * The request log and counts the tests and the benchmark assert on (GET /__admin/requests).
 * Admin calls are not logged.
 */
import type { Core, LogEntry } from './types.ts';

/** Request headers kept in the log (authorization is kept shortened). */
export const LOGGED_HEADERS = ['version', 'content-type', 'accept', 'user-agent'];

export function queryObject(q: URLSearchParams): Record<string, string | string[]> {
	const o: Record<string, string | string[]> = {};
	for (const k of new Set(q.keys())) {
		const all = q.getAll(k);
		o[k] = all.length > 1 ? all : all[0];
	}
	return o;
}

export function requests(core: Core, filter: { path?: string; route?: string; method?: string; sinceSeq?: number } = {}): LogEntry[] {
	return core.state.requestLog.filter(
		(e) =>
			(!filter.path || e.path === filter.path || (filter.path.endsWith('*') && e.path.startsWith(filter.path.slice(0, -1)))) &&
			(!filter.route || e.route === filter.route) &&
			(!filter.method || e.method === filter.method.toUpperCase()) &&
			(filter.sinceSeq === undefined || e.seq > filter.sinceSeq),
	);
}

export function clearRequests(core: Core): void {
	core.state.requestLog.length = 0;
	core.state.counts = { total: 0, byRoute: {}, byPath: {}, byStatus: {} };
}

export function record(core: Core, entry: LogEntry): void {
	core.state.requestLog.push(entry);
	if (core.state.requestLog.length > core.config.requestLogLimit) core.state.requestLog.splice(0, core.state.requestLog.length - core.config.requestLogLimit);
	const c = core.state.counts;
	c.total++;
	const pathKey = `${entry.method} ${entry.path}`;
	c.byRoute[entry.route] = (c.byRoute[entry.route] ?? 0) + 1;
	c.byPath[pathKey] = (c.byPath[pathKey] ?? 0) + 1;
	c.byStatus[entry.status] = (c.byStatus[entry.status] ?? 0) + 1;
	// eslint-disable-next-line no-console -- the fake's own output
	if (core.config.logToStdout) console.log(`[fake-ghl] ${entry.method} ${entry.path} -> ${entry.status}${entry.fault ? ` (${entry.fault})` : ''} ${entry.durationMs.toFixed(1)}ms`);
}
