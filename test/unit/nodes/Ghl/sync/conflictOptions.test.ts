import type { INodePropertyOptions } from 'n8n-workflow';

import { locator } from '../../../../helpers/context';
import { pipelinesOnce } from '../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';
import { conflictProperties } from '../../../../../nodes/Ghl/sync/conflictOptions';

useGhlTestEnvironment();

const location = locator('list', '');
// Each operation with On Conflict; the only read before its writes is a definition read (pipelines).
const operations: Array<[string, Record<string, unknown>, (() => unknown) | undefined]> = [
	['contact → update', { resource: 'contact', operation: 'update', location, contactId: locator('id', 'c1'), updateFields: { firstName: 'A' }, options: {} }, undefined],
	['contact → create', { resource: 'contact', operation: 'create', location, email: 'a@x.io', phone: '', additionalFields: {}, options: {} }, undefined],
	['contact → upsert', { resource: 'contact', operation: 'upsert', location, email: 'a@x.io', phone: '', additionalFields: {}, options: {} }, undefined],
	['opportunity → update', { resource: 'opportunity', operation: 'update', location, opportunityId: 'o1', pipelineId: '', pipelineStageId: '', updateFields: { name: 'X' } }, undefined],
	[
		'opportunity → upsert',
		{ resource: 'opportunity', operation: 'upsert', location, pipelineId: 'p1', pipelineStageId: '', name: 'X', contactId: locator('id', 'c1'), additionalFields: {} },
		pipelinesOnce,
	],
];

describe('Source Updated At', () => {
	it.each(operations)('%s: a bad date in item 1 stops the run before any request', async (_, parameters, definitions) => {
		// No write or read is mocked: one sent for item 0 would fail with another error.
		definitions?.();
		await expect(
			runNode({
				items: [{ json: {} }, { json: {} }],
				parameters: (i) => ({ ...parameters, onConflict: 'skipIfChanged', sourceUpdatedAt: i === 0 ? '2026-01-01T00:00:00Z' : 'last tuesday' }),
			}),
		).rejects.toMatchObject({ message: 'Source Updated At: "last tuesday" is not a date (item 1)' });
	});

	it('is required: empty is not a date', async () => {
		await expect(runNode({ parameters: { ...operations[0][1], onConflict: 'skipIfChanged', sourceUpdatedAt: '' } })).rejects.toMatchObject({
			message: 'Source Updated At: "" is not a date (item 0)',
		});
	});

	it('a date without an offset is read in the workflow\'s timezone', async () => {
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', dateUpdated: '2026-03-01T16:00:00.000Z' } });
		const { output } = await runNode({
			timezone: 'America/New_York',
			parameters: { ...operations[0][1], onConflict: 'skipIfChanged', sourceUpdatedAt: '2026-03-01 10:00' },
		});
		expect(output[0].json).toMatchObject({ skipped: true, sourceUpdatedAt: '2026-03-01T15:00:00.000Z' });
	});
});

describe('On Conflict', () => {
	it('an unknown policy (from an expression) is refused before any request', async () => {
		await expect(runNode({ parameters: { ...operations[0][1], onConflict: 'merge' } })).rejects.toMatchObject({
			message: 'On Conflict: "merge" is not a policy (item 0)',
		});
	});

	it('defaults to Overwrite; Source Updated At shows only for Skip; each policy with a read says what it costs', () => {
		const [onConflict, since] = conflictProperties('one GET /contacts/{ID} before the write');
		expect(onConflict.default).toBe('overwrite');
		expect(since).toMatchObject({ required: true, displayOptions: { show: { onConflict: ['skipIfChanged'] } } });
		expect(onConflict.options?.map((option) => [option.name, 'value' in option ? option.value : undefined])).toEqual([
			['Overwrite', 'overwrite'],
			['Fill Empty Fields Only', 'fillEmpty'],
			['Skip If Changed in GHL Since', 'skipIfChanged'],
		]);
		for (const option of (onConflict.options as INodePropertyOptions[]).slice(1)) expect(option.description).toContain('Costs one GET /contacts/{ID} before the write.');
	});
});
