#!/usr/bin/env node
// fake-ghl as a separate process (benchmarks, manual runs). Needs Node >= 22.18
// (TypeScript type stripping on by default), e.g. the cached Node 24:
//
//   "$GHL_NODE24" test/fake-ghl/cli.mjs --port 0
//
// Prints the base URL as the first stdout line, then runs until SIGINT/SIGTERM
// (or until stdin closes, with --exit-on-stdin-close).
//
// Flags (all optional):
//   --port <n>                 0 (default) = ephemeral
//   --host <addr>              default 127.0.0.1
//   --seed default|none|<file.json>   initial state (default: default, see DEFAULT_IDS)
//   --config <json|file.json>  FakeGhlConfig patch, e.g. '{"rateLimit":{"max":50}}'
//   --rate-max <n>             burst limit per (client, location)     [100]
//   --rate-interval-ms <n>     burst window                          [10000]
//   --rate-daily <n>           daily quota                           [200000]
//   --no-rate-limit            never answer 429 for quota (headers still sent)
//   --latency-ms <min[-max]>   added latency per API response        [0]
//   --fault-429 <p> --fault-500 <p> --fault-502 <p> --fault-503 <p>  fault probabilities 0..1
//   --fault-seed <n>           reproducible fault sequence
//   --token-ttl <sec>          access-token lifetime                 [86399]
//   --log                      one line per API request on stdout (after the URL line)
//   --json                     print {"url":…,"ids":DEFAULT_IDS} instead of the bare URL
//   --exit-on-stdin-close      stop when the parent closes our stdin
import { readFileSync } from 'node:fs';

if (!process.features?.typescript) {
	console.error(
		`fake-ghl needs a Node.js that runs .ts files (>= 22.18 / 24); this is ${process.version}. ` +
			'Use the cached runtime: source scripts/ensure-runtime.sh && "$GHL_NODE24" test/fake-ghl/cli.mjs',
	);
	process.exit(2);
}

const { createFakeGhl, DEFAULT_IDS } = await import('./server.ts');

const args = process.argv.slice(2);
const opts = {};
for (let i = 0; i < args.length; i++) {
	const a = args[i];
	if (!a.startsWith('--')) {
		console.error(`unexpected argument ${a}`);
		process.exit(2);
	}
	const [k, inline] = a.slice(2).split('=', 2);
	const boolean = ['no-rate-limit', 'log', 'json', 'exit-on-stdin-close', 'help'].includes(k);
	opts[k] = boolean ? true : (inline ?? args[++i]);
}
if (opts.help) {
	console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n'));
	process.exit(0);
}

const num = (v, name) => {
	const n = Number(v);
	if (!Number.isFinite(n)) {
		console.error(`--${name} expects a number, got ${v}`);
		process.exit(2);
	}
	return n;
};
const jsonArg = (v) => (v.trim().startsWith('{') ? JSON.parse(v) : JSON.parse(readFileSync(v, 'utf8')));

const config = opts.config ? jsonArg(opts.config) : {};
const patch = (path, value) => {
	let o = config;
	for (const p of path.slice(0, -1)) o = o[p] ??= {};
	o[path.at(-1)] = value;
};
if (opts['rate-max'] !== undefined) patch(['rateLimit', 'max'], num(opts['rate-max'], 'rate-max'));
if (opts['rate-interval-ms'] !== undefined) patch(['rateLimit', 'intervalMs'], num(opts['rate-interval-ms'], 'rate-interval-ms'));
if (opts['rate-daily'] !== undefined) patch(['rateLimit', 'daily'], num(opts['rate-daily'], 'rate-daily'));
if (opts['no-rate-limit']) patch(['rateLimit', 'enabled'], false);
if (opts['latency-ms'] !== undefined) {
	const [min, max] = String(opts['latency-ms']).split('-').map((x) => num(x, 'latency-ms'));
	patch(['latency'], { minMs: min, maxMs: max ?? min });
}
for (const s of ['429', '500', '502', '503']) {
	if (opts[`fault-${s}`] !== undefined) patch(['faults', `rate${s}`], num(opts[`fault-${s}`], `fault-${s}`));
}
if (opts['fault-seed'] !== undefined) patch(['faults', 'seed'], num(opts['fault-seed'], 'fault-seed'));
if (opts['token-ttl'] !== undefined) patch(['accessTokenTtlSec'], num(opts['token-ttl'], 'token-ttl'));
if (opts.log) patch(['logToStdout'], true);

const seedArg = opts.seed ?? 'default';
const seed = seedArg === 'none' ? undefined : seedArg === 'default' ? 'default' : jsonArg(seedArg);

const fake = await createFakeGhl({
	port: opts.port !== undefined ? num(opts.port, 'port') : 0,
	host: opts.host,
	seed,
	config,
});
console.log(opts.json ? JSON.stringify({ url: fake.url, ids: DEFAULT_IDS }) : fake.url);

let closing = false;
const stop = async () => {
	if (closing) return;
	closing = true;
	await fake.close();
	process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (opts['exit-on-stdin-close']) {
	process.stdin.resume();
	process.stdin.on('end', stop);
	process.stdin.on('close', stop);
}
