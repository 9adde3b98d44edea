import type { IExecuteFunctions } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

type Read = (name: string, itemIndex: number, fallback?: unknown, options?: object) => unknown;

type Evaluated = { value: unknown } | { error: unknown };

/**
 * The execute context with each item's parameters evaluated once per run. The input check, the
 * grouping by location, the lock keys and the operation all read an item's parameters, and n8n
 * evaluates every expression anew on each read (the dearest part of a bulk run). Objects are handed
 * out as copies: an operation that edits what it read cannot change what the next reader gets.
 */
export function withParametersEvaluatedOnce(ctx: IExecuteFunctions): IExecuteFunctions {
	const read = ctx.getNodeParameter.bind(ctx) as Read;
	const evaluated = new Map<string, Evaluated>();
	const getNodeParameter: Read = (name, itemIndex, fallback, options) => {
		const key = `${itemIndex}\u0000${name}\u0000${fallback === undefined ? '' : JSON.stringify(fallback)}\u0000${options ? JSON.stringify(options) : ''}`;
		let entry = evaluated.get(key);
		if (!entry) {
			try {
				entry = { value: read(name, itemIndex, fallback, options) };
			} catch (error) {
				// The same input fails the same way every time.
				entry = { error };
			}
			evaluated.set(key, entry);
		}
		if ('error' in entry) throw entry.error;
		return entry.value !== null && typeof entry.value === 'object' ? deepCopy(entry.value) : entry.value;
	};
	return new Proxy(ctx, {
		get(target, property) {
			if (property === 'getNodeParameter') return getNodeParameter;
			const value: unknown = Reflect.get(target, property, target);
			// n8n's context methods expect their own `this`.
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
}
