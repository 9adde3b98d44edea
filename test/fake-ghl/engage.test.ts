/* eslint-disable @typescript-eslint/no-explicit-any -- API responses checked loosely; runs in Node, not shipped */
/**
 * Proves the fake's engagement routes (#12, "from lead to deal"): workflows and campaigns with a
 * contact's enrolments, conversations and messages (Version 2021-04-15, DND, the lastMessageId
 * cursor), and the admin API over HTTP for the new collections.
 */
import { DEFAULT_IDS as I, MESSAGES } from './server.ts';
import { useFake } from './testkit.ts';

const A = I.locationA;
const kit = useFake();
const { call, contact } = kit;

describe('workflows and campaigns', () => {
	test('listed per location, campaigns by status', async () => {
		const w = await call('GET', `/workflows/?locationId=${A}`);
		expect(w.status).toBe(200);
		expect(w.body.workflows.map((x: any) => x.name)).toEqual(['Nurture sequence', 'Hot lead alert', 'Re-engagement']);
		expect(Object.keys(w.body.workflows[0]).sort()).toEqual(['createdAt', 'id', 'locationId', 'name', 'status', 'updatedAt', 'version']);
		const c = await call('GET', `/campaigns/?locationId=${A}&status=published`);
		expect(c.body).toEqual({ campaigns: [{ id: I.campaignSpring, locationId: A, name: 'Spring promo', status: 'published' }] });
		expect((await call('GET', `/campaigns/?locationId=${A}`)).body.campaigns).toHaveLength(2);
		expect((await call('GET', `/workflows/?locationId=${I.locationB}`)).status).toBe(403);
		expect((await call('GET', '/workflows/')).status).toBe(422);
	});
	test('workflow enrolment is recorded (eventStartTime kept), removal marks it removed; strict body', async () => {
		const c = await contact();
		const add = await call('POST', `/contacts/${c}/workflow/${I.workflowNurture}`, { eventStartTime: '2030-01-02T10:00:00+01:00' });
		expect(add).toEqual({ status: 200, body: { succeded: true } });
		expect(kit.fake.snapshot('workflowEnrolments').workflowEnrolments).toEqual([
			expect.objectContaining({ contactId: c, workflowId: I.workflowNurture, locationId: A, status: 'active', eventStartTime: '2030-01-02T10:00:00+01:00' }),
		]);
		expect((await call('POST', `/contacts/${c}/workflow/${I.workflowHotLead}`, {})).status).toBe(200);
		expect((await call('DELETE', `/contacts/${c}/workflow/${I.workflowNurture}`, {})).body).toEqual({ succeded: true });
		const rows = kit.fake.snapshot('workflowEnrolments').workflowEnrolments;
		expect(rows.map((e: any) => [e.workflowId, e.status])).toEqual([
			[I.workflowNurture, 'removed'],
			[I.workflowHotLead, 'active'],
		]);
		expect((await call('POST', `/contacts/${c}/workflow/${I.workflowB}`, {})).body).toEqual({ statusCode: 400, message: 'Workflow not found' });
		expect((await call('POST', `/contacts/${c}/workflow/${I.workflowNurture}`, { startAt: 'now' })).body.message).toEqual(['property startAt should not exist']);
		expect((await call('POST', `/contacts/nope/workflow/${I.workflowNurture}`, {})).status).toBe(400);
	});
	test('campaign enrolment: add (201), remove, remove from every campaign', async () => {
		const c = await contact();
		expect((await call('POST', `/contacts/${c}/campaigns/${I.campaignSpring}`, {})).status).toBe(201);
		expect((await call('POST', `/contacts/${c}/campaigns/${I.campaignWebinar}`)).status).toBe(201);
		expect((await call('POST', `/contacts/${c}/campaigns/${I.campaignB}`, {})).status).toBe(400);
		expect((await call('DELETE', `/contacts/${c}/campaigns/${I.campaignSpring}`)).body).toEqual({ succeded: true });
		const state = () => Object.fromEntries(kit.fake.snapshot('campaignEnrolments').campaignEnrolments.map((e: any) => [e.campaignId, e.status]));
		expect(state()).toEqual({ [I.campaignSpring]: 'removed', [I.campaignWebinar]: 'active' });
		expect((await call('DELETE', `/contacts/${c}/campaigns/removeAll`)).body).toEqual({ succeded: true });
		expect(state()).toEqual({ [I.campaignSpring]: 'removed', [I.campaignWebinar]: 'removed' });
	});
});

