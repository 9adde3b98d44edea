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
	const all = Array.from({ length: count }, (_, index) => index);
	return await runGroupedPool([all], count, () => concurrency, keyOf, worker);
}

/**
 * `runPool` per group (an agency run's locations): the groups run side by side, each with its own
 * in-flight limit, read again whenever one of its items finishes (so it can follow latency). The
 * same-key rule holds across groups; the first failure stops new work in every group, and requests
 * already in flight finish before it is thrown.
 */
export async function runGroupedPool<T>(
	groups: number[][],
	count: number,
	limitOf: (group: number) => number,
	keyOf: (index: number) => string | undefined,
	worker: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const tails = new Map<string, Promise<unknown>>();
	let failed = false;
	let failure: unknown;

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

	const runGroup = async (indexes: number[], group: number) =>
		await new Promise<void>((resolve) => {
			let next = 0;
			let active = 0;
			const pump = () => {
				while (!failed && next < indexes.length && active < Math.max(1, limitOf(group))) {
					active++;
					runOne(indexes[next++])
						.catch((error: unknown) => {
							if (!failed) failure = error;
							failed = true;
						})
						.finally(() => {
							active--;
							pump();
						});
				}
				if (active === 0 && (failed || next >= indexes.length)) resolve();
			};
			pump();
		});

	await Promise.all(groups.map(runGroup));
	if (failed) throw failure;
	return results;
}
