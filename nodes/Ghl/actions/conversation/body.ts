import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toEpochMs } from '../../helpers/dates';
import { assertEmail, assertId, invalidInput, toList } from '../../helpers/utils';
import { readFields, readTimeZoneOption } from '../parameters';

/**
 * SendMessageBodyDto.type (conversations.json), with the contact's DND channel it is refused by
 * (contacts.json DndSettingsSchema; types without one only stop at DND for all channels).
 */
export const MESSAGE_TYPES = [
	{ name: 'Custom Provider', value: 'Custom', dnd: undefined },
	{ name: 'Email', value: 'Email', dnd: 'Email' },
	{ name: 'Facebook Messenger', value: 'FB', dnd: 'FB' },
	{ name: 'Instagram', value: 'IG', dnd: undefined },
	{ name: 'Live Chat', value: 'Live_Chat', dnd: undefined },
	{ name: 'RCS', value: 'RCS', dnd: 'SMS' },
	{ name: 'SMS', value: 'SMS', dnd: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK', dnd: undefined },
	{ name: 'WhatsApp', value: 'WhatsApp', dnd: 'WhatsApp' },
] as const;

export type MessageType = (typeof MESSAGE_TYPES)[number]['value'];

/** The `type` filter of GET /conversations/{conversationId}/messages. */
export const GET_MESSAGE_TYPES = [
	'TYPE_ACTIVITY_APPOINTMENT',
	'TYPE_ACTIVITY_CONTACT',
	'TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG',
	'TYPE_ACTIVITY_INVOICE',
	'TYPE_ACTIVITY_OPPORTUNITY',
	'TYPE_ACTIVITY_PAYMENT',
	'TYPE_ACTIVITY_WHATSAPP',
	'TYPE_CALL',
	'TYPE_EMAIL',
	'TYPE_FACEBOOK',
	'TYPE_FORM_SUBMISSION',
	'TYPE_GMB',
	'TYPE_INSTAGRAM',
	'TYPE_INTERNAL_COMMENTS',
	'TYPE_LIVE_CHAT',
	'TYPE_RCS',
	'TYPE_SMS',
	'TYPE_TIKTOK',
	'TYPE_WHATSAPP',
];

const EMAIL_ONLY = ['emailFrom', 'emailTo', 'emailCc', 'emailBcc', 'emailReplyMode'] as const;
const IDS = ['appointmentId', 'replyMessageId', 'templateId', 'threadId', 'conversationProviderId'] as const;
const LABELS: Record<string, string> = {
	appointmentId: 'Appointment ID',
	replyMessageId: 'Reply To Message ID',
	templateId: 'Template ID',
	threadId: 'Thread ID',
	conversationProviderId: 'Conversation Provider ID',
	emailFrom: 'Email From',
	emailTo: 'Email To',
	emailCc: 'Email CC',
	emailBcc: 'Email BCC',
	emailReplyMode: 'Email Reply Mode',
};

function isSet(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '' && !(Array.isArray(value) && !value.length);
}

export function readMessageType(this: IExecuteFunctions, itemIndex: number): (typeof MESSAGE_TYPES)[number] {
	const value = String(this.getNodeParameter('type', itemIndex, 'SMS'));
	const type = MESSAGE_TYPES.find((candidate) => candidate.value === value);
	if (!type) {
		throw invalidInput(this.getNode(), itemIndex, 'Type', `"${value}" is not a message type`, `Use one of ${MESSAGE_TYPES.map((t) => t.value).join(', ')}.`);
	}
	return type;
}

/** Attachment URLs must be https: GHL fetches them, and we never hand it a local or plain-text URL. */
function attachmentUrls(this: IExecuteFunctions, itemIndex: number, value: unknown): string[] {
	return toList(value).map((text) => {
		let url: URL | undefined;
		try {
			url = new URL(text);
		} catch {
			url = undefined;
		}
		if (!url || url.protocol !== 'https:' || !url.hostname || url.username || url.password) {
			throw invalidInput(this.getNode(), itemIndex, 'Additional Fields → Attachment URLs', `"${text.slice(0, 200)}" is not an https URL`, 'Give each file as a public https:// URL, without user name or password.');
		}
		return url.href;
	});
}

function phone(this: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string {
	const text = String(value).trim();
	if (!/^\+?[\d\s().-]+$/.test(text) || text.replace(/\D/g, '').length < 4) {
		throw invalidInput(this.getNode(), itemIndex, `Additional Fields → ${field}`, `"${text}" is not a phone number`, 'Enter a number such as +14155550123.');
	}
	return text;
}

/** Builds SendMessageBodyDto (all but contactId) from an item, checking every rule of its type. */
export function buildSendMessageBody(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const type = readMessageType.call(this, itemIndex);
	const fields = readFields.call(this, itemIndex, 'create');
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
	const body: IDataObject = { type: type.value };
	if (message.trim()) body.message = message;

	if (isSet(fields.attachments)) body.attachments = attachmentUrls.call(this, itemIndex, fields.attachments);

	if (type.value === 'Email') {
		const subject = String(this.getNodeParameter('subject', itemIndex, '') ?? '');
		const html = String(this.getNodeParameter('html', itemIndex, '') ?? '');
		if (!subject.trim()) throw invalidInput(node, itemIndex, 'Subject', 'is empty', 'An email needs a subject.');
		if (!html.trim() && !message.trim()) throw invalidInput(node, itemIndex, 'HTML', 'is empty, and so is Message', 'An email needs a body: fill HTML, Message (plain text) or both.');
		body.subject = subject;
		if (html.trim()) body.html = html;
		if (isSet(fields.emailFrom)) body.emailFrom = assertEmail(node, itemIndex, 'Additional Fields → Email From', fields.emailFrom);
		if (isSet(fields.emailTo)) body.emailTo = assertEmail(node, itemIndex, 'Additional Fields → Email To', fields.emailTo);
		for (const key of ['emailCc', 'emailBcc'] as const) {
			if (isSet(fields[key])) body[key] = toList(fields[key]).map((email) => assertEmail(node, itemIndex, `Additional Fields → ${LABELS[key]}`, email));
		}
		if (isSet(fields.emailReplyMode)) body.emailReplyMode = String(fields.emailReplyMode);
	} else {
		const unused = EMAIL_ONLY.find((key) => isSet(fields[key]));
		if (unused) throw invalidInput(node, itemIndex, `Additional Fields → ${LABELS[unused]}`, `is only for Email, not ${type.name}`, 'Remove the field, or set Type to Email.');
		if (!message.trim() && !body.attachments) throw invalidInput(node, itemIndex, 'Message', 'is empty', `A ${type.name} message needs text (or at least one attachment).`);
	}

	for (const key of IDS) {
		if (isSet(fields[key])) body[key] = assertId(node, itemIndex, `Additional Fields → ${LABELS[key]}`, fields[key]);
	}
	if (type.value === 'Custom' && !body.conversationProviderId) {
		throw invalidInput(node, itemIndex, 'Additional Fields → Conversation Provider ID', 'is empty', 'A Custom message is delivered by a custom conversation provider: give its ID.');
	}
	if (isSet(fields.fromNumber)) body.fromNumber = phone.call(this, itemIndex, 'From Number', fields.fromNumber);
	if (isSet(fields.toNumber)) body.toNumber = phone.call(this, itemIndex, 'To Number', fields.toNumber);
	if (isSet(fields.scheduledTime)) {
		const ms = toEpochMs(node, itemIndex, 'Additional Fields → Scheduled Time', fields.scheduledTime, { timeZone: readTimeZoneOption.call(this, itemIndex) });
		// GHL wants UTC epoch seconds here.
		body.scheduledTimestamp = Math.floor(ms / 1000);
	}
	return body;
}

/** The description for GHL refusing a message because of the contact's Do Not Disturb setting. */
export function dndHint(type: (typeof MESSAGE_TYPES)[number]): string {
	const where = type.dnd
		? `Do Not Disturb on for ${type.dnd}${type.dnd !== type.value ? ` (which ${type.name} messages follow)` : ''}, or for all channels`
		: 'Do Not Disturb on for all channels';
	const lift = type.dnd
		? `Contact → Update → Update Fields → DND per Channel → ${type.dnd}: Inactive, and DND (All Channels) off`
		: 'Contact → Update → Update Fields → DND (All Channels) off';
	return `GHL did not send the ${type.name} message: the contact has ${where}. To lift it, open the contact in GHL (DND settings) or use ${lift}. Only do that if the contact agreed to hear from you again: a DND set by an opt-out (such as a STOP reply) must be respected.`;
}

/** GHL's answer when a contact's Do Not Disturb blocks a message. */
export function isDndRefusal(message: string): boolean {
	return /\bdnd\b|do[\s-]*not[\s-]*disturb/i.test(message);
}
