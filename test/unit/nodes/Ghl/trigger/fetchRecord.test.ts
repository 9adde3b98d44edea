import { randomUUID } from 'node:crypto';
import nock from 'nock';

import { GhlTrigger } from '../../../../../nodes/Ghl/GhlTrigger.node';
import { recordSource } from '../../../../../nodes/Ghl/trigger/fetchRecord';
import { forgetSeenIds } from '../../../../../nodes/shared/replay';
import {
	BASE_URL,
	LOCATION_ID,
	oauthCompanyCredentials,
	oauthLocationCredentials,
	privateIntegrationCredentials,
} from '../../../../helpers/context';
import { HOSTILE } from '../../../../helpers/hostile';
import { ghl, useGhlTestEnvironment } from '../../../../helpers/setup';
import { ed25519Pair, runWebhook, signEd25519, type WebhookCall } from '../../../../helpers/webhookContext';

const trigger = new GhlTrigger();
const keys = ed25519Pair();

function event(type: string, extra: Record<string, unknown> = {}) {
	return { type, locationId: LOCATION_ID, timestamp: new Date().toISOString(), webhookId: randomUUID(), ...extra };
}

function call(payload: object, fetchWith = 'ghlPrivateIntegrationApi'): WebhookCall {
	const body = JSON.stringify(payload);
	return {
		body,
		headers: { 'x-ghl-signature': signEd25519(keys.privateKey, body) },
		parameters: {
			source: 'marketplaceApp',
			events: ['*'],
			options: { customPublicKeys: keys.spkiBase64 },
			fetchFullRecord: fetchWith,
		},
		credentials: {
			ghlPrivateIntegrationApi: privateIntegrationCredentials,
			ghlOAuth2Api: oauthLocationCredentials,
		},
	};
}

