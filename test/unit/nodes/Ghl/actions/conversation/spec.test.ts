import { SPEC_OPERATIONS } from '../../../../../fake-ghl/spec.generated';
import { GET_MESSAGE_TYPES, MESSAGE_TYPES } from '../../../../../../nodes/Ghl/actions/conversation/body';
import { locator } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';
import { specProblems } from '../../../../../helpers/spec';

useGhlTestEnvironment();

const V = '2021-04-15';
const base = { resource: 'conversation', location: locator('list', ''), contactId: locator('id', 'c1'), options: {} };
const send = { ...base, operation: 'sendMessage', type: 'SMS', message: 'Hi', additionalFields: {} };
const allIds = { appointmentId: 'ap1', replyMessageId: 'm0', templateId: 't1', threadId: 'th1', scheduledTime: '2030-01-01T10:00:00Z' };

/** Every request of both conversation operations, with every field set, checked against conversations.json. */
describe('conversation requests conform to conversations.json', () => {
	it.each([
		['SMS, every field', { ...send, additionalFields: { ...allIds, attachments: 'https://x.example/a.jpg', fromNumber: '+14155550100', toNumber: '+14155550123' } }],
		['SMS, minimal', send],
		['Email, every field', {
			...send,
			type: 'Email',
			subject: 'S',
			html: '<p>x</p>',
			message: 'x',
			additionalFields: { ...allIds, attachments: 'https://x.example/a.pdf', emailFrom: 'a@example.com', emailTo: 'b@example.com', emailCc: 'c@example.com', emailBcc: 'd@example.com', emailReplyMode: 'reply_all' },
		}],
		...['WhatsApp', 'RCS', 'FB', 'IG', 'TIKTOK', 'Live_Chat'].map((type) => [type, { ...send, type }] as [string, Record<string, unknown>]),
		['Custom', { ...send, type: 'Custom', additionalFields: { conversationProviderId: 'prov1' } }],
	])('sendMessage: %s', async (_name, parameters) => {
		ghl(V).post('/conversations/messages').reply(200, { conversationId: 'conv1', messageId: 'm1', status: 'pending' });
		const { context } = await runNode({ parameters });
		expect(context.requests).toHaveLength(1);
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	it('getMessages: search, then two pages with a type filter and the cursor', async () => {
		ghl(V).get('/conversations/search').query(true).reply(200, { conversations: [{ id: 'conv1' }], total: 1 });
		ghl(V).get('/conversations/conv1/messages').query(true).reply(200, { messages: { lastMessageId: 'm1', nextPage: true, messages: [{ id: 'm1' }] } });
		ghl(V).get('/conversations/conv1/messages').query(true).reply(200, { messages: { lastMessageId: 'm2', nextPage: false, messages: [{ id: 'm2' }] } });
		const { context } = await runNode({ parameters: { ...base, operation: 'getMessages', returnAll: true, filters: { types: ['TYPE_SMS'] } } });
		expect(context.requests).toHaveLength(3);
		expect(context.requests[2].qs).toMatchObject({ lastMessageId: 'm1', type: 'TYPE_SMS' });
		expect(context.requests.flatMap(specProblems)).toEqual([]);
	});

	// The spec types `type` as one enum value, yet describes it as "separated with comma" (example
	// "TYPE_SMS,TYPE_CALL"): several types are sent that way, each part one of the enum.
	it('getMessages: several types are each one of the spec\'s values', async () => {
		ghl(V).get('/conversations/search').query(true).reply(200, { conversations: [{ id: 'conv1' }], total: 1 });
		ghl(V).get('/conversations/conv1/messages').query(true).reply(200, { messages: { lastMessageId: 'm1', nextPage: false, messages: [] } });
		const { context } = await runNode({ parameters: { ...base, operation: 'getMessages', returnAll: true, filters: { types: ['TYPE_SMS', 'TYPE_EMAIL'] } } });
		const { type, ...rest } = context.requests[1].qs as Record<string, string>;
		for (const part of type.split(',')) expect(specProblems({ ...context.requests[1], qs: { ...rest, type: part } })).toEqual([]);
	});

	it('offers exactly the spec\'s message types (send) and type filters (get)', () => {
		const enumOf = (key: string, pick: (operation: (typeof SPEC_OPERATIONS)[number]) => unknown) =>
			[...(pick(SPEC_OPERATIONS.find((operation) => operation.key === key)!) as string[])].sort();
		expect(MESSAGE_TYPES.map((type) => type.value).sort()).toEqual(enumOf('POST /conversations/messages', (operation) => operation.body?.schema.properties.type.enum));
		expect([...GET_MESSAGE_TYPES].sort()).toEqual(
			enumOf('GET /conversations/{conversationId}/messages', (operation) => operation.query?.find((parameter) => parameter.name === 'type')?.schema.enum),
		);
	});
});