describe('conversations and messages', () => {
	test('sending creates the conversation; search, get; Version 2021-04-15', async () => {
		const c = await contact({ firstName: 'Mia' });
		const sms = await call('POST', '/conversations/messages', { type: 'SMS', contactId: c, message: 'Hi Mia' });
		expect(sms.status).toBe(200);
		expect(sms.body).toMatchObject({ conversationId: expect.any(String), messageId: expect.any(String), msg: 'Message queued successfully.' });
		const mail = await call('POST', '/conversations/messages', { type: 'Email', contactId: c, subject: 'Offer', html: '<p>Offer</p>', emailCc: ['x@example.test'] });
		expect(mail.body.conversationId).toBe(sms.body.conversationId);
		expect(mail.body.emailMessageId).toEqual(expect.any(String));
		expect(kit.fake.state.messages.get(mail.body.messageId)).toMatchObject({ messageType: 'TYPE_EMAIL', subject: 'Offer', direction: 'outbound', contentType: 'text/html' });
		const s = await call('GET', `/conversations/search?locationId=${A}&contactId=${c}`);
		expect(s.body).toMatchObject({ total: 1, conversations: [{ id: sms.body.conversationId, contactId: c, fullName: 'Mia', lastMessageType: 'TYPE_EMAIL' }] });
		const g = await call('GET', `/conversations/${sms.body.conversationId}`);
		expect(g.body).toMatchObject({ id: sms.body.conversationId, contactId: c, locationId: A, deleted: false, inbox: true, type: 1 });
		expect((await call('GET', `/conversations/search?locationId=${A}`, undefined, { version: '2021-07-28' })).status).toBe(400);
	});
	test('POST /conversations/ creates once, then 400 with the existing id', async () => {
		const c = await contact();
		const r = await call('POST', '/conversations/', { locationId: A, contactId: c });
		expect(r).toMatchObject({ status: 201, body: { success: true, conversation: { contactId: c, locationId: A, deleted: false } } });
		const again = await call('POST', '/conversations/', { locationId: A, contactId: c });
		expect(again.body).toEqual({ statusCode: 400, message: MESSAGES.conversationExists, conversationId: r.body.conversation.id });
		expect((await call('POST', '/conversations/', { locationId: A, contactId: 'nope' })).status).toBe(400);
		expect((await call('POST', '/conversations/', { locationId: A })).body.message).toContain('contactId should not be empty');
	});
	test('DND: `dnd: true` blocks every channel, dndSettings.<channel> active/permanent blocks that one → 400', async () => {
		const all = await contact({ dnd: true });
		const r = await call('POST', '/conversations/messages', { type: 'SMS', contactId: all, message: 'x' });
		expect(r).toEqual({ status: 400, body: { statusCode: 400, message: `${MESSAGES.dnd} all channels.` } });
		const smsOff = await contact({ dndSettings: { SMS: { status: 'active' }, Email: { status: 'inactive' } } });
		expect((await call('POST', '/conversations/messages', { type: 'SMS', contactId: smsOff, message: 'x' })).body.message).toBe(`${MESSAGES.dnd} SMS.`);
		expect((await call('POST', '/conversations/messages', { type: 'Email', contactId: smsOff, html: 'x' })).status).toBe(200);
		const waGone = await contact({ dndSettings: { WhatsApp: { status: 'permanent' } } });
		expect((await call('POST', '/conversations/messages', { type: 'WhatsApp', contactId: waGone, message: 'x' })).body.message).toBe(`${MESSAGES.dnd} WhatsApp.`);
		expect(kit.fake.state.messages.size).toBe(1);
	});
	test('channel address, strict SendMessageBodyDto (subType/status not required)', async () => {
		const noPhone = await contact({ phone: undefined });
		expect((await call('POST', '/conversations/messages', { type: 'SMS', contactId: noPhone, message: 'x' })).body.message).toMatch(/^Missing phone number/);
		const r = await call('POST', '/conversations/messages', { type: 'Fax', contactId: noPhone, text: 'x' });
		expect(r.status).toBe(422);
		expect(r.body.message).toEqual(expect.arrayContaining(['property text should not exist', expect.stringMatching(/^type must be one of the following values: SMS/)]));
		expect((await call('POST', '/conversations/messages', { message: 'x' })).body.message).toEqual(expect.arrayContaining(['type should not be empty', 'contactId should not be empty']));
		const later = Math.floor(kit.fake.now() / 1000) + 3600;
		const s = await call('POST', '/conversations/messages', { type: 'Email', contactId: noPhone, message: 'later', scheduledTimestamp: later });
		expect(s.body.msg).toBe('Message scheduled successfully.');
		expect(kit.fake.state.messages.get(s.body.messageId)!.status).toBe('scheduled');
	});
	test('messages: newest first, lastMessageId cursor, nextPage, type filter', async () => {
		const c = await contact();
		const sent: string[] = [];
		for (let i = 0; i < 5; i++) {
			kit.fake.advanceClock(1000);
			sent.push((await call('POST', '/conversations/messages', { type: i === 2 ? 'Email' : 'SMS', contactId: c, message: `m${i}` })).body.messageId);
		}
		const conv = kit.fake.state.messages.get(sent[0])!.conversationId;
		const p1 = await call('GET', `/conversations/${conv}/messages?limit=2`);
		expect(p1.body.messages).toMatchObject({ nextPage: true, lastMessageId: sent[3] });
		expect(p1.body.messages.messages.map((m: any) => m.id)).toEqual([sent[4], sent[3]]);
		const seen = [...p1.body.messages.messages];
		let cursor = p1.body.messages;
		while (cursor.nextPage) {
			cursor = (await call('GET', `/conversations/${conv}/messages?limit=2&lastMessageId=${cursor.lastMessageId}`)).body.messages;
			seen.push(...cursor.messages);
		}
		expect(seen.map((m: any) => m.body)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
		const email = await call('GET', `/conversations/${conv}/messages?type=TYPE_EMAIL`);
		expect(email.body.messages.messages.map((m: any) => m.id)).toEqual([sent[2]]);
		expect((await call('GET', `/conversations/${conv}/messages?type=TYPE_FAX`)).status).toBe(422);
		expect((await call('GET', `/conversations/${conv}/messages?lastMessageId=nope`)).status).toBe(400);
	});
});

describe('admin API over HTTP: the new collections', () => {
	test('seed pipelines, opportunities, conversations and messages; read them back by collection', async () => {
		const admin = (method: string, path: string, body?: unknown) =>
			fetch(kit.fake.url + path, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
		const c = await contact({ firstName: 'Seedy' });
		const seeded = await admin('POST', '/__admin/seed', {
			pipelines: [{ id: 'pipeX', locationId: A, name: 'X', stages: [{ id: 'sx1', name: 'One' }, { id: 'sx2', name: 'Two' }] }],
			opportunities: [{ id: 'oppX', pipelineId: 'pipeX', contactId: c, name: 'Seeded deal', createdAt: '2024-01-01T00:00:00.000Z' }],
			conversations: [{ id: 'convX', contactId: c }],
			messages: [{ conversationId: 'convX', body: 'inbound hello', dateAdded: '2024-01-02T00:00:00.000Z' }],
			workflows: [{ id: 'wfX', locationId: A, name: 'Extra' }],
		});
		expect(seeded.status).toBe(201);
		expect(seeded.body.opportunities[0]).toMatchObject({ id: 'oppX', locationId: A, pipelineStageId: 'sx1', status: 'open' });
		const opps = await admin('GET', '/__admin/state?collection=opportunities');
		expect(Object.keys(opps.body)).toEqual(['opportunities']);
		expect(opps.body.opportunities.map((o: any) => o.id)).toEqual(['oppX']);
		expect((await call('GET', `/opportunities/search?location_id=${A}&date=01-01-2024&endDate=01-01-2024`)).body.meta.total).toBe(1);
		const conv = (await admin('GET', '/__admin/state?collection=conversations')).body.conversations[0];
		expect(conv).toMatchObject({ id: 'convX', locationId: A, unreadCount: 1, lastMessageBody: 'inbound hello' });
		expect((await call('GET', `/conversations/search?locationId=${A}&status=unread`)).body.total).toBe(1);
		const all = await admin('GET', '/__admin/state');
		for (const k of ['pipelines', 'lostReasons', 'opportunities', 'workflows', 'campaigns', 'workflowEnrolments', 'campaignEnrolments', 'conversations', 'messages']) expect([k, Array.isArray(all.body[k])]).toEqual([k, true]);
		await admin('POST', '/__admin/reset', { seed: 'default' });
		expect((await admin('GET', '/__admin/state?collection=opportunities')).body.opportunities).toEqual([]);
		expect((await admin('GET', '/__admin/state?collection=pipelines')).body.pipelines).toHaveLength(3);
	});
});
