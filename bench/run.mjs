#!/usr/bin/env node
// Benchmark: our GHL node vs n8n's built-in HighLevel node (n8n-nodes-base.highLevel v2), side by
// side in ONE real n8n (`n8n start`, workflows triggered through production webhooks) against ONE
// fake GHL (test/fake-ghl) at 100 requests / 10 s. Started by bench/run.sh, which builds, packs
// and installs the package and exports the n8n environment. See bench/README.md.
//
//   --quick            smoke run: 200 items, 2,000 contacts, 4 processes (≈ 8 min)
//   --only a,b,...     scenarios to run (a b c d e f; d also runs d2, the cross-process variant)
//   --skip-builtin     our node only
//   --concurrency N    our node's Parallel Requests (default: the node's default, 8)
//   --processes N      n8n execute processes in d2 (default 10, quick 4; each boots in ~15-25 s)
//   --write-readme     replace README.md's "## Performance" section with this run's table
//   --dump-requests    write the fake's request log of every run to <bench dir>/requests-*.tsv
//
// How the built-in node reaches the fake unchanged: its host https://services.leadconnectorhq.com is
// hard-coded, so n8n (and only n8n) gets bench/redirect.cjs preloaded, which sends TLS connections for
// that name to a TLS front on 127.0.0.1 (certificate for services.leadconnectorhq.com made with
// openssl, trusted through NODE_EXTRA_CA_CERTS). Both credentials keep the real host names.
import { spawn, execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';

import { freePort, login as ownerLogin, versionDrift, waitReady } from '../scripts/lib/runtime.cjs';

const ROOT = process.env.GHL_PROJECT_ROOT ?? path.resolve(import.meta.dirname, '..');
const BENCH = process.env.GHL_BENCH_DIR ?? path.join(ROOT, '.runtime/bench');
const N8N_BIN = process.env.GHL_N8N_BIN;
const N8N_DIR = process.env.GHL_N8N_DIR;
const NODE = process.execPath;
if (!N8N_BIN || !process.env.N8N_USER_FOLDER) {
	console.error('bench/run.mjs is started by bench/run.sh (npm run bench), which prepares n8n.');
	process.exit(2);
}

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => {
	const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
	if (i < 0) return undefined;
	return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
};
const QUICK = flag('quick');
const ALL = ['a', 'b', 'c', 'd', 'd2', 'e', 'e2', 'f', 'g', 'h', 'h2', 'i', 'j'];
const ONLY = new Set((value('only') ?? ALL.filter((key) => key !== 'd2' && key !== 'h2').join(',')).split(',').map((s) => s.trim()).filter(Boolean));
const BUILTIN = !flag('skip-builtin');
/** Our node's Parallel Requests (unset = the node's default, 8). */
const CONCURRENCY = value('concurrency') ? Number(value('concurrency')) : undefined;
const SIZES = {
	upsert: QUICK ? 200 : 1000,
	contacts: QUICK ? 2000 : 10_000,
	faults: QUICK ? 200 : 1000,
	concurrent: 20,
	processes: Number(value('processes') ?? (QUICK ? 4 : 10)),
	quotaItems: 200,
	quota: 30,
	/** (h) items per location, 5 locations */
	perLocation: QUICK ? 200 : 1000,
	/** (i) contacts tagged */
	tagged: QUICK ? 200 : 1000,
	/** (j) signed events posted, 10 at a time */
	events: QUICK ? 200 : 1000,
};
const LOCATIONS = 5;
const LATENCY_MS = 250;
/** `n8n execute` processes booting at once in d2. */
const BOOT_PARALLEL = 3;
/** Every scenario is bounded: a webhook call that takes longer is abandoned and reported. */
const RUN_TIMEOUT_MS = 8 * 60_000;
/** Pause after a run of our node so its limiter's 10-s window doesn't carry over. */
const SETTLE_MS = 11_000;

const log = (...a) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
for (const drift of versionDrift()) log(`warning: ${drift}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
fs.mkdirSync(BENCH, { recursive: true });

// ---------------------------------------------------------------- fake GHL + TLS front
const { createFakeGhl, DEFAULT_IDS } = await import(pathToFileURL(path.join(ROOT, 'test/fake-ghl/server.ts')).href);
const { ghlEvent, newEd25519KeyPair } = await import(pathToFileURL(path.join(ROOT, 'test/e2e/harness/signing.ts')).href);
const { locationA, locationB, clientId, clientSecret, companyId } = DEFAULT_IDS;
const GHL_HOST = 'services.leadconnectorhq.com';

const tlsDir = path.join(BENCH, 'tls');
fs.mkdirSync(tlsDir, { recursive: true });
const keyFile = path.join(tlsDir, 'key.pem');
const certFile = path.join(tlsDir, 'cert.pem');
execFileSync('openssl', [
	'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2',
	'-subj', `/CN=${GHL_HOST}`, '-addext', `subjectAltName=DNS:${GHL_HOST}`,
], { stdio: 'ignore' });
// NODE_EXTRA_CA_CERTS replaces (does not add to) an inherited bundle: keep what was there.
const caBundle = path.join(tlsDir, 'ca-bundle.pem');
const inherited = process.env.NODE_EXTRA_CA_CERTS && fs.existsSync(process.env.NODE_EXTRA_CA_CERTS) ? fs.readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8') : '';
fs.writeFileSync(caBundle, `${inherited.trim()}\n${fs.readFileSync(certFile, 'utf8')}`);

const fake = await createFakeGhl({ seed: 'default', config: { requestLogLimit: 6000 } });
const front = tls.createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (client) => {
	const upstream = net.connect(fake.port, '127.0.0.1');
	client.pipe(upstream).pipe(client);
	client.on('error', () => upstream.destroy());
	upstream.on('error', () => client.destroy());
});
await new Promise((resolve) => front.listen(0, '127.0.0.1', resolve));
const TLS_PORT = front.address().port;
log(`fake GHL ${fake.url}, TLS front https://${GHL_HOST} → 127.0.0.1:${TLS_PORT}`);

// Data: contacts to list in location B, one contact in A for the refresh runs.
const base = Date.parse('2024-01-01T00:00:00Z');
fake.seed({
	contacts: Array.from({ length: SIZES.contacts }, (_, i) => ({
		locationId: locationB,
		email: `list-${i}@bench.test`,
		firstName: `List${i}`,
		dateAdded: new Date(base + i * 1000).toISOString(),
	})),
});
const probe = fake.seed({ contacts: [{ locationId: locationA, email: 'probe@bench.test', firstName: 'Probe' }] }).contacts[0];
// (h) five locations of one agency: A, B and three more.
const AGENCY_LOCATIONS = [locationA, locationB, ...['C', 'D', 'E'].map((letter) => `benchLocation${letter}000001`)];
fake.seed({ locations: AGENCY_LOCATIONS.slice(2).map((id) => ({ id, companyId, name: `Bench ${id}` })) });
// (i) contacts to tag, in location A.
const TAGGED = fake.seed({
	contacts: Array.from({ length: SIZES.tagged }, (_, i) => ({ locationId: locationA, email: `tag-${i}@bench.test`, firstName: `Tag${i}` })),
}).contacts.map((contact) => contact.id);
// (j) the key the GHL Trigger trusts.
const KEYS = newEd25519KeyPair();

// ---------------------------------------------------------------- barrier for the cross-process run
let barrier = { expected: 0, arrived: 0, released: false, waiting: [], onArrive: () => {} };
const releaseBarrier = () => {
	if (!barrier.released) barrier.releasedAt = performance.now();
	barrier.released = true;
	for (const r of barrier.waiting.splice(0)) r.end('{"go":true}');
};
const barrierServer = http.createServer((req, res) => {
	barrier.waiting.push(res);
	barrier.arrived++;
	barrier.onArrive();
	if (barrier.waiting.length >= barrier.expected) releaseBarrier();
});
await new Promise((resolve) => barrierServer.listen(0, '127.0.0.1', resolve));
const BARRIER_URL = `http://127.0.0.1:${barrierServer.address().port}/go`;

// ---------------------------------------------------------------- credentials
const OURS = { type: 'n8n-nodes-ghl.ghl', version: 1, cred: 'ghlOAuth2Api' };
const BUILT = { type: 'n8n-nodes-base.highLevel', version: 2, cred: 'highLevelOAuth2Api' };
const SCOPES = 'contacts.readonly contacts.write locations.readonly users.readonly oauth.readonly oauth.write';

function credential(id, node, locationId, expiresInSec, agency = false) {
	const token = agency ? fake.mintToken({ userType: 'Company', companyId }) : fake.mintToken({ locationId, expiresInSec });
	const common = {
		clientId,
		clientSecret,
		accessTokenUrl: `https://${GHL_HOST}/oauth/token`,
		grantType: 'authorizationCode',
		authentication: 'body',
		authQueryParameters: '',
		oauthTokenData: token,
	};
	const data =
		node === OURS
			? { ...common, authUrl: 'https://marketplace.gohighlevel.com/v2/oauth/chooselocation', apiBaseUrl: `https://${GHL_HOST}`, scope: SCOPES }
			: { ...common, authUrl: 'https://marketplace.leadconnectorhq.com/oauth/chooselocation', scope: SCOPES };
	return { id, name: id, type: node.cred, data };
}
// n8n ids are 16 characters. "…R…" and "…X…" hold tokens that are already expired.
const CREDS = {
	oursA: credential('benchOursA000001', OURS, locationA),
	builtA: credential('benchBuiltA00001', BUILT, locationA),
	oursB: credential('benchOursB000001', OURS, locationB),
	builtB: credential('benchBuiltB00001', BUILT, locationB),
	oursR: credential('benchOursR000001', OURS, locationA, 1),
	builtR: credential('benchBuiltR00001', BUILT, locationA, 1),
	oursX: credential('benchOursX000001', OURS, locationA, 1),
	builtX: credential('benchBuiltX00001', BUILT, locationA, 1),
	oursAgency: credential('benchOursAgency1', OURS, undefined, undefined, true),
};

// ---------------------------------------------------------------- workflows
const pos = (i) => [i * 220, 0];
const nodeRef = (node, credKey) => ({ credentials: { [node.cred]: { id: CREDS[credKey].id, name: CREDS[credKey].name } } });

function ghlNode(node, credKey, op, extra = {}) {
	let parameters;
	if (node === OURS) {
		parameters = { authentication: 'ghlOAuth2Api', resource: 'contact', ...(CONCURRENCY ? { requestOptions: { concurrency: CONCURRENCY } } : {}) };
		if (op === 'upsert') Object.assign(parameters, { operation: 'upsert', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.firstName }}' } });
		if (op === 'getAll') Object.assign(parameters, { operation: 'getAll', returnAll: true });
		if (op === 'get') Object.assign(parameters, { operation: 'get', contactId: { __rl: true, mode: 'id', value: probe.id } });
		if (op === 'upsertAnyLocation') {
			Object.assign(parameters, {
				operation: 'upsert',
				location: { __rl: true, mode: 'id', value: '={{ $json.locationId }}' },
				email: '={{ $json.email }}',
				additionalFields: { firstName: '={{ $json.firstName }}' },
			});
		}
		if (op === 'tag') Object.assign(parameters, { operation: 'addTags', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, tags: '={{ $json.tag }}' });
	} else {
		parameters = { resource: 'contact' };
		if (op === 'upsert') Object.assign(parameters, { operation: 'create', email: '={{ $json.email }}', additionalFields: { firstName: '={{ $json.firstName }}' } });
		if (op === 'getAll') Object.assign(parameters, { operation: 'getAll', returnAll: true });
		if (op === 'get') Object.assign(parameters, { operation: 'get', contactId: probe.id });
		// No tag operation: a contact update per item (it replaces the contact's tags).
		if (op === 'tag') Object.assign(parameters, { operation: 'update', contactId: '={{ $json.id }}', updateFields: { tags: '={{ $json.tag }}' } });
	}
	return { id: randomUUID(), name: 'GHL', type: node.type, typeVersion: node.version, position: pos(2), parameters, ...nodeRef(node, credKey), ...extra };
}

const webhookNode = (p) => ({
	id: randomUUID(),
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: pos(0),
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path: p, responseMode: 'lastNode', options: {} },
});
const codeNode = (name, jsCode, i) => ({
	id: randomUUID(),
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: pos(i),
	parameters: { mode: 'runOnceForAllItems', jsCode },
});

// Items: every 20th item repeats the previous item's email (same contact twice in one run).
const GENERATE = `const { n, prefix } = $('Webhook').first().json.body;
const out = [];
for (let i = 0; i < n; i++) {
  const k = i % 20 === 19 ? i - 1 : i;
  out.push({ json: { email: prefix + '-' + k + '@bench.test', firstName: 'Bench' + i } });
}
return out;`;
const SUMMARIZE_UPSERT = `return [{ json: { rows: $input.all().map((it) => {
  const c = it.json.contact ?? it.json;
  return [c.id ?? null, c.email ?? null, c.firstName ?? null, it.json.error ? String(it.json.error).slice(0, 200) : null];
}) } }];`;
// (h) n items per location, the locations interleaved; the location is set per item.
const GENERATE_MULTI = `const { n, prefix, locations } = $('Webhook').first().json.body;
const out = [];
for (let i = 0; i < n * locations.length; i++) {
  out.push({ json: { locationId: locations[i % locations.length], email: prefix + '-' + i + '@bench.test', firstName: 'Bench' + i } });
}
return out;`;
const GENERATE_TAGS = `const { ids, tag } = $('Webhook').first().json.body;
return ids.map((id) => ({ json: { id, tag } }));`;
const COUNT = `return [{ json: { n: $input.all().length, errors: $input.all().filter((it) => it.json.error).length } }];`;
const SUMMARIZE_LIST = `const ids = $input.all().map((it) => it.json.id);
return [{ json: { n: ids.length, unique: new Set(ids).size } }];`;

function chain(nodes) {
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}
const WORKFLOWS = [];
function workflow(key, nodes, { webhook = true } = {}) {
	const wf = {
		id: `bench${key}`.padEnd(16, '0').slice(0, 16),
		name: `bench ${key}`,
		active: false,
		nodes,
		connections: chain(nodes),
		settings: { executionOrder: 'v1' },
		pinData: {},
		webhookPath: webhook ? nodes[0].parameters.path : undefined,
	};
	WORKFLOWS.push(wf);
	return wf;
}
const WF = {};
for (const [side, node] of [['Ours', OURS], ['Built', BUILT]]) {
	const A = side === 'Ours' ? 'oursA' : 'builtA';
	const B = side === 'Ours' ? 'oursB' : 'builtB';
	WF[`upsert${side}`] = workflow(`Up${side}`, [webhookNode(`bench-upsert-${side.toLowerCase()}`), codeNode('Items', GENERATE, 1), ghlNode(node, A, 'upsert'), codeNode('Summary', SUMMARIZE_UPSERT, 3)]);
	WF[`list${side}`] = workflow(`List${side}`, [webhookNode(`bench-list-${side.toLowerCase()}`), ghlNode(node, B, 'getAll', { position: pos(1) }), codeNode('Summary', SUMMARIZE_LIST, 2)]);
	WF[`refresh${side}`] = workflow(`Ref${side}`, [webhookNode(`bench-refresh-${side.toLowerCase()}`), ghlNode(node, side === 'Ours' ? 'oursR' : 'builtR', 'get', { position: pos(1) })]);
	WF[`xafter${side}`] = workflow(`XAft${side}`, [webhookNode(`bench-xafter-${side.toLowerCase()}`), ghlNode(node, side === 'Ours' ? 'oursX' : 'builtX', 'get', { position: pos(1) })]);
	WF[`xproc${side}`] = workflow(
		`XProc${side}`,
		[
			{ id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: pos(0), parameters: {} },
			{
				id: randomUUID(),
				name: 'Barrier',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: pos(1),
				parameters: { url: BARRIER_URL, options: { timeout: 300_000 } },
			},
			ghlNode(node, side === 'Ours' ? 'oursX' : 'builtX', 'get'),
		],
		{ webhook: false },
	);
}

WF.multiOurs = workflow('MultiLoc', [webhookNode('bench-multi-ours'), codeNode('Items', GENERATE_MULTI, 1), ghlNode(OURS, 'oursAgency', 'upsertAnyLocation'), codeNode('Summary', SUMMARIZE_UPSERT, 3)]);
WF.tagOurs = workflow('TagOurs', [webhookNode('bench-tag-ours'), codeNode('Items', GENERATE_TAGS, 1), ghlNode(OURS, 'oursA', 'tag'), codeNode('Summary', COUNT, 3)]);
WF.tagBuilt = workflow('TagBuilt', [webhookNode('bench-tag-built'), codeNode('Items', GENERATE_TAGS, 1), ghlNode(BUILT, 'builtA', 'tag'), codeNode('Summary', COUNT, 3)]);
// (j) one signed GHL event per execution through our trigger, beside n8n's plain Webhook node.
WF.hookOurs = workflow('HookOurs', [
	{
		id: randomUUID(),
		name: 'GHL Trigger',
		type: 'n8n-nodes-ghl.ghlTrigger',
		typeVersion: 1,
		position: pos(0),
		webhookId: randomUUID(),
		parameters: { source: 'marketplaceApp', events: ['ContactCreate'], signatureVerification: 'signature', locationIds: '', fetchFullRecord: 'none', options: { customPublicKeys: KEYS.publicKeyPem } },
	},
	{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: pos(1), parameters: {} },
]);
WF.hookOurs.webhookPath = `${WF.hookOurs.nodes[0].webhookId}/webhook`;
WF.hookPlain = workflow('HookPlain', [
	{ ...webhookNode('bench-plain-webhook'), parameters: { httpMethod: 'POST', path: 'bench-plain-webhook', responseMode: 'onReceived', options: {} } },
	{ id: randomUUID(), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: pos(1), parameters: {} },
]);

// ---------------------------------------------------------------- n8n
const env = {
	...process.env,
	// GHL_BENCH_N8N_NODE_OPTIONS: extra options for the n8n processes only, e.g. --cpu-prof --cpu-prof-dir=/tmp/prof
	NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${process.env.GHL_BENCH_N8N_NODE_OPTIONS ?? ''} --require ${path.join(ROOT, 'bench/redirect.cjs')}`.trim(),
	NODE_EXTRA_CA_CERTS: caBundle,
	GHL_BENCH_TLS_PORT: String(TLS_PORT),
	// The upsert runs are one long execution each; the refresh runs are 20 at once.
	N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1',
};
const importDir = path.join(BENCH, 'import');
fs.rmSync(importDir, { recursive: true, force: true });
fs.mkdirSync(path.join(importDir, 'workflows'), { recursive: true });
fs.writeFileSync(path.join(importDir, 'credentials.json'), JSON.stringify(Object.values(CREDS), null, 2));
for (const wf of WORKFLOWS) {
	const { webhookPath, ...json } = wf;
	void webhookPath;
	fs.writeFileSync(path.join(importDir, 'workflows', `${wf.id}.json`), JSON.stringify(json, null, 2));
}
const n8nLog = fs.createWriteStream(path.join(BENCH, 'n8n.log'));

function n8nCli(args, extraEnv = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(NODE, [N8N_BIN, ...args], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 5 * 60_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			n8nLog.write(`\n$ n8n ${args.join(' ')} → ${code}\n${out}\n`);
			code === 0 ? resolve(out) : reject(new Error(`n8n ${args.join(' ')} exited ${code}:\n${out.slice(-2000)}`));
		});
	});
}

log('importing credentials and workflows');
await n8nCli(['import:credentials', `--input=${path.join(importDir, 'credentials.json')}`]);
await n8nCli(['import:workflow', '--separate', `--input=${path.join(importDir, 'workflows')}`]);

log(`starting n8n ${process.env.GHL_N8N_VERSION} on port ${process.env.N8N_PORT}`);
const n8n = spawn(NODE, [N8N_BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
n8n.stdout.pipe(n8nLog);
n8n.stderr.pipe(n8nLog);
let n8nExited = false;
n8n.on('exit', () => (n8nExited = true));
const N8N = `http://127.0.0.1:${process.env.N8N_PORT}`;

/** `n8n execute` processes of d2 still running (killed on the way out). */
const children = new Set();

async function cleanup() {
	releaseBarrier();
	for (const child of children) child.kill('SIGKILL');
	if (!n8nExited) {
		n8n.kill('SIGTERM');
		for (let i = 0; i < 40 && !n8nExited; i++) await sleep(250);
		if (!n8nExited) n8n.kill('SIGKILL');
	}
	barrierServer.close();
	front.close();
	await fake.close();
}
process.on('SIGINT', async () => {
	await cleanup();
	process.exit(130);
});

/** Plain HTTP/1.1 JSON request without client-side timeouts (each caller bounds its own wait). */
function request(method, url, { body, headers = {}, timeoutMs = RUN_TIMEOUT_MS } = {}) {
	return new Promise((resolve) => {
		const payload = body === undefined ? undefined : JSON.stringify(body);
		const req = http.request(url, { method, headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (d) => (text += d));
			res.on('end', () => {
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = undefined;
				}
				resolve({ status: res.statusCode, json, text, headers: res.headers });
			});
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
		req.on('error', (error) => resolve({ status: 0, error: error.message }));
		if (payload) req.write(payload);
		req.end();
	});
}

try {
	await waitReady(N8N, { timeoutMs: 180_000, exited: () => n8nExited, logFile: path.join(BENCH, 'n8n.log'), intervalMs: 500 });
} catch (error) {
	console.error(error.message);
	await cleanup();
	process.exit(1);
}

const BROWSER_ID = 'n8n-nodes-ghl-bench';
const owner = { email: process.env.GHL_N8N_OWNER_EMAIL, password: process.env.GHL_N8N_OWNER_PASSWORD };
const AUTH = { 'browser-id': BROWSER_ID, cookie: await ownerLogin(N8N, owner, BROWSER_ID) };
const rest = async (method, p, body) => {
	for (let attempt = 1; ; attempt++) {
		const r = await request(method, `${N8N}/rest${p}`, { body, headers: AUTH, timeoutMs: 60_000 });
		if (r.status === 200) return r.json.data;
		// Under load n8n briefly answers 503 "Database is not ready!" (its DB ping timed out).
		if (attempt >= 30 || ![0, 502, 503].includes(r.status)) throw new Error(`${method} /rest${p}: ${r.status} ${r.text?.slice(0, 300) ?? r.error}`);
		await sleep(1000);
	}
};
for (const wf of WORKFLOWS.filter((w) => w.webhookPath)) {
	const { versionId } = await rest('GET', `/workflows/${wf.id}`);
	await rest('POST', `/workflows/${wf.id}/activate`, { versionId });
}
log(`n8n ready, ${WORKFLOWS.filter((w) => w.webhookPath).length} webhook workflows active`);

const flatted = createRequire(path.join(N8N_DIR, 'node_modules/n8n/package.json'))('flatted');
/** The newest execution of a workflow, once it has finished: status, error, the GHL node's own time. */
async function lastExecution(wf) {
	for (let i = 0; i < 60; i++) {
		const list = await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: wf.id }))}&limit=1`);
		const summary = list.results?.[0];
		if (summary && !['running', 'new', 'waiting'].includes(summary.status)) {
			const full = await rest('GET', `/executions/${summary.id}`);
			const data = typeof full.data === 'string' ? flatted.parse(full.data) : full.data;
			const run = data?.resultData?.runData?.GHL?.[0];
			if (flag('dump-requests')) {
				// Debugging aid: each node's start and run time.
				const runData = data?.resultData?.runData ?? {};
				log('node times:', Object.entries(runData).map(([name, runs]) => `${name} @${runs[0].startTime - new Date(summary.startedAt).getTime()} ms for ${runs[0].executionTime} ms`).join('; '));
			}
			const error = data?.resultData?.error;
			return {
				id: summary.id,
				status: summary.status,
				nodeSeconds: run ? run.executionTime / 1000 : undefined,
				error: error ? [error.message, error.description].filter(Boolean).join(' — ') : undefined,
			};
		}
		await sleep(500);
	}
	return { status: 'unknown' };
}

// ---------------------------------------------------------------- measuring
/** When our node last sent anything: its limiter remembers one interval past that. */
let oursLastActive = 0;
async function settle() {
	// The fake's windows are emptied below; our node's own limiter needs an interval after its last
	// request (the built-in node keeps no such state, so it can start almost at once).
	await sleep(Math.max(1_000, oursLastActive + SETTLE_MS - Date.now()));
	fake.state.rateBuckets.clear();
	fake.clearRequests();
}
function setFake({ latency = 0, faults = null, daily = 200_000 } = {}) {
	fake.setConfig({
		latency: { minMs: latency, maxMs: latency },
		faults: faults ?? { rate429: 0, rate500: 0, rate502: 0, rate503: 0, seed: null },
		rateLimit: { daily },
	});
}
const counts = () => {
	const c = fake.counts();
	const tokenCalls = c.byRoute['POST /oauth/token'] ?? 0;
	const tokenOk = fake.state.requestLog.filter((e) => e.route === 'POST /oauth/token' && e.status === 200).length;
	return { requests: c.total, r429: c.byStatus[429] ?? 0, r500: c.byStatus[500] ?? 0, tokenCalls, tokenOk, byStatus: { ...c.byStatus } };
};

const contactsWithPrefix = (prefix) => [...fake.state.contacts.values()].filter((c) => typeof c.email === 'string' && c.email.startsWith(`${prefix}-`));

const results = [];
function record(row) {
	results.push(row);
	if (row.node === 'ours') oursLastActive = Date.now();
	if (flag('dump-requests')) {
		// Debugging aid: the fake's request log of this run (time, route, status, fault, duration, location).
		const lines = fake.state.requestLog.map((e) => [e.seq, e.time, e.route, e.status, e.fault ?? '', e.durationMs?.toFixed(1), e.locationId ?? ''].join('\t'));
		fs.writeFileSync(path.join(BENCH, `requests-${row.scenario}-${row.node}.tsv`), `${lines.join('\n')}\n`);
	}
	const bits = [`${row.scenario} ${row.node}`, `${row.wall.toFixed(1)} s`, `${row.requests} req`, `${row.r429}×429`, `failed ${row.failed}`];
	if (row.duplicates !== undefined) bits.push(`dup ${row.duplicates}`);
	if (row.refreshes !== undefined) bits.push(`refresh ${row.refreshes}`);
	log(bits.join(' | '), '|', row.note);
}

/** One upsert run: n items through the node, then every output item checked against its input. */
async function upsertRun(scenario, side, n, { latency = 0, faults = null, daily } = {}) {
	await settle();
	setFake({ latency, faults, daily });
	const wf = WF[`upsert${side}`];
	const prefix = `${scenario}-${side}-${Date.now()}`.toLowerCase();
	const t0 = performance.now();
	const res = await request('POST', `${N8N}/webhook/${wf.webhookPath}`, { body: { n, prefix } });
	const wall = (performance.now() - t0) / 1000;
	const c = counts();
	setFake();
	const exec = await lastExecution(wf);
	const written = contactsWithPrefix(prefix);
	const emails = new Set(written.map((x) => x.email.toLowerCase()));
	const duplicates = written.length - emails.size;
	const expectedEmails = new Set(Array.from({ length: n }, (_, i) => `${prefix}-${i % 20 === 19 ? i - 1 : i}@bench.test`));
	let correct = 0;
	const rows = res.status === 200 ? (res.json?.rows ?? []) : [];
	const byEmail = new Map(written.map((x) => [x.email.toLowerCase(), x.id]));
	for (let i = 0; i < n; i++) {
		const row = rows[i];
		const k = i % 20 === 19 ? i - 1 : i;
		const email = `${prefix}-${k}@bench.test`;
		if (row && !row[3] && row[1]?.toLowerCase() === email && row[2] === `Bench${i}` && row[0] && byEmail.get(email) === row[0]) correct++;
	}
	const failed = n - correct;
	const note =
		exec.status === 'success' && failed === 0
			? `${emails.size}/${expectedEmails.size} contacts, all ${n} outputs correct`
			: `${exec.status === 'success' ? 'execution succeeded' : 'execution FAILED'}${exec.error ? `: ${exec.error.slice(0, 160)}` : ''}; ${emails.size}/${expectedEmails.size} contacts written`;
	const row = { scenario, node: side === 'Ours' ? 'ours' : 'built-in', n, wall, nodeSeconds: exec.nodeSeconds, ...c, failed, duplicates, refreshes: c.tokenOk, status: exec.status, error: exec.error, note };
	record(row);
	return row;
}

async function listRun(side) {
	await settle();
	setFake();
	const wf = WF[`list${side}`];
	const t0 = performance.now();
	const res = await request('POST', `${N8N}/webhook/${wf.webhookPath}`, { body: {} });
	const wall = (performance.now() - t0) / 1000;
	const c = counts();
	const exec = await lastExecution(wf);
	const got = res.status === 200 ? res.json : undefined;
	const complete = got?.n === SIZES.contacts && got?.unique === SIZES.contacts;
	const note = complete
		? `${got.n} contacts, all unique`
		: `${exec.status === 'success' ? `returned ${got?.n ?? '?'} (${got?.unique ?? '?'} unique) of ${SIZES.contacts}` : 'execution FAILED'}${exec.error ? `: ${exec.error.slice(0, 160)}` : ''}; ${c.requests} requests`;
	const row = { scenario: 'c', node: side === 'Ours' ? 'ours' : 'built-in', n: SIZES.contacts, wall, nodeSeconds: exec.nodeSeconds, ...c, failed: complete ? 0 : SIZES.contacts - (got?.unique ?? 0), refreshes: c.tokenOk, status: exec.status, error: exec.error, note };
	record(row);
	return row;
}

/** (d) 20 executions at once inside the running n8n on a credential whose access token has expired. */
async function refreshRun(side) {
	await settle();
	setFake();
	const wf = WF[`refresh${side}`];
	const t0 = performance.now();
	const answers = await Promise.all(Array.from({ length: SIZES.concurrent }, () => request('POST', `${N8N}/webhook/${wf.webhookPath}`, { body: {}, timeoutMs: 120_000 })));
	const wall = (performance.now() - t0) / 1000;
	const c = counts();
	const ok = answers.filter((a) => a.status === 200 && a.json?.id === probe.id).length;
	fake.clearRequests();
	const after = await request('POST', `${N8N}/webhook/${wf.webhookPath}`, { body: {}, timeoutMs: 60_000 });
	const afterCounts = counts();
	const works = after.status === 200 && after.json?.id === probe.id;
	const exec = ok < SIZES.concurrent ? await lastExecution(wf) : {};
	const note = `${ok}/${SIZES.concurrent} executions ok; /oauth/token ${c.tokenCalls}× (${c.tokenOk} ok); afterwards ${works ? `works (${afterCounts.tokenCalls} more refreshes)` : 'BROKEN'}${exec.error ? `; error: ${exec.error.slice(0, 140)}` : ''}`;
	const row = { scenario: 'd', node: side === 'Ours' ? 'ours' : 'built-in', n: SIZES.concurrent, wall, ...c, failed: SIZES.concurrent - ok, refreshes: c.tokenOk, worksAfter: works, note };
	record(row);
	return row;
}

/** (d2) the same across separate `n8n execute` processes on the one SQLite user folder. */
async function crossProcessRun(side) {
	await settle();
	setFake();
	const wf = WF[`xproc${side}`];
	const count = SIZES.processes;
	let started = 0;
	let diedBooting = 0;
	let wakeLauncher = () => {};
	barrier = { expected: count, arrived: 0, released: false, waiting: [], onArrive: () => wakeLauncher() };
	const t0 = performance.now();
	const launch = async () => {
		const port = await freePort();
		return await new Promise((resolve) => {
			const child = spawn(NODE, [N8N_BIN, 'execute', `--id=${wf.id}`], {
				env: { ...env, N8N_RUNNERS_BROKER_PORT: String(port) },
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			children.add(child);
			let out = '';
			child.stdout.on('data', (d) => (out += d));
			child.stderr.on('data', (d) => (out += d));
			const timer = setTimeout(() => child.kill('SIGKILL'), 6 * 60_000);
			child.on('close', (code) => {
				clearTimeout(timer);
				children.delete(child);
				if (!barrier.released) {
					// Died before the barrier opened, so it never got there: don't wait for it.
					diedBooting++;
					barrier.expected--;
					if (barrier.waiting.length >= barrier.expected) releaseBarrier();
				}
				wakeLauncher();
				n8nLog.write(`\n$ n8n execute --id=${wf.id} → ${code}\n${out.slice(-4000)}\n`);
				// (n8n prints "Execution was successful" at log level info only; the exit code is 1 on any error.)
				resolve({ code, ok: code === 0, out });
			});
		});
	};
	// SQLite takes only so many processes booting at once (SQLITE_BUSY otherwise): start a few at a
	// time; each waits at the barrier (an HTTP Request node) until all have booted, then the GHL nodes
	// of all of them run together on the expired token.
	const barrierTimer = setTimeout(releaseBarrier, 6 * 60_000);
	const runs = [];
	while (started < count && !barrier.released) {
		if (started - barrier.arrived - diedBooting >= BOOT_PARALLEL) {
			await new Promise((resolve) => (wakeLauncher = resolve));
			continue;
		}
		started++;
		runs.push(launch());
	}
	const done = await Promise.all(runs);
	clearTimeout(barrierTimer);
	// From the barrier opening (all processes booted) to the last one finishing.
	const wall = (performance.now() - (barrier.releasedAt ?? t0)) / 1000;
	const bootSeconds = ((barrier.releasedAt ?? performance.now()) - t0) / 1000;
	const bootFailures = done.filter((d) => /SQLITE_BUSY/.test(d.out) && !d.ok).length;
	const c = counts();
	const ok = done.filter((d) => d.ok).length;
	fake.clearRequests();
	const after = await request('POST', `${N8N}/webhook/${WF[`xafter${side}`].webhookPath}`, { body: {}, timeoutMs: 60_000 });
	const afterCounts = counts();
	const works = after.status === 200 && after.json?.id === probe.id;
	const firstError = done.find((d) => !d.ok)?.out.match(/(The credential "[^"]*" needs to be reconnected|SQLITE_BUSY[^\n]*|\w*Error: [^\n]{0,160})/)?.[0];
	const note = `${ok}/${count} processes ok (booted in ${bootSeconds.toFixed(0)} s, ${BOOT_PARALLEL} at a time)${bootFailures ? ` (${bootFailures} died on SQLITE_BUSY)` : ''}; /oauth/token ${c.tokenCalls}× (${c.tokenOk} ok); afterwards ${works ? `works (${afterCounts.tokenCalls} more refreshes)` : 'BROKEN'}${firstError ? `; first error: ${firstError.slice(0, 140)}` : ''}`;
	const row = { scenario: 'd2', node: side === 'Ours' ? 'ours' : 'built-in', n: count, wall, ...c, failed: count - ok, refreshes: c.tokenOk, worksAfter: works, note };
	record(row);
	return row;
}

/** (h) one execution upserting n contacts into each of five locations of one agency (Location per item). */
async function multiLocationRun(scenario, latency) {
	await settle();
	setFake({ latency });
	const n = SIZES.perLocation;
	const prefix = `${scenario}-${Date.now()}`.toLowerCase();
	const t0 = performance.now();
	const res = await request('POST', `${N8N}/webhook/${WF.multiOurs.webhookPath}`, { body: { n, prefix, locations: AGENCY_LOCATIONS } });
	const wall = (performance.now() - t0) / 1000;
	const c = counts();
	setFake();
	const exec = await lastExecution(WF.multiOurs);
	const written = contactsWithPrefix(prefix);
	const rows = res.status === 200 ? (res.json?.rows ?? []) : [];
	const byEmail = new Map(written.map((x) => [x.email.toLowerCase(), x]));
	let correct = 0;
	for (let i = 0; i < n * LOCATIONS; i++) {
		const contact = byEmail.get(`${prefix}-${i}@bench.test`);
		if (rows[i]?.[0] && contact?.id === rows[i][0] && contact.locationId === AGENCY_LOCATIONS[i % LOCATIONS]) correct++;
	}
	const perLocation = AGENCY_LOCATIONS.map((id) => written.filter((x) => x.locationId === id).length);
	const note = `${correct}/${n * LOCATIONS} outputs correct; per location ${perLocation.join('/')}; ${c.byRoute?.['POST /oauth/locationToken'] ?? fake.counts().byRoute['POST /oauth/locationToken'] ?? 0} location tokens minted${exec.error ? `; ${exec.error.slice(0, 120)}` : ''}`;
	const row = { scenario, node: 'ours', n: n * LOCATIONS, wall, ...c, failed: n * LOCATIONS - correct, duplicates: written.length - byEmail.size, floor: floorFor(n) + latency / 1000, note };
	record(row);
	return row;
}

/** (i) the same tag added to n existing contacts. */
async function tagRun(side) {
	await settle();
	setFake();
	const wf = WF[`tag${side}`];
	const tag = `bench-${side.toLowerCase()}-${Date.now()}`;
	const t0 = performance.now();
	const res = await request('POST', `${N8N}/webhook/${wf.webhookPath}`, { body: { ids: TAGGED, tag } });
	const wall = (performance.now() - t0) / 1000;
	const c = counts();
	const exec = await lastExecution(wf);
	const tagged = TAGGED.filter((id) => (fake.state.contacts.get(id)?.tags ?? []).includes(tag)).length;
	const note = `${tagged}/${TAGGED.length} contacts have the tag; ${res.json?.n ?? '?'} output items${exec.error ? `; ${exec.error.slice(0, 120)}` : ''}`;
	const row = { scenario: 'i', node: side === 'Ours' ? 'ours' : 'built-in', n: TAGGED.length, wall, ...c, failed: TAGGED.length - tagged, floor: floorFor(c.requests - c.r429), note };
	record(row);
	return row;
}

/** (j) signed GHL events through our trigger vs plain JSON through n8n's Webhook node, 10 in flight. */
async function hookRun(side) {
	await settle();
	setFake();
	const wf = side === 'Ours' ? WF.hookOurs : WF.hookPlain;
	const succeeded = async () => (await rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: wf.id, status: ['success'] }))}&limit=1`)).count ?? 0;
	const before = await succeeded();
	const bodies = Array.from({ length: SIZES.events }, (_, i) =>
		side === 'Ours'
			? ghlEvent(KEYS.privateKeyPem, { type: 'ContactCreate', locationId: locationA, id: `hook${i}`, email: `hook-${i}@bench.test` })
			: { body: JSON.stringify({ type: 'ContactCreate', locationId: locationA, id: `hook${i}` }), headers: {} },
	);
	let next = 0;
	let accepted = 0;
	const t0 = performance.now();
	await Promise.all(
		Array.from({ length: 10 }, async () => {
			while (next < bodies.length) {
				const { body, headers } = bodies[next++];
				const r = await new Promise((resolve) => {
					const req = http.request(`${N8N}/webhook/${wf.webhookPath}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } }, (res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode));
					});
					req.on('error', () => resolve(0));
					req.end(body);
				});
				if (r === 200) accepted++;
			}
		}),
	);
	const answered = (performance.now() - t0) / 1000;
	// Then until n8n has finished (and saved) every execution those events started.
	let finished = 0;
	for (let i = 0; i < 600 && finished < accepted; i++) {
		finished = (await succeeded()) - before;
		if (finished < accepted) await sleep(250);
	}
	const wall = (performance.now() - t0) / 1000;
	const note = `${accepted}/${SIZES.events} answered 200 in ${answered.toFixed(1)} s (${(accepted / answered).toFixed(0)} events/s); ${finished} executions done after ${wall.toFixed(1)} s (${(finished / wall).toFixed(0)}/s)`;
	const row = { scenario: 'j', node: side === 'Ours' ? 'ours (GHL Trigger, Ed25519)' : "n8n's Webhook node", n: SIZES.events, wall, requests: 0, r429: 0, failed: SIZES.events - finished, eventsPerSecond: finished / wall, note };
	record(row);
	return row;
}

/** (g) read from the queue-mode run bench/run.sh made before this process (test/queue/suites/pacing.test.ts). */
async function queueRun() {
	const file = process.env.GHL_BENCH_QUEUE_RESULTS;
	if (!file || !fs.existsSync(file)) {
		log('(g) no queue-mode results (bench/run.sh runs it when --only includes g)');
		return;
	}
	const q = JSON.parse(fs.readFileSync(file, 'utf8'));
	const note = `${q.runs} executions × ${q.items} on 2 workers (concurrency 10), Postgres + Redis, ${q.window} window: ${q.failed ?? 0} failed, every item once; ${q.rateLimitedByWindow} × 429 (${((100 * q.rateLimitedByWindow) / q.requests).toFixed(1)} %)`;
	record({ scenario: 'g', node: 'ours', n: q.runs * q.items, wall: q.wallSeconds, requests: q.requests, r429: q.rateLimited, failed: q.failed ?? 0, duplicates: q.duplicates ?? 0, floor: q.floorSeconds, note });
}

/** Physical floor for n requests at GHL's 100 / 10 s: the first window at once, then 100 every 10 s. */
const floorFor = (requests) => (Math.max(0, requests - 100) / 100) * 10;

// ---------------------------------------------------------------- scenarios
const SCENARIOS = {
	a: { title: `(a) ${SIZES.upsert}-item upsert at 100 req / 10 s`, run: async (side) => await upsertRun('a', side, SIZES.upsert) },
	b: { title: `(b) same, +${LATENCY_MS} ms latency per response`, run: async (side) => await upsertRun('b', side, SIZES.upsert, { latency: LATENCY_MS }) },
	c: { title: `(c) Get Many, Return All over ${SIZES.contacts.toLocaleString('en')} contacts`, run: listRun },
	d: { title: `(d) ${SIZES.concurrent} executions at once in one n8n, access token expired`, run: refreshRun },
	d2: { title: `(d2) ${SIZES.processes} × \`n8n execute\` processes at once, access token expired`, run: crossProcessRun },
	e: { title: `(e) ${SIZES.faults}-item upsert, fake answers 30 % 429 + 5 % 500`, run: async (side) => await upsertRun('e', side, SIZES.faults, { faults: { rate429: 0.3, rate500: 0.05, rate502: 0, rate503: 0, seed: 7 } }) },
	e2: {
		title: `(e2) same, the injected 429s say the window is full (X-RateLimit-Remaining: 0)`,
		run: async (side) => await upsertRun('e2', side, SIZES.faults, { faults: { rate429: 0.3, rate500: 0.05, rate502: 0, rate503: 0, seed: 7, full429: true } }),
	},
	f: { title: `(f) daily quota exhausted after ${SIZES.quota} requests (${SIZES.quotaItems} items)`, run: async (side) => await upsertRun('f', side, SIZES.quotaItems, { daily: SIZES.quota }) },
	g: { title: '(g) queue mode: 4 executions of upserts to one location started together, main + 2 workers + webhook process', run: queueRun, oursOnly: true },
	h: { title: `(h) one execution, ${SIZES.perLocation.toLocaleString('en')} upserts into each of ${LOCATIONS} locations (agency credential, Location per item)`, run: async () => await multiLocationRun('h', 0), oursOnly: true },
	h2: { title: `(h2) same, +${LATENCY_MS} ms latency per response`, run: async () => await multiLocationRun('h2', LATENCY_MS), oursOnly: true },
	i: { title: `(i) the same tag added to ${SIZES.tagged.toLocaleString('en')} contacts (built-in: a contact update per item)`, run: tagRun },
	j: { title: `(j) ${SIZES.events.toLocaleString('en')} webhook events through n8n, 10 in flight`, run: hookRun },
};

const started = Date.now();
try {
	for (const key of ALL) {
		if (!ONLY.has(key) && !(key === 'd2' && ONLY.has('d')) && !(key === 'h2' && ONLY.has('h'))) continue;
		log(SCENARIOS[key].title);
		await SCENARIOS[key].run('Ours');
		if (BUILTIN && !SCENARIOS[key].oursOnly) await SCENARIOS[key].run('Built');
	}
} finally {
	await cleanup();
}

// ---------------------------------------------------------------- table
const fmt = (x, d = 1) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(d));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const lines = [
	'| Scenario | Node | Wall s | Floor s | Requests | 429s | Failed | Dupes | Refreshes | ours ÷ built-in (time, requests) | Result |',
	'|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
];
// The physical floor: the least time GHL's 100 / 10 s allows for the requests the job needs.
const FLOORS = { a: () => floorFor(SIZES.upsert), b: () => floorFor(SIZES.upsert) + LATENCY_MS / 1000, e: () => floorFor(SIZES.faults / 0.65), e2: () => floorFor(SIZES.faults / 0.65) };
for (const key of ALL) {
	const rows = results.filter((r) => r.scenario === key);
	if (!rows.length) continue;
	const ours = rows.find((r) => r.node === 'ours');
	const built = rows.find((r) => r.node === 'built-in');
	for (const r of rows) {
		// A time ratio against a run that stopped early says nothing.
		let cmp = r === ours && built ? (built.failed ? 'n/a: built-in failed' : `${ratio(ours.wall, built.wall)}, ${ratio(ours.requests, built.requests)}`) : '';
		if (key === 'j' && r === ours && built) cmp = `${ratio(ours.eventsPerSecond, built.eventsPerSecond)} the events/s`;
		const floor = r.floor ?? FLOORS[key]?.();
		lines.push(
			`| ${r === rows[0] ? SCENARIOS[key].title : ''} | ${r.node} | ${fmt(r.wall)} | ${floor === undefined ? '—' : fmt(floor)} | ${r.requests} | ${r.r429} | ${r.failed} | ${r.duplicates ?? '—'} | ${r.refreshes ?? '—'} | ${cmp} | ${r.note.replace(/\|/g, '/')} |`,
		);
	}
}
const cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? os.cpus()[0]?.model ?? 'unknown';
const machine = `${os.cpus().length} cores (nproc ${execFileSync('nproc').toString().trim()}), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}; n8n ${process.env.GHL_N8N_VERSION}; ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${QUICK ? 'quick' : 'full'} run, ${((Date.now() - started) / 60_000).toFixed(1)} min`;
const table = `${lines.join('\n')}\n\n${machine}\n`;
console.log(`\n${table}`);
fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify({ machine, sizes: SIZES, results }, null, 2));
fs.writeFileSync(path.join(BENCH, 'results.md'), table);
log(`results in ${path.join(BENCH, 'results.md')} and results.json; n8n log ${path.join(BENCH, 'n8n.log')}`);

if (flag('write-readme')) {
	const readme = path.join(ROOT, 'README.md');
	const text = fs.readFileSync(readme, 'utf8');
	const start = text.indexOf('\n## Performance');
	if (start < 0) {
		log('README.md has no "## Performance" section; not written');
	} else {
		const next = text.indexOf('\n## ', start + 1);
		const section = text.slice(start, next < 0 ? undefined : next);
		const marker = '<!-- bench:table -->';
		const a = section.indexOf(marker);
		const b = section.indexOf(marker, a + 1);
		if (a < 0 || b < 0) log('README.md "## Performance" has no <!-- bench:table --> markers; not written');
		else {
			const updated = section.slice(0, a + marker.length) + `\n${table}` + section.slice(b);
			fs.writeFileSync(readme, text.slice(0, start) + updated + (next < 0 ? '' : text.slice(next)));
			log('README.md "## Performance" table updated');
		}
	}
}
process.exit(0);
