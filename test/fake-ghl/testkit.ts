/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * What the fake's own route tests share: one in-process fake with the 'default' seed, reset and a
 * fresh Location A token before each test, and `call()` with the Version header each API family
 * declares (2021-04-15 for calendars and conversations, 2021-07-28 for the rest); for the webhook
 * tests, the admin API, a webhook receiver and `until()`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeGhl, DEFAULT_IDS } from './server.ts';
import type { FakeGhl } from './server.ts';

export interface Res {
	status: number;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Kit {
	fake: FakeGhl;
	token: string;
	call(method: string, path: string, body?: unknown, opts?: { token?: string; version?: string }): Promise<Res>;
	/** a new contact in location A (unique email and phone unless given); its id */
	contact(extra?: Record<string, unknown>): Promise<string>;
}

export function useFake(): Kit {
	const kit = {} as Kit;
	let n = 0;
	kit.call = async (method, path, body, opts = {}) => {
		const version = opts.version ?? (/^\/(calendars|conversations)/.test(path) ? '2021-04-15' : '2021-07-28');
		const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${opts.token ?? kit.token}`, Version: version };
		if (body !== undefined) headers['Content-Type'] = 'application/json';
		const res = await fetch(kit.fake.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await res.text();
		return { status: res.status, body: text ? JSON.parse(text) : undefined };
	};
	kit.contact = async (extra = {}) => {
		n++;
		const r = await kit.call('POST', '/contacts/', { locationId: DEFAULT_IDS.locationA, firstName: 'Lea', email: `lea${n}@example.test`, phone: `+1555000${String(n).padStart(4, '0')}`, ...extra });
		if (r.status !== 201) throw new Error(`contact: ${r.status} ${JSON.stringify(r.body)}`);
		return r.body.contact.id;
	};
	beforeAll(async () => {
		kit.fake = await createFakeGhl({ seed: 'default' });
	});
	afterAll(async () => {
		await kit.fake.close();
	});
	beforeEach(() => {
		kit.fake.reset('default');
		kit.token = kit.fake.mintToken({ locationId: DEFAULT_IDS.locationA }).access_token;
	});
	return kit;
}

/** The fake's admin API over HTTP (JSON in and out). */
export async function admin(fake: FakeGhl, method: string, path: string, body?: unknown): Promise<Res> {
	const res = await fetch(`${fake.url}/__admin${path}`, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	at: number;
}

/** A webhook receiver on an ephemeral port: answers `status` (or never, with `hang`), keeps what it got. */
export async function receiver(opts: { status?: number; hang?: boolean } = {}): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
	const got: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			got.push({ headers: req.headers, raw, body: JSON.parse(raw), at: Date.now() });
			if (!opts.hang) res.writeHead(opts.status ?? 200).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		got,
		close: () => new Promise<void>((resolve) => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

/** Waits until `check()` is true (polling every 10 ms, at most `ms`). */
export async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error('until: timed out');
		await new Promise((r) => setTimeout(r, 10));
	}
}
