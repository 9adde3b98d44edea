// Preloaded into the benchmark's n8n processes only (NODE_OPTIONS=--require …):
// TLS connections to services.leadconnectorhq.com go to the local fake's TLS front
// on 127.0.0.1:$GHL_BENCH_TLS_PORT instead. The certificate is still checked against the
// real host name (servername) and trusted through NODE_EXTRA_CA_CERTS, so n8n's
// built-in HighLevel node, whose host is hard-coded, runs unchanged. Nothing else is touched.
'use strict';
const dns = require('node:dns');
const tls = require('node:tls');

const HOST = 'services.leadconnectorhq.com';
const port = Number(process.env.GHL_BENCH_TLS_PORT);
if (!Number.isInteger(port) || port <= 0) throw new Error('redirect.cjs: GHL_BENCH_TLS_PORT is not set');

const originalConnect = tls.connect;
tls.connect = function connect(...args) {
	// tls.connect(options[, cb]) or tls.connect(port[, host][, options][, cb])
	const options = args.find((a) => a && typeof a === 'object');
	if (options && (options.host === HOST || options.servername === HOST) && (options.port === undefined || Number(options.port) === 443)) {
		const patched = { ...options, host: '127.0.0.1', port, servername: HOST };
		return originalConnect.call(this, patched, ...args.filter((a) => typeof a === 'function'));
	}
	return originalConnect.apply(this, args);
};

// Anything that resolves the name itself (rather than connecting through tls) gets loopback too.
const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
	if (hostname === HOST) {
		const cb = typeof options === 'function' ? options : callback;
		const all = options && typeof options === 'object' && options.all;
		return process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
	}
	return originalLookup.call(this, hostname, options, callback);
};
