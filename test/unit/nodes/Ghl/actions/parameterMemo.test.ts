import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { withParametersEvaluatedOnce } from '../../../../../nodes/Ghl/actions/parameterMemo';
import { Ghl } from '../../../../../nodes/Ghl/Ghl.node';
import { createContext, LOCATION_ID, locator } from '../../../../helpers/context';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';

useGhlTestEnvironment();

/** Counts how often n8n is asked to evaluate each parameter of each item. */
function countingContext(parameters: (itemIndex: number) => Record<string, unknown>, count: number) {
	const context = createContext({ items: Array.from({ length: count }, () => ({ json: {} })), parameters });
	const evaluations = new Map<string, number>();
	const read = context.getNodeParameter.bind(context) as (...args: unknown[]) => unknown;
	(context as unknown as { getNodeParameter: unknown }).getNodeParameter = (name: string, itemIndex: number, ...rest: unknown[]) => {
		evaluations.set(`${name}@${itemIndex}`, (evaluations.get(`${name}@${itemIndex}`) ?? 0) + 1);
		return read(name, itemIndex, ...rest);
	};
	return { context, evaluations };
}

describe('each item parameter is evaluated once per run', () => {
	it('3 upserts (input check, location grouping, lock key, operation): every parameter of every item read from n8n once', async () => {
		for (let i = 0; i < 3; i++) ghl().post('/contacts/upsert', { email: `a${i}@example.com`, locationId: LOCATION_ID }).reply(200, { contact: { id: `c${i}` }, new: true });
		const { context, evaluations } = countingContext(
			(i) => ({ resource: 'contact', operation: 'upsert', location: locator('list', ''), email: `a${i}@example.com`, phone: '', additionalFields: {}, options: {} }),
			3,
		);
		const output = await new Ghl().execute.call(context);
		expect(output[0].map((item) => item.json.id)).toEqual(['c0', 'c1', 'c2']);
		// Without the memo the email of each item is read 4 times and the location 5 times.
		expect([...evaluations.entries()].filter(([, times]) => times > 1)).toEqual([]);
		expect(evaluations.get('email@2')).toBe(1);
		expect(evaluations.get('location@1')).toBe(1);
	});

	it('hands out copies: editing an object it returned does not change the next read', () => {
		const { context } = countingContext(() => ({ additionalFields: { firstName: 'Ada' } }), 1);
		const memo = withParametersEvaluatedOnce(context as IExecuteFunctions);
		const first = memo.getNodeParameter('additionalFields', 0) as IDataObject;
		delete first.firstName;
		expect(memo.getNodeParameter('additionalFields', 0)).toEqual({ firstName: 'Ada' });
	});

	it('a parameter that fails to evaluate fails the same way on every read, and other calls reach the real context', () => {
		const { context, evaluations } = countingContext(() => ({}), 1);
		const memo = withParametersEvaluatedOnce(context as IExecuteFunctions);
		expect(() => memo.getNodeParameter('missing', 0)).toThrow('Could not get parameter "missing"');
		expect(() => memo.getNodeParameter('missing', 0)).toThrow('Could not get parameter "missing"');
		expect(evaluations.get('missing@0')).toBe(1);
		// A fallback is part of what was asked: a read with one is its own evaluation.
		expect(memo.getNodeParameter('missing', 0, 'x')).toBe('x');
		expect(memo.continueOnFail()).toBe(false);
		expect(memo.getNode().name).toBe('HighLevel');
	});
});
