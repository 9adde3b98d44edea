/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, not shipped */
import { runGroupedPool, runPool } from '../../../../../nodes/Ghl/helpers/pool';

/** A worker whose items finish when the test says so, recording what is in flight. */
function controlled() {
	const release = new Map<number, (value: string) => void>();
	const fail = new Map<number, (error: Error) => void>();
	const inFlight = new Set<number>();
	const started: number[] = [];
	let most = 0;
	const worker = async (index: number) =>
		await new Promise<string>((resolve, reject) => {
			started.push(index);
			inFlight.add(index);
			most = Math.max(most, inFlight.size);
			const done = () => inFlight.delete(index);
			release.set(index, (value) => (done(), resolve(value)));
			fail.set(index, (error) => (done(), reject(error)));
		});
	return { worker, release, fail, inFlight, started, most: () => most };
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('runPool', () => {
	it('returns results in index order whatever order the items finish in', async () => {
		const run = controlled();
		const pool = runPool(3, 3, () => undefined, run.worker);
		await tick();
		for (const index of [2, 0, 1]) run.release.get(index)!(`r${index}`);
		await expect(pool).resolves.toEqual(['r0', 'r1', 'r2']);
	});

	it('keeps at most `concurrency` in flight', async () => {
		const run = controlled();
		const pool = runPool(6, 2, () => undefined, run.worker);
		for (let round = 0; round < 6; round++) {
			await tick();
			expect(run.inFlight.size).toBeLessThanOrEqual(2);
			run.release.get(Math.min(...run.inFlight))!('ok');
		}
		await pool;
		expect(run.most()).toBe(2);
		expect(run.started).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('never runs two items with one key at once; other keys and unkeyed items go ahead', async () => {
		const run = controlled();
		const keys = ['a', 'a', 'b', undefined, 'a'];
		const pool = runPool(keys.length, 5, (index) => keys[index], run.worker);
		await tick();
		expect([...run.inFlight].sort()).toEqual([0, 2, 3]);
		run.release.get(0)!('0');
		await tick();
		expect(run.inFlight.has(1)).toBe(true);
		expect(run.inFlight.has(4)).toBe(false);
		run.release.get(1)!('1');
		await tick();
		expect(run.inFlight.has(4)).toBe(true);
		for (const index of [2, 3, 4]) run.release.get(index)!(String(index));
		await expect(pool).resolves.toEqual(['0', '1', '2', '3', '4']);
	});

	it('the first failure stops new work, lets work in flight finish, and is what it throws', async () => {
		const run = controlled();
		const pool = runPool(5, 2, () => undefined, run.worker);
		pool.catch(() => undefined);
		await tick();
		run.fail.get(0)!(new Error('first'));
		await tick();
		expect(run.started).toEqual([0, 1]);
		run.fail.get(1)!(new Error('second'));
		await expect(pool).rejects.toThrow('first');
		expect(run.started).toEqual([0, 1]);
	});

	it('an item already waiting behind a failed one with its key still runs, then the failure is thrown', async () => {
		// Both lanes take an item at once; the second waits on the key's queue, which swallows the failure.
		const order: string[] = [];
		const result = runPool(2, 2, () => 'same', async (index) => {
			order.push(`start ${index}`);
			if (index === 0) throw new Error('boom');
			return index;
		});
		await expect(result).rejects.toThrow('boom');
		expect(order).toEqual(['start 0', 'start 1']);
	});

	it('no items, no work; a concurrency below 1 still runs one at a time', async () => {
		await expect(runPool(0, 4, () => undefined, async () => 1)).resolves.toEqual([]);
		const run = controlled();
		const pool = runPool(2, 0, () => undefined, run.worker);
		await tick();
		expect([...run.inFlight]).toEqual([0]);
		run.release.get(0)!('a');
		await tick();
		run.release.get(1)!('b');
		await expect(pool).resolves.toEqual(['a', 'b']);
	});
});

describe('runGroupedPool (one group per location)', () => {
	it('runs the groups side by side, each up to its own limit, read again as items finish', async () => {
		const run = controlled();
		// location A: items 0–3 (limit 1, then 3), location B: items 4–5 (limit 2)
		let limitA = 1;
		const pool = runGroupedPool([[0, 1, 2, 3], [4, 5]], 6, (group) => (group === 0 ? limitA : 2), () => undefined, run.worker);
		await tick();
		// A full ahead of B in item order does not keep B waiting
		expect([...run.inFlight].sort()).toEqual([0, 4, 5]);
		limitA = 3;
		run.release.get(0)!('a0');
		await tick();
		expect([...run.inFlight].sort()).toEqual([1, 2, 3, 4, 5]);
		for (const index of [1, 2, 3, 4, 5]) run.release.get(index)!(`r${index}`);
		await expect(pool).resolves.toEqual(['a0', 'r1', 'r2', 'r3', 'r4', 'r5']);
	});

	it('a failure in one group stops new work in every group', async () => {
		const run = controlled();
		const pool = runGroupedPool([[0, 1], [2, 3]], 4, () => 1, () => undefined, run.worker);
		await tick();
		run.fail.get(0)!(new Error('boom'));
		await tick();
		run.release.get(2)!('r2');
		await expect(pool).rejects.toThrow('boom');
		expect(run.started.sort()).toEqual([0, 2]);
	});
});
