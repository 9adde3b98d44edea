/**
 * Runs `worker` for indexes 0..count-1 with at most `concurrency` in flight, never two with the
 * same key at once (items that target one contact stay sequential, so concurrency can't create
 * duplicates). Results come back in index order.
 */
export async function runPool<T>(
	count: number,
	concurrency: number,
	keyOf: (index: number) => string | undefined,
	worker: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const tails = new Map<string, Promise<unknown>>();
	let next = 0;

	const runOne = async (index: number) => {
		const key = keyOf(index);
		if (key === undefined) {
			results[index] = await worker(index);
			return;
		}
		const previous = tails.get(key) ?? Promise.resolve();
		const current = previous.then(async () => {
			results[index] = await worker(index);
		});
		const settled = current.catch(() => undefined);
		tails.set(key, settled);
		try {
			await current;
		} finally {
			if (tails.get(key) === settled) tails.delete(key);
		}
	};

	// The first failure stops new work; requests already in flight finish before it is thrown.
	let failed = false;
	let failure: unknown;
	const lanes = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, async () => {
		while (next < count && !failed) {
			try {
				await runOne(next++);
			} catch (error) {
				if (!failed) failure = error;
				failed = true;
			}
		}
	});
	await Promise.all(lanes);
	if (failed) throw failure;
	return results;
}
