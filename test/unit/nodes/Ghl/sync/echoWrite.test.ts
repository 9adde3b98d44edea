import type { IDataObject } from 'n8n-workflow';

import { createMarker, parseMarker } from '../../../../../nodes/Ghl/sync/echoMarker';
import { mergeTags } from '../../../../../nodes/Ghl/sync/echoWrite';
import { locator, LOCATION_ID } from '../../../../helpers/context';
import { pipelinesOnce } from '../../../../helpers/opportunities';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../helpers/setup';
import { specProblems } from '../../../../helpers/spec';

useGhlTestEnvironment();

// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
const MARKER_FIELD = { id: 'cfMarker', name: 'n8n sync marker', fieldKey: 'contact.n8n_sync_marker', dataType: 'TEXT' };
const guardOn = { markEcho: true, echoMarkerField: 'n8n_sync_marker' };
const contactBase = { resource: 'contact', location: locator('list', '') };

function contactFieldsOnce(fields: IDataObject[] = [MARKER_FIELD]) {
	ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'contact' }).once().reply(200, { customFields: fields });
}

/** Records the body nock saw, for exact assertions on everything but the random nonce. */
function capture(): { body?: IDataObject; match: (body: IDataObject) => boolean } {
	const seen: { body?: IDataObject; match: (body: IDataObject) => boolean } = {
		match: (body) => {
			seen.body = body;
			return true;
		},
	};
	return seen;
}

/** The body sent is `expected` plus exactly one marker entry over `values`. */
function expectMarked(sent: IDataObject | undefined, expected: IDataObject, values: IDataObject, fieldId = 'cfMarker') {
	const entries = (sent?.customFields ?? []) as IDataObject[];
	const markerEntry = entries.find((entry) => entry.id === fieldId);
	const marker = parseMarker(markerEntry?.field_value);
	expect(marker).toBeDefined();
	const others = entries.filter((entry) => entry !== markerEntry);
	expect({ ...sent, customFields: others }).toEqual({ ...expected, customFields: (expected.customFields as IDataObject[] | undefined) ?? [] });
	expect(markerEntry?.field_value).toBe(createMarker(values, marker!.epochSeconds * 1000, marker!.nonce));
	expect(Math.abs(marker!.epochSeconds * 1000 - Date.now())).toBeLessThan(5_000);
}

