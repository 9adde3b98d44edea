/**
 * Conversations API (conversations.json, Version 2021-04-15): search, create, get, a
 * conversation's messages (lastMessageId cursor) and sending a message (DND, the channel's
 * address, the conversation created when there is none).
 */
import { assertLocation, getOwned } from '../core/auth.ts';
import { MESSAGES } from '../core/constants.ts';
import { addConversation, addMessage, assertReachable, CHANNELS, conversationById, conversationOf, dndError, publicConversation, publicMessage } from '../core/conversation.ts';
import type { Core, Rec, Routes } from '../core/types.ts';
import { badRequest, err, newId, ok } from '../core/util.ts';

const limitOf = (q: URLSearchParams) => {
	const limit = Number(q.get('limit') ?? 20);
	if (limit < 1 || limit > 100) throw err(422, ['limit must be between 1 and 100'], { error: 'Unprocessable Entity' });
	return limit;
};
const list = (v: string | null) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);

export function conversationRoutes(core: Core): Routes {
	const { state } = core;
	const contactIn = (locationId: string, contactId: string) => {
		const c = state.contacts.get(contactId);
		if (!c || c.locationId !== locationId) throw badRequest('Contact not found');
		return c;
	};

	return {
		// Newest last message first (sort=asc reverses); startAfterDate is the previous page's last `sort` value.
		'GET /conversations/search': (ctx) => {
			const q = ctx.query;
			const loc = assertLocation(core, ctx.auth, q.get('locationId')!);
			const limit = limitOf(q);
			const dir = q.get('sort') === 'asc' ? 1 : -1;
			const assigned = list(q.get('assignedTo'));
			const text = q.get('query')?.toLowerCase();
			const status = q.get('status');
			const [from, to] = [Number(q.get('startDate') ?? -Infinity), Number(q.get('endDate') ?? Infinity)];
			const rows = [...state.conversations.values()]
				.filter((c) => c.locationId === loc.id && !c.deleted)
				.map((c) => publicConversation(core, c))
				.filter(
					(c) =>
						(!q.get('contactId') || c.contactId === q.get('contactId')) &&
						(!q.get('id') || c.id === q.get('id')) &&
						(!assigned || assigned.includes(c.assignedTo ?? 'unassigned')) &&
						(!q.get('lastMessageType') || c.lastMessageType === q.get('lastMessageType')) &&
						(!q.get('lastMessageDirection') || c.lastMessageDirection === q.get('lastMessageDirection')) &&
						(status !== 'unread' || c.unreadCount > 0) &&
						(status !== 'read' || c.unreadCount === 0) &&
						(status !== 'starred' || c.starred) &&
						c.dateAdded >= from &&
						c.dateAdded <= to &&
						(!text || [c.fullName, c.contactName, c.email, c.phone, c.lastMessageBody].some((x) => typeof x === 'string' && x.toLowerCase().includes(text))),
				)
				.sort((a, b) => dir * (a.lastMessageDate - b.lastMessageDate) || (a.id < b.id ? -1 : 1));
			const after = q.get('startAfterDate');
			const start = after ? rows.filter((c) => dir * (c.lastMessageDate - Number(after)) > 0) : rows;
			return ok({ conversations: start.slice(0, limit), total: rows.length });
		},
		'POST /conversations/': (ctx) => {
			const loc = assertLocation(core, ctx.auth, ctx.body.locationId);
			const contact = contactIn(loc.id, ctx.body.contactId);
			const existing = conversationOf(core, contact, false);
			if (existing) throw badRequest(MESSAGES.conversationExists, { conversationId: existing.id });
			const c = addConversation(core, { locationId: loc.id, contactId: contact.id, type: contact.phone || !contact.email ? 'TYPE_PHONE' : 'TYPE_EMAIL' });
			const { id, dateUpdated, dateAdded, deleted, contactId, locationId, lastMessageDate, assignedTo } = c;
			return ok({ success: true, conversation: { id, dateUpdated, dateAdded, deleted, contactId, locationId, lastMessageDate, assignedTo } }, 201);
		},
		'GET /conversations/{conversationId}': (ctx) => ok(conversationById(getOwned(core, state.conversations, ctx.params.conversationId, 'Conversation', ctx.auth))),
		// Newest first; `lastMessageId` is the previous page's last id. The spec's DTO is flat, but
		// HighLevel answers {messages: {lastMessageId, nextPage, messages}} (highlevel-api-docs#54).
		'GET /conversations/{conversationId}/messages': (ctx) => {
			const conv = getOwned(core, state.conversations, ctx.params.conversationId, 'Conversation', ctx.auth);
			const limit = limitOf(ctx.query);
			const types = list(ctx.query.get('type'));
			const rows = [...state.messages.values()]
				.filter((m) => m.conversationId === conv.id && (!types || types.includes(m.messageType)))
				.sort((a, b) => Date.parse(b.dateAdded) - Date.parse(a.dateAdded) || (a.id < b.id ? 1 : -1));
			const lastId = ctx.query.get('lastMessageId');
			let start = 0;
			if (lastId) {
				const i = rows.findIndex((m) => m.id === lastId);
				if (i < 0) throw badRequest('Message not found');
				start = i + 1;
			}
			const page = rows.slice(start, start + limit);
			return ok({ messages: { lastMessageId: page[page.length - 1]?.id ?? null, nextPage: start + limit < rows.length, messages: page.map(publicMessage) } });
		},
		'POST /conversations/messages': (ctx) => {
			const b = ctx.body;
			const contact = getOwned(core, state.contacts, b.contactId, 'Contact', ctx.auth);
			const dnd = dndError(contact, b.type);
			if (dnd) throw badRequest(dnd);
			assertReachable(contact, b);
			const conv = conversationOf(core, contact, true, b.type)!;
			if (b.replyMessageId && state.messages.get(b.replyMessageId)?.conversationId !== conv.id) throw badRequest('Message not found');
			const channel = CHANNELS[b.type];
			const scheduled = typeof b.scheduledTimestamp === 'number' && b.scheduledTimestamp * 1000 > core.now();
			const emailMessageId = b.type === 'Email' ? newId() : undefined;
			const { type, contactId, message, status, ...extra } = b;
			void type;
			void contactId;
			const m = addMessage(core, conv, {
				...extra,
				type: channel.type,
				messageType: channel.messageType,
				direction: 'outbound',
				status: scheduled ? 'scheduled' : (status ?? 'pending'),
				contentType: b.html ? 'text/html' : 'text/plain',
				body: message ?? b.html ?? '',
				userId: ctx.auth?.userId,
				...(emailMessageId ? { meta: { email: { messageIds: [emailMessageId] } } } : {}),
			});
			const out: Rec = { conversationId: conv.id, messageId: m.id, messageIds: [m.id], msg: scheduled ? 'Message scheduled successfully.' : 'Message queued successfully.', status: 'pending' };
			if (emailMessageId) out.emailMessageId = emailMessageId;
			return ok(out);
		},
	};
}
