/**
 * What the fake's own route tests share: one in-process fake with the 'default' seed, reset and a
 * fresh Location A token before each test, and `call()` with the Version header each API family
 * declares (2021-04-15 for calendars and conversations, 2021-07-28 for the rest).
 */
// @ts-ignore TS5097 -- explicit extension: server.ts is also run directly by Node
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