describe('echo guard on contact writes', () => {
	it('Create or Update: the marker goes in the same POST /contacts/upsert, over exactly what it writes', async () => {
		contactFieldsOnce();
		const seen = capture();
		ghl().post('/contacts/upsert', seen.match).reply(200, { new: false, contact: { id: 'c1' } });
		const { output, context } = await runNode({
			parameters: {
				...contactBase,
				operation: 'upsert',
				email: 'Jane@Example.com',
				phone: '+14155550123',
				additionalFields: { firstName: 'Jane', tags: 'Hot, scoreapp' },
				options: guardOn,
			},
		});
		expect(output[0].json).toEqual({ id: 'c1', isNew: false });
		expectMarked(
			seen.body,
			{ email: 'Jane@Example.com', phone: '+14155550123', firstName: 'Jane', tags: ['Hot', 'scoreapp'], locationId: LOCATION_ID },
			{ email: 'Jane@Example.com', phone: '+14155550123', firstName: 'Jane', tags: ['Hot', 'scoreapp'] },
		);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('Create: the marker covers the custom fields written too, and only one entry for the marker field', async () => {
		contactFieldsOnce([MARKER_FIELD, { id: 'cfScore', fieldKey: 'contact.lead_score', dataType: 'NUMERICAL' }]);
		const seen = capture();
		ghl().post('/contacts/', seen.match).reply(201, { contact: { id: 'c1' } });
		await runNode({
			parameters: {
				...contactBase,
				operation: 'create',
				email: 'jane@example.com',
				phone: '',
				additionalFields: { customFields: { field: [{ field: 'lead_score', value: '87' }, { field: 'n8n_sync_marker', value: 'hand-written' }] } },
				options: guardOn,
			},
		});
		expectMarked(
			seen.body,
			{ email: 'jane@example.com', locationId: LOCATION_ID, customFields: [{ id: 'cfScore', field_value: 87 }] },
			{ email: 'jane@example.com', 'cf.cfScore': 87 },
		);
	});

	it('off by default: no marker and no custom field read', async () => {
		ghl().post('/contacts/upsert', { email: 'jane@example.com', locationId: LOCATION_ID }).reply(200, { new: true, contact: { id: 'c1' } });
		await runNode({ parameters: { ...contactBase, operation: 'upsert', email: 'jane@example.com', phone: '', additionalFields: {}, options: {} } });
	});

	it('a missing marker field stops the item before any write, saying how to create it', async () => {
		contactFieldsOnce([{ id: 'cfOther', fieldKey: 'contact.other', dataType: 'TEXT' }]);
		await expect(
			runNode({ parameters: { ...contactBase, operation: 'upsert', email: 'jane@example.com', phone: '', additionalFields: {}, options: guardOn } }),
		).rejects.toMatchObject({
			message: `Echo Marker Field: no contact custom field "n8n_sync_marker" in location ${LOCATION_ID} (item 0)`,
			description: expect.stringContaining('Settings → Custom Fields → Add Field → Single Line, named "n8n sync marker"'),
		});
	});

	it('a marker field that is not text is refused before any write', async () => {
		contactFieldsOnce([{ ...MARKER_FIELD, dataType: 'NUMERICAL' }]);
		await expect(
			runNode({ parameters: { ...contactBase, operation: 'addTags', contactId: locator('id', 'c1'), tags: ['vip'], options: guardOn } }),
		).rejects.toMatchObject({ message: expect.stringContaining('"n8n_sync_marker" is a NUMERICAL field') });
	});

	it.each([
		['addTags', ['vip', 'HOT'], ['hot', 'lead', 'vip']],
		['removeTags', ['HOT'], ['lead']],
	])('%s: reads the contact, then one PUT with the changed tag list and the marker', async (operation, tags, expected) => {
		contactFieldsOnce();
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', tags: ['hot', 'lead'] } });
		const seen = capture();
		ghl().put('/contacts/c1', seen.match).reply(200, { contact: { id: 'c1', tags: expected } });
		const { output, context } = await runNode({ parameters: { ...contactBase, operation, contactId: locator('id', 'c1'), tags, options: guardOn } });
		expect(output[0].json).toEqual({ id: 'c1', tags: expected });
		expectMarked(seen.body, { tags: expected }, { tags: expected });
		expect(context.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`)).toEqual([
			`GET /locations/${LOCATION_ID}/customFields`,
			'GET /contacts/c1',
			'PUT /contacts/c1',
		]);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('Update with Tags: Add to Existing sends the added tags in the marked PUT instead of POST /tags', async () => {
		contactFieldsOnce();
		ghl().get('/contacts/c1').reply(200, { contact: { id: 'c1', tags: ['lead'] } });
		const seen = capture();
		ghl().put('/contacts/c1', seen.match).reply(200, { contact: { id: 'c1', city: 'Paris', tags: ['lead', 'vip'] } });
		await runNode({
			parameters: { ...contactBase, operation: 'update', contactId: locator('id', 'c1'), updateFields: { city: 'Paris', tags: ['vip'] }, options: guardOn },
		});
		expectMarked(seen.body, { city: 'Paris', tags: ['lead', 'vip'] }, { city: 'Paris', tags: ['lead', 'vip'] });
	});

	it('mergeTags compares case-insensitively and keeps the existing spelling', () => {
		expect(mergeTags(['Hot', 'lead'], ['hot', 'vip', 'VIP'], 'add')).toEqual(['Hot', 'lead', 'vip']);
		expect(mergeTags(['Hot', 'lead'], ['HOT'], 'remove')).toEqual(['lead']);
		expect(mergeTags(undefined, ['a'], 'add')).toEqual(['a']);
	});
});

describe('echo guard on opportunity writes', () => {
	// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a test value, not a secret
	const opportunityField = { id: 'ocMarker', fieldKey: 'opportunity.n8n_sync_marker', dataType: 'TEXT' };
	const opportunityFieldsOnce = () =>
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'opportunity' }).once().reply(200, { customFields: [opportunityField] });

	it('Create: the marker covers name, status, pipeline, stage, value and owner written', async () => {
		pipelinesOnce();
		opportunityFieldsOnce();
		const seen = capture();
		ghl().post('/opportunities/', seen.match).reply(201, { opportunity: { id: 'o1' } });
		const { context } = await runNode({
			parameters: {
				resource: 'opportunity',
				operation: 'create',
				location: locator('list', ''),
				pipelineId: 'p1',
				pipelineStageId: 's2',
				name: 'Jane — Scorecard',
				contactId: locator('id', 'c1'),
				additionalFields: { monetaryValue: 1500 },
				options: guardOn,
			},
		});
		const written = { pipelineId: 'p1', pipelineStageId: 's2', name: 'Jane — Scorecard', status: 'open', monetaryValue: 1500 };
		expectMarked(seen.body, { ...written, contactId: 'c1', locationId: LOCATION_ID }, written, 'ocMarker');
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it.each([
		['the existing deal: PUT', [{ id: 'o9', contactId: 'c1' }], 'put', '/opportunities/o9', {}],
		['no deal yet: POST with status open', [], 'post', '/opportunities/', { status: 'open', contactId: 'c1', locationId: LOCATION_ID }],
	])('Create or Update, %s, carries the marker', async (_label, found, method, path, extra) => {
		pipelinesOnce();
		opportunityFieldsOnce();
		ghl().get('/opportunities/search').query({ location_id: LOCATION_ID, pipeline_id: 'p1', contact_id: 'c1', limit: 1 }).reply(200, { opportunities: found });
		const seen = capture();
		ghl()[method as 'put' | 'post'](path, seen.match).reply(200, { opportunity: { id: 'o9' } });
		await runNode({
			parameters: {
				resource: 'opportunity',
				operation: 'upsert',
				location: locator('list', ''),
				pipelineId: 'p1',
				pipelineStageId: 's1',
				name: 'Deal',
				contactId: locator('id', 'c1'),
				additionalFields: {},
				options: guardOn,
			},
		});
		const written = { pipelineId: 'p1', pipelineStageId: 's1', name: 'Deal', ...('status' in extra ? { status: 'open' } : {}) };
		expectMarked(seen.body, { ...written, ...extra }, written, 'ocMarker');
	});

	it('Update: a missing opportunity marker field stops before the PUT', async () => {
		ghl().get(`/locations/${LOCATION_ID}/customFields`).query({ model: 'opportunity' }).reply(200, { customFields: [] });
		await expect(
			runNode({
				parameters: { resource: 'opportunity', operation: 'update', location: locator('list', ''), opportunityId: 'o1', pipelineId: '', pipelineStageId: '', updateFields: { name: 'New' }, options: guardOn },
			}),
		).rejects.toMatchObject({ message: expect.stringContaining('no opportunity custom field "n8n_sync_marker"') });
	});
});
