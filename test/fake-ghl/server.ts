/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * fake-ghl — a local, stateful fake of the HighLevel (GHL) API v2 for e2e tests
 * and benchmarks. Node built-ins only; runs under jest (ts-jest) and directly
 * under Node >= 22.18 / 24 (type stripping), see cli.mjs.
 *
 * Routing, Version headers, security schemes, query parameters and request
 * bodies come from spec.generated.ts (generated from the official OpenAPI
 * files by gen-spec.ts). Behaviour is documented in README.md.
 *
 * This file is the entry point: createFakeGhl() wires the HTTP server to the
 * request pipeline (core/pipeline.ts), the admin API (core/admin.ts) and the
 * routes (routes/, one file per API family).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAdmin, setConfig, snapshot } from './core/admin.ts';
import { injectFault } from './core/faults.ts';
import { clearRequests, LOGGED_HEADERS, queryObject, record, requests } from './core/log.ts';
import { handleApi, readBody } from './core/pipeline.ts';
import { reset, seed } from './core/seed.ts';
import { createCore } from './core/state.ts';
import { createAuthCode, mintToken } from './core/tokens.ts';
import type { ApiResult, FakeGhl, FakeGhlOptions, LogEntry } from './core/types.ts';
import { HttpError } from './core/util.ts';
import { flushWebhooks } from './core/delivery.ts';
import { stopWebhooks } from './core/webhooks.ts';
import { allRoutes } from './routes/index.ts';

export type {
	AuthCodeOptions,
	DeepPartial,
	FakeGhl,
	FakeGhlConfig,
	FakeGhlOptions,
	FakeState,
	LogEntry,
	MintTokenOptions,
	ScriptedFault,
	SeedInput,
} from './core/types.ts';
export { DEFAULT_CONFIG, DEFAULT_IDS, MESSAGES, SEARCH_BODY_SCHEMA } from './core/constants.ts';
export { newId } from './core/util.ts';

export async function createFakeGhl(options: FakeGhlOptions = {}): Promise<FakeGhl> {
	const core = createCore(options);
	const routes = allRoutes(core);

	const server = http.createServer(async (req, res) => {
		const started = performance.now();
		const url = new URL(req.url ?? '/', 'http://fake-ghl.local');
		const method = req.method ?? 'GET';
		let raw = '';
		try {
			raw = await readBody(req);
		} catch {
			/* client went away */
		}
		const send = (status: number, body: unknown, headers: Record<string, string>) => {
			if (res.headersSent) return;
			const payload = typeof body === 'string' ? body : JSON.stringify(body);
			res.writeHead(status, {
				...(typeof body === 'string' && status === 302 ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
				'Content-Length': Buffer.byteLength(payload),
				...headers,
			});
			res.end(payload);
		};

		if (url.pathname === '/__admin' || url.pathname.startsWith('/__admin/')) {
			try {
				const r = handleAdmin(core, method, url, raw);
				send(r.status, r.body, {});
			} catch (e) {
				if (e instanceof HttpError) send(e.status, e.body, e.headers);
				else send(500, { statusCode: 500, message: String((e as Error).message ?? e) }, {});
			}
			flushWebhooks(core);
			return;
		}

		const seq = ++core.state.seq;
		const entry: Partial<LogEntry> = {
			seq,
			time: core.iso(),
			method,
			path: url.pathname,
			query: queryObject(url.searchParams),
			headers: Object.fromEntries(LOGGED_HEADERS.filter((h) => req.headers[h] !== undefined).map((h) => [h, String(req.headers[h])])),
			body: undefined,
		};
		if (req.headers.authorization) entry.headers!.authorization = String(req.headers.authorization).slice(0, 16) + '…';
		let result: ApiResult;
		try {
			result = await handleApi(core, routes, req, url, raw, entry);
		} catch (e) {
			if (e instanceof HttpError) result = { status: e.status, body: e.body, headers: e.headers };
			else {
				// eslint-disable-next-line no-console -- the fake's own output
				console.error('[fake-ghl] internal error', e);
				result = { status: 500, body: { statusCode: 500, message: `fake-ghl internal error: ${(e as Error).message}` }, headers: {} };
			}
		}
		const { minMs, maxMs } = core.config.latency;
		if (maxMs > 0 || minMs > 0) {
			const delay = minMs + Math.random() * Math.max(0, maxMs - minMs);
			await new Promise((r) => setTimeout(r, delay));
		}
		entry.status = result.status;
		entry.responseBody = result.body;
		entry.durationMs = performance.now() - started;
		entry.route ??= 'UNMATCHED';
		record(core, entry as LogEntry);
		send(result.status, result.body, result.headers);
		// webhooks of this request's changes leave only now that its answer is out
		flushWebhooks(core);
	});
	server.keepAliveTimeout = 5000;

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const addr = server.address() as AddressInfo;
	const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
	core.url = `http://${host}:${addr.port}`;

	const api: FakeGhl = {
		url: core.url,
		port: addr.port,
		state: core.state,
		// setConfig() and reset() replace the config object; this always shows the current one
		get config() {
			return core.config;
		},
		set config(config) {
			core.config = config;
		},
		close: () =>
			new Promise<void>((resolve) => {
				stopWebhooks(core.hooks);
				server.close(() => resolve());
				server.closeAllConnections();
			}),
		reset: (seedInput) => reset(core, seedInput),
		seed: (input) => seed(core, input),
		mintToken: (opts) => mintToken(core, opts),
		createAuthCode: (opts) => createAuthCode(core, opts),
		setConfig: (patch) => setConfig(core, patch),
		injectFault: (fault) => injectFault(core, fault),
		advanceClock: (ms: number) => (core.state.clockOffsetMs += ms),
		now: core.now,
		requests: (filter) => requests(core, filter),
		counts: () => core.state.counts,
		clearRequests: () => clearRequests(core),
		snapshot: (collection) => snapshot(core, collection),
	};
	if (options.seed) seed(core, options.seed);
	return api;
}
