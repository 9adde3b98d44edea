import { randomUUID } from 'node:crypto';

import { GhlTrigger } from '../../../../../nodes/Ghl/GhlTrigger.node';
import { createMarker } from '../../../../../nodes/Ghl/sync/echoMarker';
import { forgetSeenIds } from '../../../../../nodes/shared/replay';
import { LOCATION_ID, privateIntegrationCredentials } from '../../../../helpers/context';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';
import { ed25519Pair, expectIgnored, runWebhook, signEd25519, type WebhookCall } from '../../../../helpers/webhookContext';

useGhlTestEnvironment();

const trigger = new GhlTrigger();
const keys = ed25519Pair();

/** What our write set, as the node wrote it. */
const WRITTEN = { email: 'Jane@Example.com', phone: '(415) 555-0123', firstName: 'Jane', tags: ['Hot', 'scoreapp'] };

/** A contact event as GHL sends it after that write: values normalised, the marker among the custom fields. */
function contactEvent(type: string, marker: string, extra: Record<string, unknown> = {}) {
	return {
		type,
		locationId: LOCATION_ID,
		id: 'c1',
		email: 'jane@example.com',
		phone: '+14155550123',
		firstName: 'Jane',
		lastName: 'Doe',
		tags: ['scoreapp', 'hot'],
		customFields: [{ id: 'cfOther', value: 'XYZ Corp' }, { id: 'cfMarker', value: marker }],
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...extra,
	};
}

function call(payload: object, options: Record<string, unknown> = { ignoreEchoes: true }, more: Partial<WebhookCall> = {}): WebhookCall {
	const body = JSON.stringify(payload);
	return {
		body,
		headers: { 'x-ghl-signature': signEd25519(keys.privateKey, body) },
		parameters: { source: 'marketplaceApp', events: ['*'], options: { customPublicKeys: keys.spkiBase64, ...options }, ...more.parameters },
		staticData: more.staticData,
		credentials: { ghlPrivateIntegrationApi: privateIntegrationCredentials },
	};
}

const fresh = (values: Record<string, unknown> = WRITTEN) => createMarker(values, Date.now());

beforeEach(() => forgetSeenIds());

describe('GHL Trigger echo guard: contact events', () => {
	it('drops our own write coming back: 200, nothing starts', async () => {
		expectIgnored(await runWebhook(trigger, call(contactEvent('ContactUpdate', fresh()))));
	});

	it('off by default: the same event starts the workflow', async () => {
		const run = await runWebhook(trigger, call(contactEvent('ContactUpdate', fresh()), {}));
		expect(run.items).toHaveLength(1);
		expect(run.items?.[0]).not.toHaveProperty('isEcho');
	});

	it('Output Echoes Flagged passes echoes through with isEcho: true and others with isEcho: false', async () => {
		const marker = fresh();
		const echo = await runWebhook(trigger, call(contactEvent('ContactUpdate', marker), { ignoreEchoes: true, flagEchoes: true }));
		expect(echo.items?.[0]).toMatchObject({ event: 'ContactUpdate', isEcho: true });
		const human = await runWebhook(trigger, call(contactEvent('ContactUpdate', marker, { email: 'jane@else.com' }), { ignoreEchoes: true, flagEchoes: true }));
		expect(human.items?.[0]).toMatchObject({ isEcho: false });
	});

	it('a change made in GHL to a field we wrote is not an echo', async () => {
		const run = await runWebhook(trigger, call(contactEvent('ContactUpdate', fresh(), { firstName: 'Janet' })));
		expect(run.items).toHaveLength(1);
	});

	it('a later change in GHL to another field, still carrying our marker, is not an echo (the marker was consumed)', async () => {
		const marker = fresh();
		const staticData = {};
		expectIgnored(await runWebhook(trigger, call(contactEvent('ContactUpdate', marker), undefined, { staticData })));
		const later = await runWebhook(trigger, call(contactEvent('ContactUpdate', marker, { city: 'Paris' }), undefined, { staticData }));
		expect(later.items).toHaveLength(1);
	});

	it('the consumption survives a restart (static data) ', async () => {
		const marker = fresh();
		const staticData = {};
		expectIgnored(await runWebhook(trigger, call(contactEvent('ContactUpdate', marker), undefined, { staticData })));
		expect(Object.keys(staticData)).toEqual(expect.arrayContaining(['replayKeys', 'echoKeys']));
		forgetSeenIds();
		const later = await runWebhook(trigger, call(contactEvent('ContactUpdate', marker, { city: 'Paris' }), undefined, { staticData }));
		expect(later.items).toHaveLength(1);
	});

	it('one write may raise several event types: each is recognised once', async () => {
		const marker = fresh();
		expectIgnored(await runWebhook(trigger, call(contactEvent('ContactUpdate', marker))));
		expectIgnored(await runWebhook(trigger, call(contactEvent('ContactTagUpdate', marker))));
	});

	it('ContactTagUpdate is not an echo of a write that set no tags', async () => {
		const values = { email: 'Jane@Example.com' };
		const run = await runWebhook(trigger, call(contactEvent('ContactTagUpdate', fresh(values))));
		expect(run.items).toHaveLength(1);
	});

	it('ContactDndUpdate is an echo only of a write that set DND', async () => {
		const withDnd = await runWebhook(trigger, call(contactEvent('ContactDndUpdate', fresh({ dnd: true }), { dnd: true })));
		expectIgnored(withDnd);
		const without = await runWebhook(trigger, call(contactEvent('ContactDndUpdate', fresh(), { dnd: true })));
		expect(without.items).toHaveLength(1);
	});

	it('a stale marker (over 15 minutes) is not an echo', async () => {
		const run = await runWebhook(trigger, call(contactEvent('ContactUpdate', createMarker(WRITTEN, Date.now() - 15 * 60_000 - 1_000))));
		expect(run.items).toHaveLength(1);
	});

	it('an event without a marker, or with a broken one, starts the workflow', async () => {
		expect((await runWebhook(trigger, call(contactEvent('ContactUpdate', 'plain text')))).items).toHaveLength(1);
		expect((await runWebhook(trigger, call(contactEvent('ContactUpdate', `${fresh()}x`)))).items).toHaveLength(1);
	});
});