describe('GHL Trigger: fetch full record', () => {
	useGhlTestEnvironment();
	beforeEach(() => forgetSeenIds());

	it('reads the contact, answers GHL first, and outputs the event with the record', async () => {
		const contact = { id: 'c1', email: 'jane@example.com', customFields: [{ id: 'f1', value: 'x' }] };
		ghl().get('/contacts/c1').reply(200, { contact });
		const payload = event('ContactUpdate', { id: 'c1' });
		const run = await runWebhook(trigger, call(payload));
		expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.items).toEqual([
			{ event: 'ContactUpdate', locationId: LOCATION_ID, webhookId: payload.webhookId, timestamp: payload.timestamp, payload, record: contact },
		]);
	});

	it('reads tasks and notes under their contact', async () => {
		ghl().get('/contacts/c1/tasks/t1').reply(200, { task: { id: 't1', completed: true } });
		ghl().get('/contacts/c1/notes/n1').reply(200, { note: { id: 'n1', body: 'Full text' } });
		const task = await runWebhook(trigger, call(event('TaskComplete', { id: 't1', contactId: 'c1' })));
		expect(task.items?.[0].record).toEqual({ id: 't1', completed: true });
		const note = await runWebhook(trigger, call(event('NoteCreate', { id: 'n1', contactId: 'c1' })));
		expect(note.items?.[0].record).toEqual({ id: 'n1', body: 'Full text' });
	});

	it('reads appointments from the calendars API (its own Version header)', async () => {
		ghl('2021-04-15').get('/calendars/events/appointments/a1').reply(200, { event: { id: 'a1', title: 'Demo' } });
		const run = await runWebhook(trigger, call(event('AppointmentCreate', { appointment: { id: 'a1', calendarId: 'cal1' } })));
		expect(run.items?.[0].record).toEqual({ id: 'a1', title: 'Demo' });
	});

	it.each(['OpportunityCreate', 'OpportunityUpdate', 'OpportunityStageUpdate', 'OpportunityStatusUpdate', 'OpportunityAssignedToUpdate', 'OpportunityMonetaryValueUpdate'])(
		'reads the opportunity behind %s',
		async (type) => {
			ghl().get('/opportunities/o1').reply(200, { opportunity: { id: 'o1', pipelineStageId: 's2' } });
			const run = await runWebhook(trigger, call(event(type, { id: 'o1', pipelineId: 'p1', contactId: 'c1' })));
			expect(run.items?.[0]).toMatchObject({ event: type, record: { id: 'o1', pipelineStageId: 's2' } });
		},
	);

	it('passes message and opportunity-delete events through without a read', async () => {
		for (const type of ['InboundMessage', 'OutboundMessage', 'OpportunityDelete']) {
			const run = await runWebhook(trigger, call(event(type, { id: 'x1', messageId: 'm1', conversationId: 'cv1', body: 'Yes please' })));
			expect(run.items?.[0]).toMatchObject({ event: type });
			expect(run.items?.[0].record).toBeUndefined();
		}
	});

	it('keeps the event when the read fails, with a fetchError instead of the record', async () => {
		ghl().get('/contacts/gone').reply(404, { message: 'Contact not found' });
		const payload = event('ContactUpdate', { id: 'gone' });
		const run = await runWebhook(trigger, call(payload));
		expect(run.items).toHaveLength(1);
		expect(run.items?.[0]).toMatchObject({ event: 'ContactUpdate', payload });
		expect(run.items?.[0].record).toBeUndefined();
		expect(run.items?.[0].fetchError).toMatchObject({ httpCode: '404' });
		expect(JSON.stringify(run.items?.[0].fetchError)).not.toContain('pit-secret-token');
	});

	it('keeps the event when the payload lacks the ids to read it', async () => {
		const run = await runWebhook(trigger, call(event('TaskCreate', { id: 't1' })));
		expect(run.items?.[0].fetchError).toEqual({ message: 'The event has no id or contactId' });
	});

	it('does not try to read records of delete or app events', async () => {
		for (const type of ['ContactDelete', 'TaskDelete', 'NoteDelete', 'AppointmentDelete', 'INSTALL', 'UNINSTALL']) {
			const run = await runWebhook(trigger, call(event(type, { id: 'x1', contactId: 'c1', appointment: { id: 'a1' } })));
			expect(run.items).toHaveLength(1);
			expect(run.items?.[0]).not.toHaveProperty('record');
			expect(run.items?.[0]).not.toHaveProperty('fetchError');
			expect(run.response).toEqual({ statusCode: 200, body: { received: true }, ended: true });
		}
	});

	it('reports a location mismatch for a Private Integration token without calling GHL', async () => {
		const run = await runWebhook(trigger, call(event('ContactCreate', { id: 'c1', locationId: 'other_loc' })));
		expect(run.requests).toHaveLength(0);
		expect(run.items?.[0].fetchError).toEqual({
			message: `The event is for location other_loc, but the Private Integration credential is for location ${LOCATION_ID}`,
		});
	});

	it('reads with an OAuth2 location install', async () => {
		ghl('2021-07-28', 'oauth-access').get('/contacts/c1').reply(200, { contact: { id: 'c1' } });
		const run = await runWebhook(trigger, call(event('ContactCreate', { id: 'c1' }), 'ghlOAuth2Api'));
		expect(run.items?.[0].record).toEqual({ id: 'c1' });
	});

	it('mints a location token for the event\'s location with an agency (Company) install', async () => {
		nock(BASE_URL)
			.post('/oauth/locationToken', 'companyId=comp_1&locationId=loc_sub_9')
			.reply(200, { access_token: 'loc-token-9', expires_in: 86399 });
		ghl('2021-07-28', 'loc-token-9').get('/contacts/c9').reply(200, { contact: { id: 'c9' } });
		const agency = call(event('ContactCreate', { id: 'c9', locationId: 'loc_sub_9' }), 'ghlOAuth2Api');
		agency.credentials = { ghlOAuth2Api: oauthCompanyCredentials };
		const run = await runWebhook(trigger, agency);
		expect(run.items?.[0].record).toEqual({ id: 'c9' });
	});

	it('turns a missing location on an agency install into a fetchError', async () => {
		const agency = call(event('ContactCreate', { id: 'c9', locationId: undefined }), 'ghlOAuth2Api');
		agency.credentials = { ghlOAuth2Api: oauthCompanyCredentials };
		const run = await runWebhook(trigger, agency);
		expect(run.items?.[0].fetchError).toMatchObject({ message: expect.stringContaining('Choose a Location') });
	});

	it('does not fetch for rejected events', async () => {
		const rejected = call(event('ContactCreate', { id: 'c1' }));
		rejected.headers = {};
		const run = await runWebhook(trigger, rejected);
		expect(run.response.statusCode).toBe(401);
		expect(run.requests).toHaveLength(0);
	});
});

describe('GHL Trigger → Fetch Full Record builds its path from checked payload ids', () => {
	useGhlTestEnvironment();

	it.each(HOSTILE.filter(Boolean))('refuses the payload id %j', (id) => {
		expect(recordSource('ContactUpdate', { id })).toEqual({ error: expect.stringContaining('contactId') });
		expect(recordSource('TaskComplete', { id, contactId: 'c1' })).toEqual({ error: expect.stringMatching(/id .*is not a valid GHL ID|id is empty/) });
		expect(recordSource('NoteCreate', { id: 'n1', contactId: id })).toEqual({ error: expect.stringContaining('contactId') });
		expect(recordSource('AppointmentCreate', { appointment: { id } })).toEqual({ error: expect.stringContaining('id') });
		expect(recordSource('OpportunityStageUpdate', { id })).toEqual({ error: expect.stringContaining('id') });
	});

	it('passes good ids as segments for the transport to encode', () => {
		expect(recordSource('NoteCreate', { id: 'n1', contactId: 'c1' })).toEqual({
			path: '/contacts/{contactId}/notes/{id}',
			segments: { contactId: 'c1', id: 'n1' },
			keys: ['note'],
		});
	});
});
