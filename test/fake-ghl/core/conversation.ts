/**
 * Conversations and messages as records: the channel of each SendMessageBodyDto `type`, the DND
 * rule, one conversation per contact, and the public shapes (ConversationSchema,
 * GetConversationByIdResponse, GetMessageResponseDto).
 */
import { MESSAGES } from './constants.ts';
import type { Core, Rec } from './types.ts';
import { badRequest, clone, newId } from './util.ts';

/**
 * SendMessageBodyDto `type` → stored messageType, the contact's dndSettings channel, and the
 * contact field the message needs. `type` (a number in GetMessageResponseDto) is the 1-based
 * position of messageType in the spec's enum: an assumption, the spec gives no table.
 */
export const CHANNELS: Record<string, { messageType: string; type: number; dnd?: string; needs?: 'phone' | 'email' }> = {
	SMS: { messageType: 'TYPE_SMS', type: 2, dnd: 'SMS', needs: 'phone' },
	RCS: { messageType: 'TYPE_RCS', type: 3, dnd: 'SMS', needs: 'phone' },
	Email: { messageType: 'TYPE_EMAIL', type: 4, dnd: 'Email', needs: 'email' },
	WhatsApp: { messageType: 'TYPE_WHATSAPP', type: 20, dnd: 'WhatsApp', needs: 'phone' },
	FB: { messageType: 'TYPE_FACEBOOK', type: 12, dnd: 'FB' },
	IG: { messageType: 'TYPE_INSTAGRAM', type: 19 },
	Custom: { messageType: 'TYPE_CUSTOM_SMS', type: 21 },
	Live_Chat: { messageType: 'TYPE_LIVE_CHAT', type: 30 },
	TIKTOK: { messageType: 'TYPE_TIKTOK', type: 38 },
};

const BLOCKING = ['active', 'permanent'];

/** The DND error for sending `type` to `contact`, if any: `dnd: true` blocks every channel. */
export function dndError(contact: Rec, type: string): string | undefined {
	if (contact.dnd === true) return `${MESSAGES.dnd} all channels.`;
	const channel = CHANNELS[type]?.dnd;
	if (channel && BLOCKING.includes(contact.dndSettings?.[channel]?.status)) return `${MESSAGES.dnd} ${channel}.`;
	return undefined;
}

/** The contact's conversation in its location, created when `create` and there is none. */
export function conversationOf(core: Core, contact: Rec, create: boolean, channelType?: string): Rec | undefined {
	for (const c of core.state.conversations.values()) if (c.contactId === contact.id && c.locationId === contact.locationId && !c.deleted) return c;
	if (!create) return undefined;
	return addConversation(core, { locationId: contact.locationId, contactId: contact.id, type: channelType === 'Email' && !contact.phone ? 'TYPE_EMAIL' : 'TYPE_PHONE' });
}

export function addConversation(core: Core, input: Rec): Rec {
	const t = core.iso();
	const c: Rec = { unreadCount: 0, inbox: true, starred: false, deleted: false, type: 'TYPE_PHONE', dateAdded: t, dateUpdated: t, lastMessageDate: t, lastMessageBody: '', lastMessageType: undefined, ...input, id: input.id ?? newId() };
	core.state.conversations.set(c.id, c);
	return c;
}

/** Stores a message and moves its conversation's "last message" fields. */
export function addMessage(core: Core, conv: Rec, input: Rec): Rec {
	const m: Rec = {
		type: CHANNELS.SMS.type,
		messageType: 'TYPE_SMS',
		direction: 'inbound',
		status: 'delivered',
		contentType: 'text/plain',
		attachments: [],
		body: '',
		source: 'api',
		dateAdded: core.iso(),
		...input,
		id: input.id ?? newId(),
		conversationId: conv.id,
		locationId: conv.locationId,
		contactId: conv.contactId,
	};
	core.state.messages.set(m.id, m);
	if (Date.parse(m.dateAdded) >= Date.parse(conv.lastMessageDate) || !conv.lastMessageType) {
		Object.assign(conv, { lastMessageBody: m.body, lastMessageType: m.messageType, lastMessageDirection: m.direction, lastMessageDate: m.dateAdded, dateUpdated: core.iso() });
	}
	if (m.direction === 'inbound') conv.unreadCount += 1;
	return m;
}

/** The contact field a channel needs (phone for SMS/RCS/WhatsApp, email for Email), unless the body names one. */
export function assertReachable(contact: Rec, body: Rec): void {
	const needs = CHANNELS[body.type]?.needs;
	if (needs === 'phone' && !contact.phone && !body.toNumber) throw badRequest(`Missing phone number: contact ${contact.id} has no phone number`);
	if (needs === 'email' && !contact.email && !body.emailTo) throw badRequest(`Missing email: contact ${contact.id} has no email address`);
}

const ms = (iso: string) => Date.parse(iso);

/** ConversationSchema (search rows); dates as epoch ms, `sort` is the value startAfterDate takes. */
export function publicConversation(core: Core, c: Rec): Rec {
	const contact = core.state.contacts.get(c.contactId);
	const name = contact?.name ?? [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
	return {
		id: c.id,
		contactId: c.contactId,
		locationId: c.locationId,
		lastMessageBody: c.lastMessageBody,
		lastMessageType: c.lastMessageType,
		lastMessageDirection: c.lastMessageDirection,
		type: c.type,
		unreadCount: c.unreadCount,
		fullName: name,
		contactName: contact?.companyName || name,
		email: contact?.email ?? '',
		phone: contact?.phone ?? '',
		assignedTo: c.assignedTo,
		starred: c.starred,
		dateAdded: ms(c.dateAdded),
		dateUpdated: ms(c.dateUpdated),
		lastMessageDate: ms(c.lastMessageDate),
		sort: [ms(c.lastMessageDate)],
	};
}

const CONVERSATION_TYPES = ['TYPE_PHONE', 'TYPE_EMAIL', 'TYPE_FB_MESSENGER', 'TYPE_REVIEW', 'TYPE_GROUP_SMS'];

/** GetConversationByIdResponse: `type` is a number there (1-based position in ConversationSchema's enum, an assumption). */
export function conversationById(c: Rec): Rec {
	const { id, contactId, locationId, deleted, inbox, unreadCount, assignedTo, starred, dateAdded, dateUpdated, lastMessageDate, lastMessageBody, lastMessageType } = c;
	return { id, contactId, locationId, deleted, inbox, type: CONVERSATION_TYPES.indexOf(c.type) + 1, unreadCount, assignedTo, starred, dateAdded, dateUpdated, lastMessageDate, lastMessageBody, lastMessageType };
}

export function publicMessage(m: Rec): Rec {
	return clone(m);
}
