/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
/**
 * Two n8n processes on one GHL window, simulated: two separate copies of the rate limiter (as two
 * workers have), each running two executions, against a sliding window that counts arrivals
 * (refused ones too) and answers with X-RateLimit-Remaining after a random latency. Neither copy
 * knows the other except through those answers.
 */
type Limiter = typeof import('../../../../../nodes/Ghl/transport/rateLimiter');

const MAX = 100;
const INTERVAL = 1_000;

function loadLimiter(): Limiter {
	let limiter: Limiter | undefined;
	jest.isolateModules(() => {
		limiter = jest.requireActual<Limiter>('../../../../../nodes/Ghl/transport/rateLimiter');
	});
	return limiter!;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function slidingWindow() {
	const arrivals: number[] = [];
	let refused = 0;
	let total = 0;
	return {
		stats: () => ({ refused, total }),
		arrive(): { ok: boolean; remaining: number } {
			const t = Date.now();
			while (arrivals.length && arrivals[0] <= t - INTERVAL) arrivals.shift();
			arrivals.push(t);
			total++;
			const ok = arrivals.length <= MAX;
			if (!ok) refused++;
			return { ok, remaining: Math.max(0, MAX - arrivals.length) };
		},
	};
}

async function execution(limiter: Limiter, server: ReturnType<typeof slidingWindow>, requests: number, lanes: number) {
	let next = 0;
	const lane = async () => {
		while (next < requests) {
			next++;
			for (;;) {
				const release = await limiter.acquireSlot('location');
				await sleep(Math.random() * 8); // on the way
				const answer = server.arrive();
				await sleep(5 + Math.random() * 20); // GHL and the way back
				release({ limits: { max: MAX, intervalMs: INTERVAL, remaining: answer.remaining }, rateLimited: !answer.ok });
				if (answer.ok) break;
			}
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));
}

it('two processes × two executions share the window: under 2 % refused, close to the floor', async () => {
	const server = slidingWindow();
	const [a, b] = [loadLimiter(), loadLimiter()];
	const perExecution = 250;
	const t0 = Date.now();
	await Promise.all([a, a, b, b].map(async (limiter) => await execution(limiter, server, perExecution, 8)));
	const wall = Date.now() - t0;
	const { refused, total } = server.stats();
	const floor = ((4 * perExecution - MAX) / MAX) * INTERVAL;
	process.stderr.write(`shared window: ${total} requests, ${refused} refused, ${wall} ms (floor ${floor} ms)\n`);
	expect(refused / total).toBeLessThan(0.02);
	expect(wall).toBeLessThan(floor * 1.6);
}, 30_000);