describe('GHL Trigger echo guard: opportunity events (marker from the fetched record)', () => {
	const written = { name: 'Jane — Scorecard', status: 'open', pipelineId: 'p1', pipelineStageId: 's2', monetaryValue: 1500 };
	const opportunityEvent = (type: string, extra: Record<string, unknown> = {}) => ({
		type,
		locationId: LOCATION_ID,
		id: 'o1',
		contactId: 'c1',
		...written,
		monetaryValue: 1500,
		timestamp: new Date().toISOString(),
		webhookId: randomUUID(),
		...extra,
	});
	const fetchWith = { parameters: { fetchFullRecord: 'ghlPrivateIntegrationApi' } };

	it('reads the opportunity and drops the event when the record carries our matching marker', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', ...written, customFields: [{ id: 'ocMarker', fieldValue: fresh(written) }] } });
		const run = await runWebhook(trigger, call(opportunityEvent('OpportunityStageUpdate'), undefined, fetchWith));
		expect(run.result).toEqual({ noWebhookResponse: true });
		expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
	});

	it('a stage moved in GHL after our write is not an echo', async () => {
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', ...written, pipelineStageId: 's3', customFields: [{ id: 'ocMarker', fieldValue: fresh(written) }] } });
		const run = await runWebhook(trigger, call(opportunityEvent('OpportunityStageUpdate', { pipelineStageId: 's3' }), undefined, fetchWith));
		expect(run.items?.[0]).toMatchObject({ event: 'OpportunityStageUpdate', record: { pipelineStageId: 's3' } });
	});

	it('OpportunityMonetaryValueUpdate is not an echo of a write that set no value', async () => {
		// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the rest without monetaryValue is what is used
		const { monetaryValue: _omit, ...noValue } = written;
		ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', ...written, customFields: [{ id: 'ocMarker', fieldValue: fresh(noValue) }] } });
		const run = await runWebhook(trigger, call(opportunityEvent('OpportunityMonetaryValueUpdate'), undefined, fetchWith));
		expect(run.items).toHaveLength(1);
	});

	it('without Fetch Full Record opportunity events are never echoes, and that is logged once', async () => {
		const first = await runWebhook(trigger, call(opportunityEvent('OpportunityUpdate')));
		const second = await runWebhook(trigger, call(opportunityEvent('OpportunityUpdate')));
		expect(first.items).toHaveLength(1);
		expect(second.items).toHaveLength(1);
		expect([...first.warnings, ...second.warnings]).toEqual([expect.stringContaining('without Fetch Full Record')]);
	});
});
