import { locator, LOCATION_ID } from '../../../../../helpers/context';
import { ghl, runNode, useGhlTestEnvironment } from '../../../../../helpers/setup';

useGhlTestEnvironment();

const V = '2021-04-15';
const base = { resource: 'conversation', operation: 'getMessages', location: locator('list', ''), contactId: locator('id', 'c1'), returnAll: true, filters: {} };
const message = (id: string) => ({ id, conversationId: 'conv1', body: `text ${id}`, messageType: 'TYPE_SMS' });

function searchFinds(...ids: string[]) {
	ghl(V).get('/conversations/search').query({ locationId: LOCATION_ID, contactId: 'c1' }).reply(200, { conversations: ids.map((id) => ({ id, contactId: 'c1' })), total: ids.length });
}

describe('conversation → getMessages', () => {
	it('finds the contact\'s conversation, then pages its messages with lastMessageId (GHL\'s wrapped answer)', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query({ limit: 100 }).reply(200, { messages: { lastMessageId: 'm2', nextPage: true, messages: [message('m1'), message('m2')] } });
		ghl(V).get('/conversations/conv1/messages').query({ limit: 100, lastMessageId: 'm2' }).reply(200, { messages: { lastMessageId: 'm3', nextPage: false, messages: [message('m3')] } });
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual(['m1', 'm2', 'm3'].map((id) => ({ json: message(id), pairedItem: { item: 0 } })));
	});

	it('reads the page as the spec documents it too (not wrapped)', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query(true).reply(200, { lastMessageId: 'm1', nextPage: false, messages: [message('m1')] });
		const { output } = await runNode({ parameters: base });
		expect(output.map((entry) => entry.json.id)).toEqual(['m1']);
	});

	it('asks only for what the limit leaves and stops there', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query({ limit: 3 }).reply(200, { messages: { lastMessageId: 'm3', nextPage: true, messages: [message('m1'), message('m2'), message('m3')] } });
		const { output } = await runNode({ parameters: { ...base, returnAll: false, limit: 3 } });
		expect(output).toHaveLength(3);
	});

	it('sends the type filter as GHL\'s comma-separated list', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query({ limit: 100, type: 'TYPE_SMS,TYPE_EMAIL' }).reply(200, { messages: { lastMessageId: 'm1', nextPage: false, messages: [message('m1')] } });
		await runNode({ parameters: { ...base, filters: { types: ['TYPE_SMS', 'TYPE_EMAIL'] } } });
	});

	it('stops when a page repeats its cursor (no endless loop)', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query({ limit: 100 }).reply(200, { messages: { lastMessageId: 'm1', nextPage: true, messages: [message('m1')] } });
		ghl(V).get('/conversations/conv1/messages').query({ limit: 100, lastMessageId: 'm1' }).reply(200, { messages: { lastMessageId: 'm1', nextPage: true, messages: [message('m1')] } });
		const { output } = await runNode({ parameters: base });
		expect(output).toHaveLength(2);
	});

	it('outputs nothing, and no error, for a contact without a conversation', async () => {
		searchFinds();
		const { output } = await runNode({ parameters: base });
		expect(output).toEqual([]);
	});

	it('refuses an unknown type filter before any request', async () => {
		await expect(runNode({ parameters: { ...base, filters: { types: ['TYPE_PIGEON'] } } })).rejects.toMatchObject({
			message: 'Filters → Message Types: "TYPE_PIGEON" is not a message type (item 0)',
		});
	});

	it('refuses a conversation ID GHL hands back that would leave its path segment', async () => {
		searchFinds('../../users');
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ message: expect.stringContaining('conversationId: "../../users" is not a valid GHL ID') });
	});

	it('names the scope a 403 on the messages read needs', async () => {
		searchFinds('conv1');
		ghl(V).get('/conversations/conv1/messages').query(true).reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ description: expect.stringContaining('"conversations/message.readonly" scope') });
	});

	it('names the scope a 403 on the search needs', async () => {
		ghl(V).get('/conversations/search').query(true).reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' });
		await expect(runNode({ parameters: base })).rejects.toMatchObject({ description: expect.stringContaining('"conversations.readonly" scope') });
	});
});
